package dev.lambdasec.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  private static final Set<String> IDS =
      Set.of(
          "Orders",
          "aws_lambda_function.api",
          "aws_lambda_function.api_v2",
          "module.m.aws_iam_role.r");

  @Test
  void aWholePlaceholderNamesTheLongestMatchingResource() {
    assertThat(Placeholders.target("${Orders.Arn}", IDS)).contains("Orders");
    assertThat(Placeholders.target("${Orders}", IDS)).contains("Orders");
    assertThat(Placeholders.target("${aws_lambda_function.api.arn}", IDS))
        .contains("aws_lambda_function.api");
    assertThat(Placeholders.target("${aws_lambda_function.api_v2.arn}", IDS))
        .contains("aws_lambda_function.api_v2");
    assertThat(Placeholders.target("${module.m.aws_iam_role.r.arn}", IDS))
        .contains("module.m.aws_iam_role.r");
  }

  @Test
  void textAroundAPlaceholderOrAnUnknownNameNamesNoResource() {
    assertThat(Placeholders.target("${Orders.Arn}/*", IDS)).isEmpty();
    assertThat(Placeholders.target("arn:aws:lambda:${AWS::Region}:1:function:${Orders}", IDS))
        .isEmpty();
    assertThat(Placeholders.target("${var.function_arn}", IDS)).isEmpty();
    assertThat(Placeholders.target("${Orders.Arn}${Orders}", IDS)).isEmpty();
    assertThat(Placeholders.target("Orders", IDS)).isEmpty();
  }

  @Test
  void aManagedPolicyIsAlsoNamedByItsReference() {
    Origin at = Origin.ofResource("test");
    var policy =
        new ManagedPolicy(
            Meta.of("s", "Policy", "AWS::IAM::ManagedPolicy", at),
            Value.absent(at),
            Value.absent(at),
            new PolicyDocument("Policy", new Node.MapNode(java.util.List.of(), at)));
    assertThat(Placeholders.arnOf(policy))
        .containsExactlyInAnyOrder("${Policy.Arn}", "${Policy.arn}", "${Policy}");
  }
}
