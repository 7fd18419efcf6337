package dev.lambdasec.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Matcher;
import dev.lambdasec.secrets.PatternRule.Allowlist;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The gitleaks rule set, compiled with RE2/J (the Go RE2 dialect the rules are written in, matched
 * in linear time), and the scan of one {@code name=value} pair against it.
 *
 * <p>Deviations from gitleaks, all deliberate:
 *
 * <ul>
 *   <li>The {@code aws-access-token} allowlist entry {@code .+EXAMPLE$} is not applied: a literal
 *       long-term key in configuration is the failure whatever its validity, and AWS's own
 *       documentation keys are exactly what insecure templates copy.
 *   <li>When a whole value is an AWS access key id, {@code aws-access-token}'s entropy threshold is
 *       waived (the match is reported with medium confidence): {@code AKIAAAAAAAAAAAAAAAAA} is
 *       still a hard-coded key in the position of one.
 *   <li>{@code generic-api-key} is not run on values: lambdasec's name-aware {@code generic-secret}
 *       heuristic replaces it for named values. Rules restricted to file paths are not run on
 *       values either. See {@link #excludedFromValues()}.
 * </ul>
 */
final class PatternRules {

  static final String RESOURCE = "gitleaks-rules.json";

  /**
   * Rules that cannot be compiled or have nothing to compile, with the reason. A test keeps this
   * list equal to what actually fails, so a data refresh that breaks a rule is noticed.
   */
  static final Map<String, String> DOCUMENTED_SKIPS =
      Map.of("pkcs12-file", "matches file names only (*.p12, *.pfx); it has no content regex");

  /** Allowlist regexes that lambdasec deliberately does not apply, per rule. */
  static final Map<String, Set<String>> IGNORED_ALLOWLIST_REGEXES =
      Map.of("aws-access-token", Set.of(".+EXAMPLE$"));

  private static final String GENERIC_API_KEY = "generic-api-key";
  static final String AWS_ACCESS_TOKEN = "aws-access-token";

  private final List<PatternRule> valueRules;
  private final Set<String> compiledIds;
  private final Map<String, String> skipped;
  private final Map<String, String> excludedFromValues;
  private final List<LazyPattern> globalAllowRegexes;
  private final List<String> globalStopwords;
  private final KeywordIndex index;

  private PatternRules(
      List<PatternRule> valueRules,
      Set<String> compiledIds,
      Map<String, String> skipped,
      Map<String, String> excludedFromValues,
      List<LazyPattern> globalAllowRegexes,
      List<String> globalStopwords) {
    this.valueRules = List.copyOf(valueRules);
    this.compiledIds = Set.copyOf(compiledIds);
    this.skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    this.excludedFromValues = Collections.unmodifiableMap(new LinkedHashMap<>(excludedFromValues));
    this.globalAllowRegexes = List.copyOf(globalAllowRegexes);
    this.globalStopwords = List.copyOf(globalStopwords);
    this.index = new KeywordIndex(this.valueRules);
  }

  static PatternRules bundled() {
    try (InputStream in = PatternRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static PatternRules parse(JsonNode root) {
    List<PatternRule> valueRules = new ArrayList<>();
    Set<String> compiledIds = new LinkedHashSet<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    Map<String, String> excluded = new LinkedHashMap<>();
    for (JsonNode r : root.path("rules")) {
      String id = r.path("id").asText();
      if (!r.hasNonNull("regex")) {
        skipped.put(id, DOCUMENTED_SKIPS.getOrDefault(id, "no content regex"));
        continue;
      }
      PatternRule rule = compile(id, r);
      compiledIds.add(id);
      if (r.hasNonNull("path")) {
        excluded.put(id, "restricted to files whose path matches " + r.get("path").asText());
      } else if (id.equals(GENERIC_API_KEY)) {
        excluded.put(
            id,
            "replaced for named values by lambdasec's name-aware generic-secret heuristic;"
                + " kept for file scanning");
      } else {
        valueRules.add(rule);
      }
    }
    JsonNode global = root.path("globalAllowlist");
    List<LazyPattern> globalRegexes = new ArrayList<>();
    for (JsonNode g : global.path("regexes")) {
      globalRegexes.add(new LazyPattern(g.asText()));
    }
    List<String> globalStopwords = lowerCaseList(global.path("stopwords"));
    return new PatternRules(
        valueRules, compiledIds, skipped, excluded, globalRegexes, globalStopwords);
  }

  private static PatternRule compile(String id, JsonNode r) {
    String regex = r.get("regex").asText();
    LazyPattern pattern = new LazyPattern(regex);
    List<String> keywords = lowerCaseList(r.path("keywords"));
    double entropy = r.path("entropy").asDouble(0);
    int secretGroup = r.path("secretGroup").asInt(0);
    Set<String> ignored = IGNORED_ALLOWLIST_REGEXES.getOrDefault(id, Set.of());
    List<Allowlist> allowlists = new ArrayList<>();
    for (JsonNode a : r.path("allowlists")) {
      List<LazyPattern> regexes = new ArrayList<>();
      for (JsonNode x : a.path("regexes")) {
        if (!ignored.contains(x.asText())) {
          regexes.add(new LazyPattern(x.asText()));
        }
      }
      List<String> stopwords = lowerCaseList(a.path("stopwords"));
      boolean hasPaths = a.path("paths").size() > 0;
      if (regexes.isEmpty() && stopwords.isEmpty() && !hasPaths) {
        continue;
      }
      Allowlist.Target target =
          switch (a.path("regexTarget").asText("secret")) {
            case "match" -> Allowlist.Target.MATCH;
            case "line" -> Allowlist.Target.LINE;
            default -> Allowlist.Target.SECRET;
          };
      boolean all = a.path("condition").asText("OR").equalsIgnoreCase("AND");
      allowlists.add(new Allowlist(target, all, regexes, stopwords, hasPaths));
    }
    boolean contextual = regex.contains("[\\w.-]{0,50}?");
    return new PatternRule(
        id,
        SecretNames.of(id, r.path("description").asText(id)),
        pattern,
        keywords,
        entropy,
        secretGroup,
        allowlists,
        contextual,
        kindOf(id));
  }

  private static SecretMatch.Kind kindOf(String id) {
    if (id.startsWith("aws-")) {
      return SecretMatch.Kind.AWS_CREDENTIAL;
    }
    if (id.equals("private-key") || id.equals("age-secret-key")) {
      return SecretMatch.Kind.PRIVATE_KEY;
    }
    if (id.startsWith("curl-auth-") || id.equals("sidekiq-sensitive-url")) {
      return SecretMatch.Kind.EMBEDDED_CREDENTIAL;
    }
    return SecretMatch.Kind.SERVICE_TOKEN;
  }

  private static List<String> lowerCaseList(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode k : array) {
      out.add(k.asText().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** Ids of the rules loaded with a content regex (including those not run on values). */
  Set<String> compiledIds() {
    return compiledIds;
  }

  /** Rules that were not loaded, with the reason. */
  Map<String, String> skipped() {
    return skipped;
  }

  /** Compiled rules that {@link #scan} does not run, with the reason. */
  Map<String, String> excludedFromValues() {
    return excludedFromValues;
  }

  int valueRuleCount() {
    return valueRules.size();
  }

  /**
   * The first credential the rules find in the value of {@code name}: a high-confidence match if
   * there is one, otherwise the first contextual match. The rules see the text {@code name=value},
   * so contextual rules ({@code DATADOG_API_KEY=…}) work as in a source file, but only secrets that
   * lie inside the value count.
   */
  Optional<SecretMatch> scan(String name, String value) {
    String line = name.isEmpty() ? value : name + "=" + value;
    int valueStart = line.length() - value.length();
    BitSet candidates = index.candidates(line.toLowerCase(Locale.ROOT));
    SecretMatch contextual = null;
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      PatternRule rule = valueRules.get(i);
      if (contextual != null && rule.contextual()) {
        continue;
      }
      SecretMatch m = match(rule, line, valueStart, value);
      if (m == null) {
        continue;
      }
      if (m.confidence() == SecretMatch.Confidence.HIGH) {
        return Optional.of(m);
      }
      if (contextual == null) {
        contextual = m;
      }
    }
    return Optional.ofNullable(contextual);
  }

  private @Nullable SecretMatch match(PatternRule rule, String line, int valueStart, String value) {
    Matcher m = rule.regex().matcher(line);
    int from = 0;
    while (from <= line.length() && m.find(from)) {
      int group = secretGroup(rule, m);
      int start = m.start(group);
      int end = m.end(group);
      from = m.end() > m.start() ? m.end() : m.start() + 1;
      if (start < valueStart) {
        continue;
      }
      String secret = line.substring(start, end);
      String whole = line.substring(m.start(), m.end());
      SecretMatch.Confidence confidence = rule.confidence();
      if (rule.minEntropy() > 0 && Text.shannon(secret) <= rule.minEntropy()) {
        if (rule.id().equals(AWS_ACCESS_TOKEN) && secret.equals(Text.unquote(value))) {
          confidence = SecretMatch.Confidence.MEDIUM;
        } else {
          continue;
        }
      }
      if (allowed(rule, secret, whole, line)) {
        continue;
      }
      return new SecretMatch(rule.id(), rule.description(), rule.kind(), confidence);
    }
    return null;
  }

  private static int secretGroup(PatternRule rule, Matcher m) {
    int groups = m.groupCount();
    if (rule.secretGroup() > 0 && rule.secretGroup() <= groups) {
      return rule.secretGroup();
    }
    for (int g = 1; g <= groups; g++) {
      if (m.start(g) >= 0 && m.end(g) > m.start(g)) {
        return g;
      }
    }
    return 0;
  }

  private boolean allowed(PatternRule rule, String secret, String whole, String line) {
    String lowerSecret = secret.toLowerCase(Locale.ROOT);
    for (LazyPattern p : globalAllowRegexes) {
      if (p.matcher(secret).find()) {
        return true;
      }
    }
    for (String w : globalStopwords) {
      if (lowerSecret.contains(w)) {
        return true;
      }
    }
    for (Allowlist a : rule.allowlists()) {
      if (allowlistMatches(a, secret, lowerSecret, whole, line)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allowlistMatches(
      Allowlist a, String secret, String lowerSecret, String whole, String line) {
    String target =
        switch (a.target()) {
          case SECRET -> secret;
          case MATCH -> whole;
          case LINE -> line;
        };
    boolean regexHit = false;
    for (LazyPattern p : a.regexes()) {
      if (p.matcher(target).find()) {
        regexHit = true;
        break;
      }
    }
    boolean stopwordHit = false;
    for (String w : a.stopwords()) {
      if (lowerSecret.contains(w)) {
        stopwordHit = true;
        break;
      }
    }
    if (a.all()) {
      // A value has no file path, so an AND allowlist that names paths never matches.
      return !a.hasPathCriterion()
          && (a.regexes().isEmpty() || regexHit)
          && (a.stopwords().isEmpty() || stopwordHit);
    }
    return regexHit || stopwordHit;
  }
}
