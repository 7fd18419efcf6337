package dev.lambdasec.iam;

import static dev.lambdasec.iam.TestApps.allow;
import static dev.lambdasec.iam.TestApps.permissions;
import static dev.lambdasec.iam.TestApps.role;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.catalog.ActionInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectivePermissionsTest {

  private final ActionCatalog catalog = ActionCatalog.bundled();

  private ActionInfo action(String name) {
    return catalog.find(name).orElseThrow();
  }

  @Test
  void unitesInlineAndAwsManagedPolicies() {
    EffectivePermissions p =
        permissions(
            role(
                "R",
                List.of("arn:aws:iam::aws:policy/service-role/AWSLambdaRole"),
                allow(
                    "\"dynamodb:GetItem\"",
                    "\"arn:aws:dynamodb:us-east-1:111122223333:table/t\"")));
    assertThat(p.allowed().contains(action("dynamodb:GetItem"))).isTrue();
    assertThat(p.allowed().contains(action("lambda:InvokeFunction"))).isTrue();
    assertThat(p.unscoped(false).contains(action("lambda:InvokeFunction"))).isTrue();
    assertThat(p.unscoped(false).contains(action("dynamodb:GetItem"))).isFalse();
    assertThat(p.grantsOf(action("lambda:InvokeFunction")))
        .singleElement()
        .satisfies(
            g -> assertThat(g.grant().policy().kind()).isEqualTo(AttachedPolicy.Kind.AWS_MANAGED));
    assertThat(p.uncertain()).isFalse();
  }

  @Test
  void anExplicitDenyOnEveryResourceTakesActionsAway() {
    EffectivePermissions p =
        permissions(
            role(
                "R",
                List.of(),
                allow("\"s3:*\"", "\"*\""),
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:Delete*\",\"Resource\":\"*\"}}"));
    assertThat(p.allowed().contains(action("s3:DeleteObject"))).isFalse();
    assertThat(p.grantsOf(action("s3:DeleteObject"))).isEmpty();
    assertThat(p.onEveryResource(false).contains(action("s3:GetObject"))).isTrue();
  }

  @Test
  void aNarrowDenyLeavesTheBroadGrantButCoversAMatchingNarrowOne() {
    EffectivePermissions p =
        permissions(
            role(
                "R",
                List.of(),
                allow("\"s3:GetObject\"", "[\"*\",\"arn:aws:s3:::secret/*\"]"),
                allow("\"s3:PutObject\"", "\"arn:aws:s3:::secret/reports/*\""),
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::secret/*\"}}"));
    assertThat(p.grantsOf(action("s3:GetObject"))).hasSize(1);
    assertThat(p.grantsOf(action("s3:PutObject"))).isEmpty();
  }

  @Test
  void notActionGrantsTheExactComplementAndNotResourceIsUnscoped() {
    EffectivePermissions p =
        permissions(
            role(
                "R",
                List.of(),
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\"],"
                    + "\"NotResource\":\"arn:aws:s3:::secret/*\"}}"));
    assertThat(p.allowed().size())
        .isEqualTo(
            catalog.size()
                - catalog.expand("iam:*").size()
                - catalog.expand("organizations:*").size());
    assertThat(p.unscoped(false).contains(action("s3:GetObject"))).isTrue();
    assertThat(p.onEveryResource(false).contains(action("s3:GetObject"))).isFalse();
  }

  @Test
  void theBoundaryLimitsWhatTheIdentityPoliciesAllow() {
    EffectivePermissions p =
        permissions(
            TestApps.roleWithBoundary(
                "R",
                List.of("arn:aws:iam::aws:policy/AdministratorAccess"),
                "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
    assertThat(p.allowed().contains(action("s3:GetObject"))).isTrue();
    assertThat(p.allowed().contains(action("iam:PassRole"))).isFalse();
    assertThat(p.grantsOf(action("iam:PassRole"))).isEmpty();
    assertThat(p.onEveryResource(false).isEverything()).isFalse();
  }

  @Test
  void conditionsAreKeptAndUnreadablePartsMakeAnswersUncertain() {
    EffectivePermissions p =
        permissions(
            role(
                "R",
                List.of("arn:aws:iam::123456789012:policy/not-in-sources"),
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"a\"}}}}"));
    assertThat(p.unscoped(false).contains(action("s3:GetObject"))).isFalse();
    assertThat(p.unscoped(true).contains(action("s3:GetObject"))).isTrue();
    assertThat(p.uncertain()).isTrue();
  }
}
