package dev.lambdasec.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.iam.catalog.AccessLevel;
import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.catalog.ActionInfo;
import org.junit.jupiter.api.Test;

class CatalogAndManagedPoliciesTest {

  private final ActionCatalog catalog = ActionCatalog.bundled();

  @Test
  void bundledCatalogHasEveryServiceFromTheData() {
    assertThat(catalog.size()).isEqualTo(21190);
    assertThat(catalog.find("lambda:CreateFunction"))
        .get()
        .satisfies(a -> {
          assertThat(a.access()).isEqualTo(AccessLevel.WRITE);
          assertThat(a.supportsResourceScoping()).isTrue();
        });
    assertThat(catalog.find("lambda:ListFunctions").orElseThrow().supportsResourceScoping())
        .isFalse();
  }

  @Test
  void expandsWildcardsAgainstTheCatalog() {
    assertThat(catalog.expand("s3:Get*"))
        .extracting(ActionInfo::name)
        .allMatch(n -> n.startsWith("Get"))
        .contains("GetObject", "GetBucketPolicy");
    assertThat(catalog.expand("iam:*")).hasSizeGreaterThan(150);
    assertThat(catalog.expand("*:Describe*"))
        .extracting(ActionInfo::service)
        .contains("ec2", "rds", "cloudformation");
    assertThat(catalog.expand("*")).hasSize(catalog.size());
    assertThat(catalog.expand("s3:NoSuchAction")).isEmpty();
  }

  @Test
  void knowsAwsManagedPolicyDocumentsAndRisks() {
    AwsManagedPolicies managed = AwsManagedPolicies.bundled();
    assertThat(managed.size()).isEqualTo(1645);
    assertThat(managed.find("arn:aws:iam::aws:policy/AdministratorAccess")).isPresent();
    assertThat(managed.find("arn:aws-us-gov:iam::aws:policy/AdministratorAccess")).isPresent();
    assertThat(managed.risk("arn:aws:iam::aws:policy/AdministratorAccess").orElseThrow().tier())
        .isEqualTo("critical");
    assertThat(managed.risk("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))
        .isEmpty();
    assertThat(managed.risk("arn:aws:iam::aws:policy/service-role/AWSLambdaRole")).isPresent();
  }
}
