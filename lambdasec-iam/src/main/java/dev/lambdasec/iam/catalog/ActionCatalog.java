package dev.lambdasec.iam.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdasec.iam.Glob;
import dev.lambdasec.iam.Match;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Every IAM action with its access level and resource types, from the AWS Service Authorization
 * Reference (bundled {@code iam-catalog.json.gz}; see NOTICE for provenance).
 */
public final class ActionCatalog {

  private static final String BUNDLED = "/dev/lambdasec/iam/data/iam-catalog.json.gz";

  private final Map<String, Map<String, ActionInfo>> byService;
  private final String source;

  private ActionCatalog(Map<String, Map<String, ActionInfo>> byService, String source) {
    this.byService = byService;
    this.source = source;
  }

  /** The catalog shipped in the jar; loaded once. */
  public static ActionCatalog bundled() {
    return Bundled.INSTANCE;
  }

  private static final class Bundled {
    static final ActionCatalog INSTANCE = load();

    private static ActionCatalog load() {
      try (InputStream raw = ActionCatalog.class.getResourceAsStream(BUNDLED)) {
        if (raw == null) {
          throw new IllegalStateException("bundled IAM catalog is missing from the jar");
        }
        try (InputStream in = new GZIPInputStream(raw)) {
          return read(in, "bundled iam-catalog.json");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Reads a catalog in the {@code iam-catalog/v1} format. */
  public static ActionCatalog read(InputStream in, String source) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    JsonNode services = root.path("services");
    if (!services.isObject()) {
      throw new IOException(source + " is not an iam-catalog document (no services)");
    }
    Map<String, Map<String, ActionInfo>> byService = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> svc = it.next();
      String prefix = svc.getKey().toLowerCase(Locale.ROOT);
      Map<String, ActionInfo> actions = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> a = svc.getValue().path("actions").fields();
          a.hasNext(); ) {
        Map.Entry<String, JsonNode> action = a.next();
        List<String> types = new ArrayList<>();
        for (JsonNode r : action.getValue().path("resources")) {
          String type = r.path("type").asText("");
          if (!type.isEmpty()) {
            types.add(type);
          }
        }
        actions.put(
            action.getKey().toLowerCase(Locale.ROOT),
            new ActionInfo(
                prefix,
                action.getKey(),
                AccessLevel.parse(action.getValue().path("access").asText("Read")),
                types));
      }
      byService.merge(
          prefix,
          actions,
          (x, y) -> {
            Map<String, ActionInfo> merged = new HashMap<>(x);
            merged.putAll(y);
            return merged;
          });
    }
    return new ActionCatalog(Map.copyOf(byService), source);
  }

  public String source() {
    return source;
  }

  public int size() {
    return byService.values().stream().mapToInt(Map::size).sum();
  }

  public boolean knowsService(String prefix) {
    return byService.containsKey(prefix.toLowerCase(Locale.ROOT));
  }

  /** The action named exactly (case-insensitive), such as {@code s3:getobject}. */
  public Optional<ActionInfo> find(String action) {
    int colon = action.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    Map<String, ActionInfo> svc =
        byService.get(action.substring(0, colon).toLowerCase(Locale.ROOT));
    return svc == null
        ? Optional.empty()
        : Optional.ofNullable(svc.get(action.substring(colon + 1).toLowerCase(Locale.ROOT)));
  }

  /**
   * Every action {@code pattern} matches for sure ({@code s3:Get*}, {@code *:Describe*}, {@code
   * *}).
   */
  public List<ActionInfo> expand(String pattern) {
    String p = pattern.toLowerCase(Locale.ROOT);
    if (p.equals("*")) {
      return all();
    }
    int colon = p.indexOf(':');
    if (colon < 0) {
      return List.of();
    }
    String svcPattern = p.substring(0, colon);
    List<ActionInfo> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, ActionInfo>> svc : byService.entrySet()) {
      if (Glob.action(svcPattern, svc.getKey()) != Match.YES) {
        continue;
      }
      if (!svcPattern.contains("*")
          && !svcPattern.contains("?")
          && p.indexOf('*', colon) < 0
          && p.indexOf('?', colon) < 0) {
        ActionInfo exact = svc.getValue().get(p.substring(colon + 1));
        if (exact != null) {
          out.add(exact);
        }
        continue;
      }
      for (ActionInfo a : svc.getValue().values()) {
        if (Glob.action(pattern, a.fullName()) == Match.YES) {
          out.add(a);
        }
      }
    }
    return out;
  }

  /** Every action in the catalog. */
  public List<ActionInfo> all() {
    return byService.values().stream().map(Map::values).flatMap(Collection::stream).toList();
  }
}
