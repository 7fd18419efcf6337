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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents of every AWS managed policy (bundled under {@code data/managed/}, one file per
 * policy with an index, from iam-dataset; see NOTICE) and the risk tiers lambdasec derived for
 * them. Documents are read on first use, so a scan pays only for the policies its roles attach.
 */
public final class AwsManagedPolicies {

  private static final String DIRECTORY = "/dev/lambdasec/iam/data/managed/";
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

  private record Indexed(String name, String arn, boolean deprecated) {}

  private final Map<String, Indexed> byArn;
  private final Map<String, Risk> risks;
  private final Map<String, Entry> loaded = new ConcurrentHashMap<>();

  private AwsManagedPolicies(Map<String, Indexed> byArn, Map<String, Risk> risks) {
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
      Map<String, Indexed> index = new HashMap<>();
      for (List<String> row : csv(DIRECTORY + "index.csv", 3)) {
        index.put(
            row.get(0), new Indexed(row.get(1), row.get(0), Boolean.parseBoolean(row.get(2))));
      }
      return new AwsManagedPolicies(Map.copyOf(index), risks());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Risk> risks() throws IOException {
    Map<String, Risk> out = new HashMap<>();
    for (List<String> row : csv(DANGEROUS, 9)) {
      // name,arn,tier,deprecated,privesc_method_count,passrole_on_star,pm_on_star,write_on_star,reasons
      out.put(row.get(1), new Risk(row.get(0), row.get(1), row.get(2), row.get(8)));
    }
    for (List<String> row : csv(WATCHLIST, 8)) {
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

  private static List<List<String>> csv(String path, int columns) throws IOException {
    try (InputStream in = resource(path)) {
      List<List<String>> rows = Csv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return rows.subList(1, rows.size()).stream().filter(r -> r.size() >= columns).toList();
    }
  }

  /** The policy with this ARN; also accepts the {@code arn:aws-*:} partitions. */
  public Optional<Entry> find(String arn) {
    Indexed indexed = byArn.get(normalize(arn));
    return indexed == null
        ? Optional.empty()
        : Optional.of(loaded.computeIfAbsent(indexed.arn(), k -> read(indexed)));
  }

  private static Entry read(Indexed policy) {
    try (InputStream in = resource(DIRECTORY + policy.name() + ".json")) {
      JsonNode document = new ObjectMapper().readTree(in);
      return new Entry(
          policy.name(),
          policy.arn(),
          policy.deprecated(),
          new PolicyDocument(
              policy.name(), JsonTrees.toNode(document, Origin.ofResource(policy.arn()))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
