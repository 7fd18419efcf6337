package dev.lambdasec.iam.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The privilege-escalation methods and risky action lists of {@code privesc.json} (bundled; merged
 * from Rhino Security Labs, Pacu, cloudsplaining, Prowler, pathfinding.cloud, PMapper facts and
 * policy_sentry; see NOTICE).
 */
public final class RiskCatalog {

  private static final String BUNDLED = "/dev/lambdasec/iam/data/privesc.json";

  /** The action lists, by the risk they carry when granted without resource scoping. */
  public enum ActionList {
    /** Actions that read data out: {@code s3:GetObject}, {@code secretsmanager:GetSecretValue}… */
    DATA_EXFILTRATION("dataExfiltration"),
    /**
     * Actions that return credentials: {@code iam:CreateAccessKey}, {@code sts:GetFederationToken}…
     */
    CREDENTIALS_EXPOSURE("credentialsExposure", "credentialsExposurePolicySentry"),
    /** Actions that change who can access a resource: resource policies, ACLs, IAM writes. */
    RESOURCE_EXPOSURE("resourceExposure");

    private final List<String> keys;

    ActionList(String... keys) {
      this.keys = List.of(keys);
    }
  }

  private final List<PrivescMethod> methods;
  private final Map<ActionList, Set<String>> lists;
  private final String source;

  private RiskCatalog(
      List<PrivescMethod> methods, Map<ActionList, Set<String>> lists, String source) {
    this.methods = methods;
    this.lists = lists;
    this.source = source;
  }

  public static RiskCatalog bundled() {
    return Bundled.INSTANCE;
  }

  private static final class Bundled {
    static final RiskCatalog INSTANCE = load();

    private static RiskCatalog load() {
      try (InputStream in = RiskCatalog.class.getResourceAsStream(BUNDLED)) {
        if (in == null) {
          throw new IllegalStateException("bundled privesc.json is missing from the jar");
        }
        return read(in, "bundled privesc.json (privesc-catalog/v1, 2026-11-22)");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Reads a {@code privesc-catalog/v1} document. */
  public static RiskCatalog read(InputStream in, String source) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    if (root == null || !"privesc-catalog/v1".equals(root.path("schema").asText())) {
      throw new IOException(source + " is not a privesc-catalog/v1 document");
    }
    List<PrivescMethod> methods = new ArrayList<>();
    for (JsonNode m : root.path("methods")) {
      if (m.path("actionsNotInCatalog").size() > 0) {
        continue; // retired or misspelled actions: no policy can grant them any more
      }
      List<String> actions = new ArrayList<>();
      m.path("requiredActions").forEach(a -> actions.add(a.asText()));
      methods.add(
          new PrivescMethod(
              m.path("id").asText(),
              m.path("name").asText(),
              text(m.get("category")),
              actions,
              m.path("lambdaRelevant").asBoolean(false),
              url(m.path("sources"))));
    }
    Map<ActionList, Set<String>> lists = new EnumMap<>(ActionList.class);
    for (ActionList list : ActionList.values()) {
      Set<String> actions = new LinkedHashSet<>();
      for (String key : list.keys) {
        root.path("riskActionLists")
            .path(key)
            .path("actions")
            .forEach(a -> actions.add(a.asText()));
      }
      lists.put(list, Set.copyOf(actions));
    }
    return new RiskCatalog(List.copyOf(methods), lists, source);
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static @Nullable String url(JsonNode sources) {
    for (JsonNode s : sources) {
      if (s.hasNonNull("url")) {
        return s.get("url").asText();
      }
    }
    return null;
  }

  public String source() {
    return source;
  }

  /** The privilege-escalation methods whose actions all exist today. */
  public List<PrivescMethod> methods() {
    return methods;
  }

  /** The actions of a list, as written in the data (resolve them against the action catalog). */
  public Set<String> actions(ActionList list) {
    return lists.getOrDefault(list, Set.of());
  }
}
