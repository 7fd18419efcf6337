package dev.lambdasec.iam;

import static dev.lambdasec.iam.TestApps.allow;
import static dev.lambdasec.iam.TestApps.permissions;
import static dev.lambdasec.iam.TestApps.role;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.iam.risk.Escalations;
import dev.lambdasec.iam.risk.RiskCatalog;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EscalationsTest {

  private static List<String> methods(EffectivePermissions p, Set<String> self) {
    return Escalations.minimal(Escalations.of(p, RiskCatalog.bundled(), self)).stream()
        .map(e -> e.method().name())
        .toList();
  }

  @Test
  void passRoleOnEveryRoleWithCreateFunctionIsAnEscalationAcrossPolicies() {
    EffectivePermissions p =
        permissions(
            role(
                "Deployer",
                List.of(),
                allow("\"iam:PassRole\"", "\"*\""),
                allow("[\"lambda:CreateFunction\",\"lambda:InvokeFunction\"]", "\"*\"")));
    List<Escalations.Escalation> all = Escalations.of(p, RiskCatalog.bundled(), Set.of());
    assertThat(all)
        .extracting(e -> e.method().name())
        .contains("PassRole+CreateFunction", "PassExistingRoleToNewLambdaThenInvoke");
    assertThat(methods(p, Set.of()))
        .contains("PassRole+CreateFunction")
        .doesNotContain("PassExistingRoleToNewLambdaThenInvoke");
    Escalations.Escalation e =
        all.stream()
            .filter(x -> x.method().name().equals("PassRole+CreateFunction"))
            .findFirst()
            .orElseThrow();
    assertThat(e.statements())
        .extracting(s -> s.grant().policy().name())
        .containsExactly("Deployer-p0", "Deployer-p1");
    assertThat(e.conditional()).isFalse();
  }

  @Test
  void passRoleScopedToOneRoleIsNot() {
    EffectivePermissions p =
        permissions(
            role(
                "Deployer",
                List.of(),
                allow("\"iam:PassRole\"", "\"arn:aws:iam::111122223333:role/orders-fn\""),
                allow("\"lambda:CreateFunction\"", "\"*\"")));
    assertThat(methods(p, Set.of())).doesNotContain("PassRole+CreateFunction");
  }

  @Test
  void aWildcardInTheRoleNameOrAPathQualifiesButAnotherResourceTypeDoesNot() {
    EffectivePermissions wild =
        permissions(
            role(
                "Deployer",
                List.of(),
                allow("\"iam:PassRole\"", "\"arn:aws:iam::111122223333:role/app-*\""),
                allow("\"lambda:CreateFunction\"", "\"*\"")));
    assertThat(methods(wild, Set.of())).contains("PassRole+CreateFunction");
    EffectivePermissions bucket =
        permissions(
            role(
                "Deployer",
                List.of(),
                allow("\"iam:*\"", "\"arn:aws:s3:::bucket/*\""),
                allow("\"lambda:CreateFunction\"", "\"*\"")));
    assertThat(methods(bucket, Set.of())).isEmpty();
  }

  @Test
  void passedToServiceDecidesWhichPassRoleMethodsApply() {
    EffectivePermissions p =
        permissions(
            role(
                "R",
                List.of(),
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":\"lambda.amazonaws.com\"}}},"
                    + "{\"Effect\":\"Allow\",\"Action\":[\"lambda:CreateFunction\",\"ec2:RunInstances\"],\"Resource\":\"*\"}]}"));
    List<String> found = methods(p, Set.of());
    assertThat(found).contains("PassRole+CreateFunction").doesNotContain("CreateEC2WithExistingIP");
  }

  @Test
  void otherConditionsMakeTheEscalationConditional() {
    EffectivePermissions p =
        permissions(
            role(
                "R",
                List.of(),
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"iam:CreateAccessKey\",\"Resource\":\"*\","
                    + "\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}}"));
    Escalations.Escalation e =
        Escalations.of(p, RiskCatalog.bundled(), Set.of()).stream()
            .filter(x -> x.method().name().equals("CreateAccessKey"))
            .findFirst()
            .orElseThrow();
    assertThat(e.conditional()).isTrue();
  }

  @Test
  void aPolicyWriteOnTheRoleItselfIsSelfEscalation() {
    EffectivePermissions p =
        permissions(role("Fn", List.of(), allow("\"iam:PutRolePolicy\"", "\"${FnRole.Arn}\"")));
    assertThat(methods(p, Set.of())).isEmpty();
    assertThat(methods(p, Set.of("${FnRole.Arn}"))).containsExactly("PutRolePolicy");
  }

  @Test
  void anExplicitDenyOrABoundaryRemovesTheMethod() {
    EffectivePermissions denied =
        permissions(
            role(
                "R",
                List.of("arn:aws:iam::aws:policy/AdministratorAccess"),
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":[\"iam:*\",\"sts:*\",\"lambda:*\"],\"Resource\":\"*\"}}"));
    assertThat(methods(denied, Set.of()))
        .doesNotContain("PassRole+CreateFunction", "CreateAccessKey");
    EffectivePermissions bounded =
        permissions(
            TestApps.roleWithBoundary(
                "R",
                List.of("arn:aws:iam::aws:policy/AdministratorAccess"),
                "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
    assertThat(methods(bounded, Set.of())).isEmpty();
  }
}
