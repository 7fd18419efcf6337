package dev.lambdasec.source.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdasec.model.InputError;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.SourceUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IacReaderTest {

  private static final String CFN =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          Properties:
            Runtime: python3.12
      """;

  private static final String SAM =
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: python3.12
            Handler: app.handler
            CodeUri: src/
      """;

  @TempDir Path dir;

  private final IacReader reader = new IacReader(IacOptions.defaults());

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private SourceResult readDir() throws UnreadableInputException {
    return reader.read(List.of(dir.toString()));
  }

  private String shown(String relative) {
    return dir.toString().replace('\\', '/') + "/" + relative;
  }

  @Test
  void walksFoldersInSortedOrderSkippingDependencyAndBuildFolders() throws Exception {
    write("b/template.yaml", SAM);
    write("a/stack.json", "{\"Resources\": {\"Fn\": {\"Type\": \"AWS::Lambda::Function\"}}}");
    write("a/infra.template", CFN);
    write("node_modules/pkg/template.yaml", CFN);
    write(".aws-sam/build/template.yaml", CFN);
    write("target/template.yaml", CFN);
    write(".hidden/template.yaml", CFN);
    write("venv/lib/template.yaml", CFN);
    write(
        "cdk.out/App.template.json",
        "{\"Resources\": {\"Fn\": {\"Type\": \"AWS::Lambda::Function\"}}}");
    write("cdk.out/manifest.json", "{\"version\": \"36.0.0\"}");
    write("cdk.out/asset.abc/template.yaml", CFN);
    write("notes.txt", CFN);
    SourceResult result = readDir();
    assertThat(result.errors()).isEmpty();
    assertThat(result.application().sources())
        .containsExactly(
            new SourceUnit(shown("a/infra.template"), SourceKind.CLOUDFORMATION),
            new SourceUnit(shown("a/stack.json"), SourceKind.CLOUDFORMATION),
            new SourceUnit(shown("b/template.yaml"), SourceKind.SAM),
            new SourceUnit(shown("cdk.out/App.template.json"), SourceKind.CLOUDFORMATION));
    assertThat(result.application().functions())
        .extracting(f -> f.key().scope())
        .containsExactly(
            shown("a/infra.template"),
            shown("a/stack.json"),
            shown("b/template.yaml"),
            shown("cdk.out/App.template.json"));
  }

  @Test
  void skipsOtherYamlAndJsonOnAWalkButReportsThemWhenNamed() throws Exception {
    write(".github/workflows/ci.yml", "on: push\njobs: {}\n");
    Path packageJson = write("package.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}");
    Path workflow =
        write("workflow.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n");
    write("k8s.yaml", "apiVersion: v1\nkind: Service\n");
    write("serverless.yml", "service: app\nprovider:\n  name: aws\n");
    write("broken-config.yaml", "a: [1, 2\n");
    assertThat(readDir().errors()).isEmpty();
    SourceResult named = reader.read(List.of(packageJson.toString(), workflow.toString()));
    assertThat(named.errors())
        .extracting(InputError::file, InputError::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                packageJson.toString(), "not a CloudFormation, SAM or Serverless Framework file"),
            org.assertj.core.groups.Tuple.tuple(
                workflow.toString(), "not a CloudFormation, SAM or Serverless Framework file"));
  }

  @Test
  void brokenTemplateIsAnErrorWithItsPosition() throws Exception {
    write(
        "template.yaml",
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Environment:
                Variables:
                  API_KEY: "sk_live_51HbC3bGx8Q2aZ
              Runtime: python3.12
        """);
    SourceResult result = readDir();
    assertThat(result.errors()).hasSize(1);
    InputError error = result.errors().getFirst();
    assertThat(error.file()).isEqualTo(shown("template.yaml"));
    assertThat(error.line()).isBetween(8, 10);
    assertThat(error.column()).isPositive();
    assertThat(error.message())
        .startsWith("cannot be parsed: ")
        .doesNotContain("sk_live")
        .doesNotContain("51HbC3");
  }

  @Test
  void secretOnABrokenJsonLineIsNeverQuoted() {
    SourceResult result =
        reader.readText(
            "stack.json",
            "{\"Resources\": {\"Fn\": {\"Type\": \"AWS::Lambda::Function\", \"Properties\": {\"X\": sk_live_51HbC3bGx8Q2aZ}}}}");
    assertThat(result.errors()).hasSize(1);
    assertThat(result.errors().getFirst().line()).isEqualTo(1);
    assertThat(result.errors().getFirst().message())
        .doesNotContain("sk_live")
        .doesNotContain("51HbC3");
  }

  @Test
  void hostileDocumentsBecomeErrorsNotExceptions() {
    StringBuilder bomb = new StringBuilder("AWSTemplateFormatVersion: x\na0: &a0 [x, x]\n");
    for (int i = 1; i < 30; i++) {
      bomb.append("a")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" [*a")
          .append(i - 1)
          .append(", *a")
          .append(i - 1)
          .append("]\n");
    }
    String deep =
        "AWSTemplateFormatVersion: x\nResources: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    byte[] garbage = new byte[4096];
    new Random(42).nextBytes(garbage);
    for (String text :
        List.of(
            bomb.toString(),
            deep,
            "!%A",
            "AWS:: !%A",
            "",
            new String(garbage, StandardCharsets.UTF_8))) {
      SourceResult result = reader.readText("bad.yaml", text);
      assertThat(result.application().resources()).isEmpty();
      assertThat(result.errors()).hasSize(1);
      assertThat(result.errors().getFirst().message()).doesNotContain("internal error");
    }
  }

  @Test
  void templatesThatReuseLargeValuesTooOftenAreNotRead() {
    StringBuilder yaml =
        new StringBuilder("Parameters:\n  Big:\n    Type: CommaDelimitedList\n    Default: \"");
    yaml.append("a,".repeat(100_000)).append("a\"\nResources:\n");
    for (int i = 0; i < 100; i++) {
      yaml.append("  Fn").append(i).append(":\n    Type: AWS::Lambda::Function\n    Properties:\n");
      yaml.append("      Layers: !Ref Big\n");
    }
    SourceResult result = reader.readText("big.yaml", yaml.toString());
    assertThat(result.application().resources()).isEmpty();
    assertThat(result.errors())
        .extracting(InputError::message)
        .singleElement()
        .asString()
        .contains("expands to more than");
  }

  @Test
  void emptyFileIsNotATemplate() {
    assertThat(reader.readText("empty.yaml", "").errors())
        .extracting(InputError::message)
        .containsExactly("not a CloudFormation, SAM or Serverless Framework file");
  }

  @Test
  void missingInputIsAnException() {
    assertThatThrownBy(() -> reader.read(List.of(dir.resolve("nope.yaml").toString())))
        .isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("nope.yaml");
  }

  @Test
  void filesOverTheLimitAreNotRead() throws Exception {
    Path big = write("big.yaml", CFN + "#" + "x".repeat(200) + "\n");
    IacReader small = new IacReader(new IacOptions(Map.of(), 100));
    SourceResult result = small.read(List.of(big.toString()));
    assertThat(result.errors())
        .extracting(InputError::message)
        .containsExactly("larger than 100 bytes; not read");
    write("other/notes.yaml", "x: " + "y".repeat(200) + "\n");
    assertThat(small.read(List.of(dir.resolve("other").toString())).errors()).isEmpty();
  }

  @Test
  void displayPathIsTheInputJoinedWithTheRelativePath() throws Exception {
    write("app/template.yaml", SAM);
    SourceResult result = reader.read(List.of(dir.resolve("app").toString() + "/"));
    assertThat(result.application().sources())
        .extracting(SourceUnit::scope)
        .containsExactly(shown("app/template.yaml"));
    LambdaFunction fn = result.application().functions().getFirst();
    assertThat(fn.origin().file()).isEqualTo(shown("app/template.yaml"));
  }

  @Test
  void parameterOverridesApplyToEveryTemplate() {
    IacReader withParams = new IacReader(new IacOptions(Map.of("Runtime", "java21"), 1 << 20));
    SourceResult result =
        withParams.readText(
            "t.yaml",
            """
            Parameters:
              Runtime:
                Type: String
                Default: java17
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: !Ref Runtime
            """);
    assertThat(result.application().functions().getFirst().runtime().get()).isEqualTo("java21");
  }

  @Test
  void readsCdkStyleJsonTemplates() {
    SourceResult result =
        reader.readText(
            "cdk.out/App.template.json",
            """
            {
             "Resources": {
              "HandlerServiceRoleFCDC14AE": {
               "Type": "AWS::IAM::Role",
               "Properties": {
                "AssumeRolePolicyDocument": {
                 "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}}],
                 "Version": "2012-10-17"
                },
                "ManagedPolicyArns": [
                 {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]]}
                ]
               },
               "Metadata": {"aws:cdk:path": "App/Handler/ServiceRole/Resource"}
              },
              "Handler886CB40B": {
               "Type": "AWS::Lambda::Function",
               "Properties": {
                "Code": {"S3Bucket": {"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"}, "S3Key": "abc.zip"},
                "Role": {"Fn::GetAtt": ["HandlerServiceRoleFCDC14AE", "Arn"]},
                "Handler": "index.handler",
                "Runtime": "nodejs20.x"
               },
               "DependsOn": ["HandlerServiceRoleFCDC14AE"]
              }
             },
             "Parameters": {"BootstrapVersion": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/cdk-bootstrap/hnb659fds/version"}}
            }
            """);
    assertThat(result.errors()).isEmpty();
    LambdaFunction fn = result.application().functions().getFirst();
    assertThat(fn.role().get().key()).isNotNull();
    assertThat(fn.role().get().display()).isEqualTo("HandlerServiceRoleFCDC14AE");
    assertThat(fn.codeLocation().get())
        .isEqualTo("s3://cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}/abc.zip");
    assertThat(result.application().roles().getFirst().managedPolicies().getFirst().get().display())
        .isEqualTo("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
  }
}
