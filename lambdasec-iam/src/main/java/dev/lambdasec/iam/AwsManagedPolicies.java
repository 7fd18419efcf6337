package dev.lambdasec.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdasec.iam.data.Csv;
import dev.lambdasec.iam.data.DataDirectory;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.PolicyDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The documents of every AWS managed policy (one file per policy with an {@code index.csv}, from
 * iam-dataset; see NOTICE) and the risk tiers lambdasec derived for them. Documents are read on
 * first use, so a scan pays only for the policies its roles attach. A set refreshed by {@code
 * lambdasec data update} into the user data directory ({@code managed/}) is preferred when present
 * and valid; the bundled set is the fallback.
 */
public final class AwsManagedPolicies {

  /** The directory name, in the jar and in the user data directory. */
  public static final String DIRECTORY = "managed";

  /** A refreshed set with fewer policies than this is treated as broken. */
  static final int MINIMUM_POLICIES = 1_000;

  private static final String BUNDLED = "/dev/lambdasec/iam/data/" + DIRECTORY + "/";
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

  /** Opens a file of the policy set by name ({@code index.csv}, {@code <Name>.json}). */
  private interface Opener {
    @Nullable InputStream open(String name) throws IOException;
  }

  private final Map<String, Indexed> byArn;
  private final Map<String, Risk> risks;
  private final Opener files;
  private final String source;
  private final Map<String, Entry> loaded = new ConcurrentHashMap<>();

  private AwsManagedPolicies(
      Map<String, Indexed> byArn, Map<String, Risk> risks, Opener files, String source) {
    this.byArn = byArn;
    this.risks = risks;
    this.files = files;
    this.source = source;
  }

  /** The set shipped in the jar. */
  public static AwsManagedPolicies bundled() {
    return Bundled.INSTANCE;
  }

  /** The refreshed set from the user data directory when valid, else the bundled one. */
  public static AwsManagedPolicies installed() {
    return Installed.INSTANCE;
  }

  private static final class Bundled {
    static final AwsManagedPolicies INSTANCE = load();

    private static AwsManagedPolicies load() {
      try {
        return read(
            name -> AwsManagedPolicies.class.getResourceAsStream(BUNDLED + name),
            "bundled AWS managed policies (iam-dataset, 2026-08-22)");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class Installed {
    static final AwsManagedPolicies INSTANCE =
        DataDirectory.user()
            .map(dir -> dir.resolve(DIRECTORY))
            .flatMap(AwsManagedPolicies::readValid)
            .orElseGet(AwsManagedPolicies::bundled);
  }

  /**
   * Reads a refreshed policy set ({@code index.csv} plus one {@code <Name>.json} per policy); empty
   * when it is missing, unreadable or implausibly small.
   */
  public static Optional<AwsManagedPolicies> readValid(Path directory) {
    if (!Files.isRegularFile(directory.resolve("index.csv"))) {
      return Optional.empty();
    }
    try {
      AwsManagedPolicies set =
          read(
              name -> {
                Path p = directory.resolve(name).normalize();
                return p.startsWith(directory) && Files.isRegularFile(p)
                    ? Files.newInputStream(p)
                    : null;
              },
              "refreshed AWS managed policies in " + directory);
      return set.size() >= MINIMUM_POLICIES ? Optional.of(set) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static AwsManagedPolicies read(Opener files, String source) throws IOException {
    Map<String, Indexed> index = new HashMap<>();
    for (List<String> row : csv(files.open("index.csv"), "index.csv", 3)) {
      index.put(row.get(0), new Indexed(row.get(1), row.get(0), Boolean.parseBoolean(row.get(2))));
    }
    return new AwsManagedPolicies(Map.copyOf(index), risks(), files, source);
  }

  private static Map<String, Risk> risks() throws IOException {
    Map<String, Risk> out = new HashMap<>();
    for (List<String> row :
        csv(AwsManagedPolicies.class.getResourceAsStream(DANGEROUS), DANGEROUS, 9)) {
      // name,arn,tier,deprecated,privesc_method_count,passrole_on_star,pm_on_star,write_on_star,reasons
      out.put(row.get(1), new Risk(row.get(0), row.get(1), row.get(2), row.get(8)));
    }
    for (List<String> row :
        csv(AwsManagedPolicies.class.getResourceAsStream(WATCHLIST), WATCHLIST, 8)) {
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

  private static List<List<String>> csv(@Nullable InputStream stream, String name, int columns)
      throws IOException {
    if (stream == null) {
      throw new IOException(name + " is missing");
    }
    try (InputStream in = stream) {
      List<List<String>> rows = Csv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (rows.isEmpty()) {
        throw new IOException(name + " is empty");
      }
      return rows.subList(1, rows.size()).stream().filter(r -> r.size() >= columns).toList();
    }
  }

  /** Where the policy documents come from, for messages and reports. */
  public String source() {
    return source;
  }

  /** The policy with this ARN; also accepts the {@code arn:aws-*:} partitions. */
  public Optional<Entry> find(String arn) {
    Indexed indexed = byArn.get(normalize(arn));
    return indexed == null
        ? Optional.empty()
        : Optional.of(loaded.computeIfAbsent(indexed.arn(), k -> read(indexed)));
  }

  /** The ARNs of every policy, sorted. */
  public List<String> arns() {
    List<String> out = new ArrayList<>(byArn.keySet());
    out.sort(null);
    return out;
  }

  private Entry read(Indexed policy) {
    try (InputStream in = files.open(policy.name() + ".json")) {
      if (in == null) {
        throw new IllegalStateException("policy document " + policy.name() + " is missing");
      }
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
