package dev.lambdasec.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatternRulesTest {

  /** The sha256 recorded for secrets/gitleaks-rules.json in the shared data manifest. */
  private static final String SHIPPED_SHA256 =
      "57be4e3d70257e38f038e512b6deb01e124f50287cb3b53a753c161a0b77fc77";

  private final PatternRules rules = SecretDetector.bundled().patternRules();

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = PatternRules.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static Set<String> shippedIds() throws IOException {
    JsonNode root = new ObjectMapper().readTree(resource(PatternRules.RESOURCE));
    Set<String> ids = new LinkedHashSet<>();
    root.path("rules").forEach(r -> ids.add(r.path("id").asText()));
    return ids;
  }

  @Test
  void everyShippedRuleCompilesUnderRe2jOrIsADocumentedSkip() throws IOException {
    Set<String> ids = shippedIds();

    assertThat(ids).hasSize(222);
    assertThat(rules.skipped()).containsOnlyKeys(PatternRules.DOCUMENTED_SKIPS.keySet());
    Set<String> accounted = new LinkedHashSet<>(rules.compiledIds());
    accounted.addAll(rules.skipped().keySet());
    assertThat(accounted).containsExactlyInAnyOrderElementsOf(ids);
    // Expressions compile lazily at scan time; prove here that every shipped one compiles.
    List<String> broken = new ArrayList<>();
    JsonNode root =
        new ObjectMapper().readTree(PatternRules.class.getResourceAsStream("gitleaks-rules.json"));
    for (JsonNode rule : root.path("rules")) {
      List<String> expressions = new ArrayList<>();
      if (rule.hasNonNull("regex")) {
        expressions.add(rule.get("regex").asText());
      }
      rule.path("allowlists")
          .forEach(a -> a.path("regexes").forEach(x -> expressions.add(x.asText())));
      for (String e : expressions) {
        try {
          com.google.re2j.Pattern.compile(e);
        } catch (com.google.re2j.PatternSyntaxException ex) {
          broken.add(rule.path("id").asText() + ": " + ex.getDescription());
        }
      }
    }
    root.path("globalAllowlist")
        .path("regexes")
        .forEach(x -> com.google.re2j.Pattern.compile(x.asText()));
    assertThat(broken).isEmpty();
  }

  @Test
  void goOnlySyntaxCompilesUnderRe2j() {
    // (?P<name>…) groups (jwt-base64) and unescaped '{' (curl-auth-user allowlist).
    assertThat(rules.compiledIds()).contains("jwt-base64", "curl-auth-user", "generic-api-key");
  }

  @Test
  void runsEveryCompiledRuleOnValuesExceptTheDocumentedExclusions() {
    assertThat(rules.excludedFromValues())
        .containsOnlyKeys(
            "generic-api-key",
            "freemius-secret-key",
            "hashicorp-tf-password",
            "kubernetes-secret-yaml",
            "nuget-config-password");
    assertThat(rules.excludedFromValues().values())
        .allSatisfy(reason -> assertThat(reason).isNotBlank());
    assertThat(rules.valueRuleCount())
        .isEqualTo(rules.compiledIds().size() - rules.excludedFromValues().size());
  }

  @Test
  void shipsTheRuleDataUnchangedWithItsNotice() throws IOException, NoSuchAlgorithmException {
    byte[] data = resource(PatternRules.RESOURCE);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    String notice = new String(resource("gitleaks-rules.NOTICE"), StandardCharsets.UTF_8);

    assertThat(sha256).isEqualTo(SHIPPED_SHA256);
    assertThat(notice)
        .contains("MIT License", "Copyright (c) 2019 Zachary Rice")
        .contains("b58d3f102cf3a2c84cb7f923d05c25c9b1aed84b", SHIPPED_SHA256);
  }

  @Test
  void keywordPrefilterSelectsOnlyRulesWhoseKeywordOccurs() {
    PatternRule akia = rule("a", "akia");
    PatternRule ghp = rule("b", "ghp_");
    PatternRule none = rule("c");
    KeywordIndex index = new KeywordIndex(java.util.List.of(akia, ghp, none));

    assertThat(index.candidates("x=akiaxyz").stream().boxed()).containsExactly(0, 2);
    assertThat(index.candidates("token=ghp_abc").stream().boxed()).containsExactly(1, 2);
    assertThat(index.candidates("plain").stream().boxed()).containsExactly(2);
  }

  private static PatternRule rule(String id, String... keywords) {
    return new PatternRule(
        id,
        id,
        new LazyPattern("x"),
        java.util.List.of(keywords),
        0,
        0,
        java.util.List.of(),
        false,
        SecretMatch.Kind.SERVICE_TOKEN);
  }
}
