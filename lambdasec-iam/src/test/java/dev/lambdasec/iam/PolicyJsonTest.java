package dev.lambdasec.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.PolicyIssue;
import dev.lambdasec.iam.policy.PolicyJson;
import dev.lambdasec.iam.policy.PolicyJsonException;
import dev.lambdasec.iam.policy.PolicyParser;
import dev.lambdasec.iam.policy.PolicyWriter;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.PolicyDocument;
import org.junit.jupiter.api.Test;

class PolicyJsonTest {

  @Test
  void givesEveryNodeItsLineColumnAndPointer() throws PolicyJsonException {
    Node root =
        PolicyJson.read(
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\"}\n  ]\n}",
            "p.json");
    Node.MapNode map = (Node.MapNode) root;
    Node.Entry statement = map.entries().get(1);
    assertThat(statement.keyOrigin().line()).isEqualTo(3);
    assertThat(statement.keyOrigin().column()).isEqualTo(3);
    Node.MapNode first = (Node.MapNode) ((Node.ListNode) statement.value()).items().get(0);
    assertThat(first.origin().line()).isEqualTo(4);
    assertThat(first.entries().get(0).value().origin().path()).isEqualTo("/Statement/0/Effect");
    assertThat(first.origin().file()).isEqualTo("p.json");
  }

  @Test
  void keepsDuplicateKeysSoTheParserCanReportThem() throws PolicyJsonException {
    PolicyDocument doc =
        PolicyJson.document(
            "dup",
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Action\":\"s3:*\",\"Resource\":\"*\"}}",
            null);
    Policy p = PolicyParser.parse(doc);
    assertThat(p.issues())
        .extracting(PolicyIssue::kind)
        .containsExactly(PolicyIssue.Kind.DUPLICATE_KEY);
    assertThat(p.statements().get(0).action().known()).containsExactly("s3:*");
  }

  @Test
  void reportsBrokenTextWithItsPositionAndNeverAnotherException() {
    assertThatThrownBy(() -> PolicyJson.read("{\"Version\": }", "bad.json"))
        .isInstanceOf(PolicyJsonException.class)
        .hasMessageStartingWith("bad.json:1:");
    assertThatThrownBy(() -> PolicyJson.read("", null)).isInstanceOf(PolicyJsonException.class);
    assertThatThrownBy(() -> PolicyJson.read("{} []", null))
        .isInstanceOf(PolicyJsonException.class)
        .hasMessageContaining("after the JSON value");
    assertThatThrownBy(() -> PolicyJson.read("[".repeat(5000), null))
        .isInstanceOf(PolicyJsonException.class);
    assertThatThrownBy(() -> PolicyJson.read("\"\\uZZZZ\"", null))
        .isInstanceOf(PolicyJsonException.class);
  }

  @Test
  void writesCanonicalJsonThatReadsBackToTheSamePolicy() throws PolicyJsonException {
    String text =
        """
        {"Version":"2012-10-17","Statement":{"Sid":"S","Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},
         "NotAction":"iam:*","NotResource":["arn:aws:s3:::b/*"],
         "Condition":{"ForAnyValue:StringLikeIfExists":{"aws:TagKeys":["a*","b"]}}}}
        """;
    Policy first = PolicyParser.parse(PolicyJson.document("p", text, null));
    String written = PolicyWriter.write(first);
    Policy second = PolicyParser.parse(PolicyJson.document("p", written, null));
    assertThat(PolicyWriter.write(second)).isEqualTo(written);
    assertThat(second.statements().get(0).notAction().known()).containsExactly("iam:*");
    assertThat(second.statements().get(0).conditions().get(0).known()).containsExactly("a*", "b");
    assertThat(written).contains("\"Statement\" : [");
  }
}
