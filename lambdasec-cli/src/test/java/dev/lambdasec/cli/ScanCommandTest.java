package dev.lambdasec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdasec.testkit.Paths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

  private static final String EXAMPLE =
      Paths.repositoryRoot().resolve("examples/orders-sam").toString();

  private static JsonNode json(String text) throws IOException {
    return new ObjectMapper().readTree(text);
  }

  private static List<String> failed(JsonNode report) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : report.path("findings")) {
      if (f.path("status").asText().equals("FAIL")) {
        out.add(f.path("ruleId").asText() + " " + f.path("resource").path("id").asText());
      }
    }
    return out;
  }

  @Test
  void findsTheExamplesDeliberateWeaknessesAndFailsTheBuild() throws IOException {
    Cli cli = Cli.run("scan", EXAMPLE, "-f", "json", "--as-of", "2026-11-22");
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    JsonNode report = json(cli.out());
    assertThat(failed(report))
        .contains(
            "APIGW-001 OrdersApi GET /status",
            "LAMBDA-008 ReceiptsFunction",
            "IAM-006 ReceiptsFunctionRole",
            "LAMBDA-013 ReceiptsFunction",
            "LAMBDA-005 PartnerWebhookFunction",
            "LAMBDA-001 PartnerWebhookFunctionUrl",
            "LAMBDA-002 PartnerWebhookFunctionUrl");
    assertThat(failed(report))
        .noneMatch(f -> f.startsWith("APIGW-001 OrdersApi POST"))
        .noneMatch(f -> f.startsWith("IAM-004"))
        .noneMatch(f -> f.startsWith("LAMBDA-006"));
    assertThat(report.path("errors")).isEmpty();
    assertThat(report.path("findings").findValuesAsText("message"))
        .contains(
            "Environment variable PARTNER_API_TOKEN of PartnerWebhookFunction holds a plaintext"
                + " secret (API key or token, as the variable name says; detector generic-secret);"
                + " store it in Secrets Manager or SSM and pass a reference")
        .noneMatch(m -> m.contains("4fQ9x2LmZ8rT6vW1yB3k"));
  }

  @Test
  void findsTheServerlessExamplesDeliberateWeaknesses() throws IOException {
    Cli cli =
        Cli.run(
            "scan",
            Paths.repositoryRoot().resolve("examples/orders-serverless").toString(),
            "-f",
            "json",
            "--as-of",
            "2026-11-22");
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    JsonNode report = json(cli.out());
    assertThat(failed(report))
        .containsExactlyInAnyOrder(
            "IAM-002 IamRoleLambdaExecution",
            "IAM-004 orders",
            "IAM-004 receipts",
            "IAM-004 reports",
            "IAM-004 webhook",
            "APIGW-001 HttpApiRouteGetStatus",
            "LAMBDA-008 receipts",
            "LAMBDA-013 receipts",
            "LAMBDA-015 receipts",
            "LAMBDA-005 webhook",
            "LAMBDA-001 WebhookLambdaFunctionUrl",
            "LAMBDA-002 WebhookLambdaFunctionUrl",
            "LAMBDA-003 WebhookLambdaPermissionFnUrl",
            "LOGS-002 OrdersLogGroup",
            "LOGS-002 ReceiptsLogGroup",
            "LOGS-002 ReportsLogGroup",
            "LOGS-002 WebhookLogGroup");
    assertThat(report.path("errors")).isEmpty();
    assertThat(report.path("notes")).isEmpty();
  }

  @Test
  void failOnControlsTheExitCode() {
    assertThat(Cli.run("scan", EXAMPLE, "-f", "json", "--fail-on", "none").exitCode())
        .isEqualTo(ExitCodes.OK);
    assertThat(Cli.run("scan", EXAMPLE, "-f", "json", "--rules", "KMS").exitCode())
        .isEqualTo(ExitCodes.OK);
  }

  @Test
  void secretValuesNeverReachAnyOutput(@TempDir Path dir) throws IOException {
    String secret = "pt-demo-4fQ9x2LmZ8rT6vW1yB3k";
    Path out = dir.resolve("out");
    Cli cli =
        Cli.run(
            "scan",
            EXAMPLE,
            "-f",
            "console",
            "-f",
            "json",
            "-f",
            "sarif",
            "-o",
            out.toString(),
            "--show-passed");
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    String all =
        cli.out()
            + cli.err()
            + Files.readString(out.resolve("lambdasec.json"))
            + Files.readString(out.resolve("lambdasec.sarif"));
    assertThat(all).contains("PARTNER_API_TOKEN").doesNotContain(secret);
    assertThat(Cli.run("scan", EXAMPLE).out()).doesNotContain(secret);
  }

  @Test
  void aMalformedTemplateIsAnErrorWithItsLineAndTheScanGoesOn(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("broken.yaml"),
        """
        AWSTemplateFormatVersion: '2010-09-09'
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties: [unclosed
            Password: hunter2-secret
        """);
    Files.writeString(
        dir.resolve("good.yaml"),
        """
        Resources:
          OpenUrl:
            Type: AWS::Lambda::Url
            Properties:
              TargetFunctionArn: arn:aws:lambda:us-east-1:123456789012:function:f
              AuthType: NONE
        """);
    Cli cli = Cli.run("scan", dir.toString(), "-f", "json");
    JsonNode report = json(cli.out());
    assertThat(report.path("errors")).hasSize(1);
    JsonNode error = report.path("errors").get(0);
    assertThat(error.path("file").asText()).endsWith("broken.yaml");
    assertThat(error.path("line").asInt()).isBetween(5, 6);
    assertThat(cli.out() + cli.err()).doesNotContain("hunter2").doesNotContain("\tat ");
    assertThat(failed(report)).contains("LAMBDA-001 OpenUrl");
  }

  @Test
  void anUnreadablePathExitsWithThree(@TempDir Path dir) {
    Cli cli = Cli.run("scan", dir.resolve("missing").toString());
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(cli.err()).contains("missing");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(Cli.run("scan").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("scan", EXAMPLE, "-f", "pdf").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("scan", EXAMPLE, "--fail-on", "severe").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("scan", EXAMPLE, "--rules", "NOPE-999").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("scan", EXAMPLE, "-f", "json", "-f", "sarif").exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void consoleGroupsFailuresByControlWithoutColourWhenNotATerminal() {
    Cli cli = Cli.run("scan", EXAMPLE);
    assertThat(cli.out()).contains("AUTH").contains("LAMBDA-001").doesNotContain("\u001b[");
    assertThat(cli.out().strip().lines().reduce((a, b) -> b).orElse(""))
        .startsWith("lambdasec:")
        .contains("failed");
  }

  @Test
  void writesSarifToAFile(@TempDir Path dir) throws IOException {
    Path sarif = dir.resolve("report.sarif");
    Cli cli = Cli.run("scan", EXAMPLE, "-f", "sarif", "-o", sarif.toString());
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    JsonNode log = json(Files.readString(sarif));
    assertThat(log.path("version").asText()).isEqualTo("2.1.0");
    assertThat(log.path("runs").get(0).path("results")).isNotEmpty();
  }

  @Test
  void findsTheTerraformExamplesDeliberateWeaknesses() throws IOException {
    Cli cli =
        Cli.run(
            "scan",
            Paths.repositoryRoot().resolve("examples/orders-terraform").toString(),
            "-f",
            "json",
            "--as-of",
            "2026-11-22");
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    JsonNode report = json(cli.out());
    assertThat(failed(report))
        .containsExactlyInAnyOrder(
            "APIGW-001 aws_apigatewayv2_route.orders[\"status\"]",
            "IAM-006 module.receipts.aws_iam_role.this",
            "LAMBDA-008 module.receipts.aws_lambda_function.this",
            "LAMBDA-013 module.receipts.aws_lambda_function.this",
            "LAMBDA-015 module.receipts.aws_lambda_function.this",
            "LAMBDA-005 module.webhook.aws_lambda_function.this",
            "LAMBDA-001 aws_lambda_function_url.webhook",
            "LAMBDA-002 aws_lambda_function_url.webhook",
            "LAMBDA-003 aws_lambda_permission.webhook_url");
    assertThat(report.path("errors")).isEmpty();
    assertThat(report.path("notes")).isEmpty();
  }
}
