package dev.lambdasec.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdasec.iam.data.Csv;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.PolicyDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The documents of every AWS managed policy (bundled {@code aws-managed-policies.json.gz}, from
 * iam-dataset; see NOTICE) and the risk tiers lambdasec derived for them.
 */
public final class AwsManagedPolicies {

  private static final String DOCUMENTS = "/dev/lambdasec/iam/data/aws-managed-policies.json.gz";
  private static final String DANGEROUS = "/dev/lambdasec/iam/data/dangerous-managed-policies.csv";
  private static final String WATCHLIST =
      "/dev/lambdasec/iam/data/lambda-role-policy-watchlist.csv";

  /** An AWS managed policy. */
  public record Entry(String name, String arn, boolean deprecated, PolicyDocument document) {}

  /**
   * Why a managed policy is risky on an execution role.
   *
   * @param tier {@code critical}, {@code high} or {@code medium}
   * @param reason what it grants, in a phrase
   */
  public record Risk(String name, String arn, String tier, String reason) {}

  private final Map<String, Entry> byArn;
  private final Map<String, Risk> risks;

  private AwsManagedPolicies(Map<String, Entry> byArn, Map<String, Risk> risks) {
    this.byArn = byArn;
    this.risks = risks;
  }

  public static AwsManagedPolicies bundled() {
    return Bundled.INSTANCE;
  }

  private static final class Bundled {
    static final AwsManagedPolicies INSTANCE = load();
  }

  private static AwsManagedPolicies load() {
    try {
      return new AwsManagedPolicies(documents(), risks());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Entry> documents() throws IOException {
    Map<String, Entry> out = new HashMap<>();
    try (InputStream raw = resource(DOCUMENTS);
        InputStream in = new GZIPInputStream(raw)) {
      for (JsonNode p : new ObjectMapper().readTree(in).path("policies")) {
        String name = p.path("name").asText();
        String arn =
            p.path("arn").isTextual() ? p.path("arn").asText() : "arn:aws:iam::aws:policy/" + name;
        Origin origin = Origin.ofResource(arn);
        out.put(
            arn,
            new Entry(
                name,
                arn,
                p.path("deprecated").asBoolean(false),
                new PolicyDocument(name, JsonTrees.toNode(p.path("document"), origin))));
      }
    }
    return Map.copyOf(out);
  }

  private static Map<String, Risk> risks() throws IOException {
    Map<String, Risk> out = new HashMap<>();
    for (List<String> row : csv(DANGEROUS)) {
      // name,arn,tier,deprecated,privesc_method_count,passrole_on_star,pm_on_star,write_on_star,reasons
      out.put(row.get(1), new Risk(row.get(0), row.get(1), row.get(2), row.get(8)));
    }
    for (List<String> row : csv(WATCHLIST)) {
      // name,arn,version,deprecated,analysis_tier,privesc_methods,passrole_on_star,why
      String arn = row.get(1).split(" ")[0];
      String tier = row.get(4);
      String why = row.get(7);
      if (why.startsWith("baseline")) {
        continue;
      }
      Risk known = out.get(arn);
      out.put(
          arn,
          new Risk(
              row.get(0),
              arn,
              known != null ? known.tier() : tier.equals("not flagged") ? "medium" : tier,
              why));
    }
    return Map.copyOf(out);
  }

  private static InputStream resource(String path) {
    InputStream in = AwsManagedPolicies.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("bundled " + path + " is missing from the jar");
    }
    return in;
  }

  private static List<List<String>> csv(String path) throws IOException {
    try (InputStream in = resource(path)) {
      List<List<String>> rows = Csv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return rows.subList(1, rows.size()).stream().filter(r -> r.size() > 7).toList();
    }
  }

  /** The policy with this ARN; also accepts the {@code arn:aws-*:} partitions. */
  public Optional<Entry> find(String arn) {
    return Optional.ofNullable(byArn.get(normalize(arn)));
  }

  public Optional<Risk> risk(String arn) {
    return Optional.ofNullable(risks.get(normalize(arn)));
  }

  public boolean isAwsManagedArn(String arn) {
    return normalize(arn).startsWith("arn:aws:iam::aws:policy/");
  }

  public int size() {
    return byArn.size();
  }

  private static String normalize(String arn) {
    String a = arn.trim().replace("${AWS::Partition}", "aws");
    if (a.startsWith("arn:aws-")) {
      a = "arn:aws" + a.substring(a.indexOf(':', 4));
    }
    return a;
  }
}
