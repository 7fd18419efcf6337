package dev.lambdasec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdasec.source.aws.emulator.AccountSeeder;
import dev.lambdasec.source.aws.emulator.Emulators;
import dev.lambdasec.source.aws.emulator.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lambdasec scan --aws} and {@code lambdasec aws collect} end to end against moto, with an
 * account created through the SDK: the findings a user gets, and no secret anywhere.
 */
class AwsScanIT {

  private static MotoServer moto;
  private static String endpoint;

  @BeforeAll
  static void startMotoWithTheOrdersAccount() throws Exception {
    assumeTrue(
        MotoServer.executable().isPresent(),
        "moto_server is not on the PATH: install moto[server] 5.2 to run the live-account tests");
    moto = MotoServer.start();
    endpoint = moto.endpoint().toString();
    try (AccountSeeder seeder = new AccountSeeder(moto.endpoint())) {
      seeder.seedOrdersApp();
    }
    Emulators.useTestCredentials();
  }

  @AfterAll
  static void stop() {
    if (moto != null) {
      moto.close();
    }
  }

  private static String fn(String name) {
    return "arn:aws:lambda:us-east-1:123456789012:function:" + name;
  }

  /** "RULE-ID resource-id[part]" of every finding with {@code status}. */
  private static List<String> findings(String json, String status) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode f : new ObjectMapper().readTree(json).path("findings")) {
      if (f.path("status").asText().equals(status)) {
        JsonNode resource = f.path("resource");
        String part = resource.path("part").asText("");
        out.add(
            f.path("ruleId").asText()
                + " "
                + resource.path("id").asText()
                + (part.isEmpty() ? "" : "[" + part + "]"));
      }
    }
    return out;
  }

  @Test
  void scanningTheAccountReportsItsWeaknessesWithArnLocations() throws Exception {
    Cli cli =
        Cli.run(
            "scan",
            "--aws",
            "--endpoint-url",
            endpoint,
            "--regions",
            "us-east-1",
            "-f",
            "json",
            "--as-of",
            "2026-11-22");

    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.FINDINGS);
    List<String> failed = findings(cli.out(), "FAIL");
    assertThat(failed)
        .contains(
            "LAMBDA-001 " + fn("public-webhook") + "#url",
            "LAMBDA-002 " + fn("public-webhook") + "#url",
            "LAMBDA-003 " + fn("public-webhook") + "#PublicUrl",
            "LAMBDA-003 " + fn("admin-task") + ":live#AnyoneMayInvokeLive",
            "LAMBDA-004 " + fn("legacy-report") + "#FromAnyBucket",
            "LAMBDA-005 " + fn("public-webhook") + "[AWS_ACCESS_KEY_ID]",
            "LAMBDA-005 " + fn("public-webhook") + "[AWS_SECRET_ACCESS_KEY]",
            "LAMBDA-008 " + fn("legacy-report"),
            "LAMBDA-010 " + fn("legacy-report"),
            "LAMBDA-013 " + fn("legacy-report"),
            "IAM-001 arn:aws:iam::123456789012:role/admin-fn-role[AdministratorAccess]",
            "IAM-004 " + fn("public-webhook"),
            "APIGW-001 arn:aws:apigateway:us-east-1::/apis/"
                + httpApiId(cli.out())
                + "/routes/"
                + routeId(cli.out()),
            "APIGW-003 arn:aws:apigateway:us-east-1::/apis/" + httpApiId(cli.out()),
            "CLOUDTRAIL-001 arn:aws:cloudtrail:us-east-1:123456789012:trail/audit-trail",
            "ACCOUNT-002 123456789012/us-east-1",
            "ACCOUNT-004 123456789012/us-east-1",
            "ACCOUNT-007 123456789012/us-east-1",
            "CLOUDWATCH-001 " + fn("public-webhook"));
    assertThat(findings(cli.out(), "PASS"))
        .contains(
            "LAMBDA-001 " + fn("orders-api") + "#url",
            "LAMBDA-011 " + fn("orders-api"),
            "LAMBDA-014 " + fn("orders-api"),
            "CLOUDWATCH-001 " + fn("orders-api"),
            "ACCOUNT-001 123456789012/us-east-1");
    assertThat(cli.out() + cli.err())
        .doesNotContain(AccountSeeder.FAKE_KEY_ID)
        .doesNotContain(AccountSeeder.FAKE_SECRET);
    assertThat(cli.err()).contains("API calls").contains("per function");
  }

  private static String httpApiId(String json) throws Exception {
    for (JsonNode f : new ObjectMapper().readTree(json).path("findings")) {
      String id = f.path("resource").path("id").asText();
      if (f.path("ruleId").asText().equals("APIGW-003")) {
        return id.substring(id.lastIndexOf('/') + 1);
      }
    }
    return "?";
  }

  private static String routeId(String json) throws Exception {
    for (JsonNode f : new ObjectMapper().readTree(json).path("findings")) {
      String id = f.path("resource").path("id").asText();
      if (f.path("ruleId").asText().equals("APIGW-001") && id.contains("/routes/")) {
        return id.substring(id.lastIndexOf('/') + 1);
      }
    }
    return "?";
  }

  @Test
  void aCollectedSnapshotScansOfflineToTheSameFindings(@TempDir Path dir) throws Exception {
    Path snapshot = dir.resolve("snap.json");
    Cli collect =
        Cli.run(
            "aws",
            "collect",
            "--endpoint-url",
            endpoint,
            "--regions",
            "us-east-1",
            "-o",
            snapshot.toString());
    assertThat(collect.exitCode()).as(collect.err()).isEqualTo(ExitCodes.OK);
    String text = Files.readString(snapshot);
    assertThat(text)
        .doesNotContain(AccountSeeder.FAKE_KEY_ID)
        .doesNotContain(AccountSeeder.FAKE_SECRET);

    Cli offline =
        Cli.run(
            "scan", "--aws-snapshot", snapshot.toString(), "-f", "json", "--as-of", "2026-11-22");
    Cli live =
        Cli.run(
            "scan",
            "--aws",
            "--endpoint-url",
            endpoint,
            "--regions",
            "us-east-1",
            "-f",
            "json",
            "--as-of",
            "2026-11-22");
    assertThat(findings(offline.out(), "FAIL"))
        .containsExactlyInAnyOrderElementsOf(findings(live.out(), "FAIL"));
  }

  @Test
  void aTemplateScannedWithTheAccountReportsDrift(@TempDir Path dir) throws Exception {
    Path template = dir.resolve("template.yaml");
    Files.writeString(
        template,
        """
        Resources:
          WebhookFunction:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: public-webhook
              Runtime: nodejs20.x
              Handler: index.handler
              Role: arn:aws:iam::123456789012:role/shared-role
              Environment:
                Variables: {AWS_ACCESS_KEY_ID: "{{resolve:ssm:/webhook/key}}"}
              Code: {ZipFile: "exports.handler = async () => {}"}
          WebhookUrl:
            Type: AWS::Lambda::Url
            Properties:
              TargetFunctionArn: !GetAtt WebhookFunction.Arn
              AuthType: AWS_IAM
        """);
    Cli cli =
        Cli.run(
            "scan",
            template.toString(),
            "--aws",
            "--endpoint-url",
            endpoint,
            "--regions",
            "us-east-1",
            "-f",
            "json",
            "--rules",
            "DRIFT");
    assertThat(findings(cli.out(), "FAIL"))
        .containsExactlyInAnyOrder(
            "DRIFT-001 " + fn("public-webhook"), "DRIFT-005 " + fn("public-webhook"));
    assertThat(findings(cli.out(), "PASS"))
        .contains("DRIFT-002 " + fn("public-webhook"), "DRIFT-004 " + fn("public-webhook"));
  }

  @Test
  void credentialsThatDoNotWorkExitWithThree() {
    Cli cli =
        Cli.run("scan", "--aws", "--endpoint-url", "http://127.0.0.1:1", "--regions", "us-east-1");
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(cli.err()).contains("cannot call AWS");
  }
}
