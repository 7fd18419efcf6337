package dev.lambdasec.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.PolicyJson;
import dev.lambdasec.iam.policy.PolicyJsonException;
import dev.lambdasec.iam.policy.PolicyParser;
import dev.lambdasec.iam.policy.PolicyWriter;
import dev.lambdasec.iam.policy.Statement;
import java.util.List;

/**
 * Any text through the policy reader, parser, linter and evaluator: the only exception allowed is
 * {@link PolicyJsonException} for text that is not JSON, and writing a parsed policy then parsing
 * it again must give the same text (write after parse is idempotent). In the normal build this
 * replays the committed inputs under {@code PolicyParserFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes.
 */
class PolicyParserFuzzTest {

  private static final ActionCatalog CATALOG = ActionCatalog.bundled();

  @FuzzTest(maxDuration = "15m")
  void parsesAnyText(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Policy policy;
    try {
      policy = PolicyParser.parse(PolicyJson.document("fuzz", text, "fuzz.json"));
    } catch (PolicyJsonException e) {
      return;
    }
    for (PolicyLint.Kind kind : PolicyLint.Kind.values()) {
      assertThat(PolicyLint.check(policy, kind, CATALOG)).containsAll(policy.issues());
    }
    AttachedPolicy attached =
        new AttachedPolicy(AttachedPolicy.Kind.INLINE, "fuzz", policy, null, policy.origin());
    List<Grant> grants = policy.statements().stream().map(s -> new Grant(attached, s)).toList();
    for (Statement s : policy.statements()) {
      Exposure.of(s);
      Evaluator.decide(grants, false, "s3:GetObject", "arn:aws:s3:::bucket/key");
      ExpandedStatement.of(new Grant(attached, s), CATALOG);
    }
    String written;
    try {
      written = PolicyWriter.write(policy);
    } catch (IllegalArgumentException unresolvedParts) {
      return;
    }
    try {
      Policy again = PolicyParser.parse(PolicyJson.document("fuzz", written, null));
      assertThat(PolicyWriter.write(again)).isEqualTo(written);
    } catch (PolicyJsonException e) {
      throw new AssertionError("the writer produced text the reader rejects: " + written, e);
    }
  }
}
