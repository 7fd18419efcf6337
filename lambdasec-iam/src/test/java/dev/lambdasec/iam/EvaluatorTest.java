package dev.lambdasec.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.model.Origin;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  private static List<Grant> grants(String json) {
    Policy p = Policies.parse(json);
    AttachedPolicy a = new AttachedPolicy(AttachedPolicy.Kind.INLINE, "p", p, null, Origin.NONE);
    return p.statements().stream().map(s -> new Grant(a, s)).toList();
  }

  private static Decision.Outcome decide(String json, String action, String resource) {
    return Evaluator.decide(grants(json), false, action, resource).outcome();
  }

  @Test
  void explicitDenyWinsOverAllow() {
    String json =
        """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"s3:*","Resource":"*"},
          {"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}
        """;
    assertThat(decide(json, "s3:DeleteObject", "arn:aws:s3:::b/k"))
        .isEqualTo(Decision.Outcome.DENIED);
    assertThat(decide(json, "s3:GetObject", "arn:aws:s3:::b/k"))
        .isEqualTo(Decision.Outcome.ALLOWED);
  }

  @Test
  void conditionsMakeTheAnswerConditional() {
    String json =
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
          "Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}
        """;
    assertThat(decide(json, "s3:GetObject", "arn:aws:s3:::b/k"))
        .isEqualTo(Decision.Outcome.CONDITIONAL);
  }

  @Test
  void notActionAndNotResourceComplement() {
    String json =
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","NotResource":"arn:aws:s3:::secret/*"}]}
        """;
    assertThat(decide(json, "iam:PassRole", "*")).isEqualTo(Decision.Outcome.NOT_ALLOWED);
    assertThat(decide(json, "s3:GetObject", "arn:aws:s3:::secret/x"))
        .isEqualTo(Decision.Outcome.NOT_ALLOWED);
    assertThat(decide(json, "s3:GetObject", "arn:aws:s3:::public/x"))
        .isEqualTo(Decision.Outcome.ALLOWED);
  }

  @Test
  void unknownPartsGiveUnknownNotDenied() {
    String json =
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:PutLogEvents",
          "Resource":"arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders:*"}]}
        """;
    assertThat(
            decide(
                json,
                "logs:PutLogEvents",
                "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/orders:log-stream:s"))
        .isEqualTo(Decision.Outcome.UNKNOWN);
    assertThat(Evaluator.decide(List.of(), true, "s3:GetObject", "*").outcome())
        .isEqualTo(Decision.Outcome.UNKNOWN);
    assertThat(Evaluator.decide(List.of(), false, "s3:GetObject", "*").outcome())
        .isEqualTo(Decision.Outcome.NOT_ALLOWED);
  }
}
