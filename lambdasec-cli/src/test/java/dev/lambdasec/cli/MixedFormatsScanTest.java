package dev.lambdasec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder mixing CloudFormation, SAM and Serverless Framework files scans as one application: each
 * file is recognised by its content, a broken file is reported on its own, and files a service
 * includes are read as part of it.
 */
class MixedFormatsScanTest {

  @TempDir Path dir;

  @Test
  void eachFileIsReadInItsFormatAndBrokenOnesAreReportedAlone() throws IOException {
    write(
        "sam/template.yaml",
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          SamFunction:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: src/
        """);
    write(
        "cfn/stack.json",
        """
        {"Resources": {"CfnFunction": {"Type": "AWS::Lambda::Function",
          "Properties": {"Runtime": "nodejs16.x", "Handler": "index.handler",
            "Role": "arn:aws:iam::123456789012:role/r", "Code": {"ZipFile": "x"}}}}}
        """);
    write(
        "service/serverless.yml",
        """
        service: shop
        custom: ${file(config/custom.yml)}
        provider:
          name: aws
          runtime: ${self:custom.runtime}
        functions:
          checkout:
            handler: checkout.handler
            url: true
        """);
    write("service/config/custom.yml", "runtime: python3.8\n");
    write("azure/serverless.yml", "service: hello\nprovider:\n  name: azure\nfunctions: {}\n");
    write("broken/serverless.yml", "service: broken\nprovider:\n  name: aws\n  runtime: [python\n");
    write("notes/config.yaml", "colour: blue\n");

    Cli cli = Cli.run("scan", dir.toString(), "-f", "json", "--fail-on", "none");
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.OK);
    JsonNode report = new ObjectMapper().readTree(cli.out());
    List<String> inputs = new ArrayList<>();
    report
        .path("inputs")
        .forEach(
            i -> inputs.add(relative(i.path("scope").asText()) + " " + i.path("kind").asText()));
    assertThat(inputs)
        .containsExactly(
            "cfn/stack.json CLOUDFORMATION",
            "sam/template.yaml SAM",
            "service/serverless.yml SERVERLESS");
    List<String> errors = new ArrayList<>();
    report
        .path("errors")
        .forEach(e -> errors.add(relative(e.path("file").asText()) + ":" + e.path("line").asInt()));
    assertThat(errors).containsExactly("broken/serverless.yml:5");
    List<String> notes = new ArrayList<>();
    report
        .path("notes")
        .forEach(
            e -> notes.add(relative(e.path("file").asText()) + " " + e.path("message").asText()));
    assertThat(notes)
        .containsExactly(
            "azure/serverless.yml Serverless Framework service for provider azure, not AWS; not read");
    List<String> failed = new ArrayList<>();
    report
        .path("findings")
        .forEach(f -> {
          if (f.path("status").asText().equals("FAIL")) {
            failed.add(f.path("ruleId").asText() + " " + f.path("resource").path("id").asText());
          }
        });
    assertThat(failed)
        .contains(
            "LAMBDA-008 CfnFunction",
            "LAMBDA-008 checkout",
            "LAMBDA-001 CheckoutLambdaFunctionUrl");
  }

  private String relative(String file) {
    String root = dir.toString().replace('\\', '/') + "/";
    return file.startsWith(root) ? file.substring(root.length()) : file;
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
