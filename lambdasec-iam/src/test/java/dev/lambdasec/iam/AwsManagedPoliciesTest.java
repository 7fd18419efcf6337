package dev.lambdasec.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsManagedPoliciesTest {

  private final AwsManagedPolicies managed = AwsManagedPolicies.bundled();

  @Test
  void knowsAwsManagedPolicyDocumentsAndRisks() {
    assertThat(managed.size()).isEqualTo(1645);
    assertThat(managed.arns()).hasSize(1645).isSorted();
    assertThat(managed.find("arn:aws:iam::aws:policy/AdministratorAccess")).isPresent();
    assertThat(managed.find("arn:aws-us-gov:iam::aws:policy/AdministratorAccess")).isPresent();
    assertThat(managed.find("arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess")).isPresent();
    assertThat(managed.risk("arn:aws:iam::aws:policy/AdministratorAccess").orElseThrow().tier())
        .isEqualTo("critical");
    assertThat(managed.risk("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))
        .isEmpty();
    assertThat(managed.risk("arn:aws:iam::aws:policy/service-role/AWSLambdaRole")).isPresent();
    assertThat(managed.isAwsManagedArn("arn:aws:iam::123456789012:policy/Mine")).isFalse();
  }

  @Test
  void aRefreshedSetIsUsedOnlyWhenItLooksWhole(@TempDir Path dir) throws IOException {
    assertThat(AwsManagedPolicies.readValid(dir)).isEmpty();
    Files.writeString(
        dir.resolve("index.csv"), "arn,name,deprecated\narn:aws:iam::aws:policy/X,X,false\n");
    Files.writeString(dir.resolve("X.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
    assertThat(AwsManagedPolicies.readValid(dir)).as("one policy is not a whole set").isEmpty();

    StringBuilder index = new StringBuilder("arn,name,deprecated\n");
    for (int i = 0; i < 1000; i++) {
      index.append("arn:aws:iam::aws:policy/P").append(i).append(",P").append(i).append(",false\n");
      Files.writeString(
          dir.resolve("P" + i + ".json"),
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
              + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}");
    }
    Files.writeString(dir.resolve("index.csv"), index.toString());
    AwsManagedPolicies refreshed = AwsManagedPolicies.readValid(dir).orElseThrow();
    assertThat(refreshed.size()).isEqualTo(1000);
    assertThat(refreshed.source()).startsWith("refreshed");
    assertThat(refreshed.find("arn:aws:iam::aws:policy/P7").orElseThrow().document().name())
        .isEqualTo("P7");
  }
}
