package dev.lambdasec.source.iac.serverless;

import static dev.lambdasec.source.iac.Fixtures.entry;
import static dev.lambdasec.source.iac.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.InputError;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.Fixtures;
import dev.lambdasec.source.iac.IacOptions;
import dev.lambdasec.source.iac.IacReader;
import dev.lambdasec.source.iac.SourceResult;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Variables resolve where they can be known before deployment, and only there. */
class ServerlessVariablesTest {

  @TempDir Path dir;

  private static Map<String, Value<String>> environment(String yaml) {
    return get(Fixtures.app(yaml), LambdaFunction.class, "fn").environment().get();
  }

  @Test
  void selfOptEnvAndSlsResolveWithTheirFallbacks() {
    Map<String, Value<String>> env =
        environment(
            """
            service: orders
            custom:
              table: ${self:service}-${sls:stage}-table
              stages:
                prod: {size: large}
                dev: {size: small}
            provider:
              name: aws
              runtime: nodejs20.x
              stage: ${opt:stage, 'dev'}
              environment:
                TABLE: ${self:custom.table}
                SIZE: ${self:custom.stages.${sls:stage}.size}
                REGION: ${aws:region}
                FROM_ENV: ${env:MISSING_VAR, 'fallback'}
                NO_ENV: ${env:MISSING_VAR}
                OPTIONAL: ${opt:missing, self:custom.table}
                PROVIDER_STAGE: ${self:provider.stage}
            functions:
              fn:
                handler: a.handler
            """);
    assertThat(entry(env, "TABLE").get()).isEqualTo("orders-dev-table");
    assertThat(entry(env, "SIZE").get()).isEqualTo("small");
    assertThat(entry(env, "REGION").get()).isEqualTo("us-east-1");
    assertThat(entry(env, "FROM_ENV").get()).isEqualTo("fallback");
    assertThat(entry(env, "NO_ENV").isUnresolved()).isTrue();
    assertThat(entry(env, "NO_ENV").reason()).contains("environment at deployment");
    assertThat(entry(env, "OPTIONAL").get()).isEqualTo("orders-dev-table");
    assertThat(entry(env, "PROVIDER_STAGE").get()).isEqualTo("dev");
  }

  @Test
  void optionsComeFromParameters() {
    SourceResult result =
        new IacReader(new IacOptions(Map.of("stage", "prod"), IacOptions.DEFAULT_MAX_FILE_BYTES))
            .readText(
                Fixtures.FILE,
                """
                service: orders
                provider:
                  name: aws
                  runtime: nodejs20.x
                  stage: ${opt:stage, 'dev'}
                functions:
                  fn:
                    handler: a.handler
                """);
    assertThat(get(result.application(), LambdaFunction.class, "fn").name().get())
        .isEqualTo("orders-prod-fn");
  }

  @Test
  void valuesKnownOnlyAtDeploymentStayReferencesAndOthersAreUnresolved() {
    Map<String, Value<String>> env =
        environment(
            """
            service: orders
            provider:
              name: aws
              runtime: nodejs20.x
              environment:
                API_KEY: ${ssm:/orders/api-key}
                NESTED: ${ssm:/orders/${sls:stage}/db-password}
                ACCOUNT_ARN: arn:aws:iam::${aws:accountId}:root
                OUTPUT: ${cf:other-stack.Url}
                VAULT: ${vault:secret/orders}
                PLAIN: sk_live_abcdefghijklmnopqrstuvwx
            functions:
              fn:
                handler: a.handler
            """);
    assertThat(entry(env, "API_KEY").isUnresolved()).isTrue();
    assertThat(entry(env, "API_KEY").reason())
        .isEqualTo("${ssm:/orders/api-key} is known only after deployment");
    assertThat(entry(env, "NESTED").reason()).contains("${ssm:/orders/dev/db-password}");
    assertThat(entry(env, "ACCOUNT_ARN").get()).isEqualTo("arn:aws:iam::${AWS::AccountId}:root");
    assertThat(entry(env, "OUTPUT").isUnresolved()).isTrue();
    assertThat(entry(env, "VAULT").reason()).contains("not read by lambdasec");
    assertThat(entry(env, "PLAIN").get()).startsWith("sk_live_");
  }

  @Test
  void cloudFormationPlaceholdersAreLeftForTheTemplate() {
    Application app =
        Fixtures.app(
            """
            service: orders
            provider:
              name: aws
              runtime: nodejs20.x
              environment:
                BUCKET: !Sub "${AWS::StackName}-${Bucket}"
            functions:
              fn:
                handler: a.handler
            resources:
              Resources:
                Bucket:
                  Type: AWS::S3::Bucket
            """);
    Value<String> bucket =
        entry(get(app, LambdaFunction.class, "fn").environment().get(), "BUCKET");
    assertThat(bucket.get()).isEqualTo("${AWS::StackName}-${Bucket}");
  }

  @Test
  void includedFilesAreReadRelativeToTheServiceWithKeysAndFallbacks() throws Exception {
    write(
        "serverless.yml",
        """
        service: orders
        custom: ${file(config/custom.yml)}
        provider:
          name: aws
          runtime: ${file(./config/runtime.json):runtime}
          environment: ${file(config/env.${sls:stage}.yml), file(config/env.default.yml)}
          iamRoleStatements: ${file(config/statements.yml)}
        functions:
          fn:
            handler: a.handler
            environment:
              SECRET_NAME: ${self:custom.secretName}
              KEY: ${file(./keys/private.pem)}
              MISSING: ${file(./nope.yml)}
        """);
    write("config/custom.yml", "secretName: orders/${sls:stage}/db\nwild: '*'\n");
    write("config/runtime.json", "{\"runtime\": \"python3.12\"}");
    write("config/env.default.yml", "FROM: default-file\n");
    write(
        "config/statements.yml",
        "- Effect: Allow\n  Action: ${self:custom.wild}\n  Resource: ${self:custom.wild}\n");
    write("keys/private.pem", "-----BEGIN PRIVATE KEY-----\n");
    write("other/template.yaml", "Resources: {}\n");
    SourceResult result = new IacReader(IacOptions.defaults()).read(List.of(dir.toString()));
    assertThat(result.errors()).isEmpty();
    Application app = result.application();
    LambdaFunction fn = app.functions().getFirst();
    assertThat(fn.runtime().get()).isEqualTo("python3.12");
    assertThat(fn.runtime().origin().file()).endsWith("config/runtime.json");
    Map<String, Value<String>> env = fn.environment().get();
    assertThat(entry(env, "FROM").get()).isEqualTo("default-file");
    assertThat(entry(env, "SECRET_NAME").get()).isEqualTo("orders/dev/db");
    assertThat(entry(env, "KEY").reason()).contains("not a YAML or JSON file");
    assertThat(entry(env, "MISSING").reason()).contains("does not exist");
    Role role = app.roles().getFirst();
    assertThat(Nodes.content(role.inlinePolicies().getFirst().document()))
        .contains("Action=STRING:*,Resource=STRING:*");
    // the included files are part of the service, not templates of their own
    assertThat(app.sources()).hasSize(1);
  }

  @Test
  void includedFilesAreNotReadFromMemory() {
    Value<Map<String, Value<String>>> env =
        get(
                Fixtures.app(
                    """
                    service: s
                    provider:
                      name: aws
                      runtime: nodejs20.x
                      environment: ${file(env.yml), 'none'}
                    functions:
                      fn:
                        handler: a.handler
                    """),
                LambdaFunction.class,
                "fn")
            .environment();
    assertThat(env.isUnresolved()).isTrue();
    assertThat(env.reason()).contains("read from memory");
  }

  @Test
  void referencesThatLoopOrMultiplyStop() throws Exception {
    SourceResult loop =
        Fixtures.read(
            """
            service: s
            custom:
              a: ${self:custom.b}
              b: ${self:custom.a}
            provider:
              name: aws
              runtime: ${self:custom.a}
            functions:
              fn:
                handler: a.handler
            """);
    assertThat(loop.errors()).isEmpty();
    assertThat(get(loop.application(), LambdaFunction.class, "fn").runtime().reason())
        .contains("refers to itself");

    StringBuilder bomb = new StringBuilder("service: s\ncustom:\n  l0: [x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i <= 12; i++) {
      bomb.append("  l")
          .append(i)
          .append(": [")
          .append(
              String.join(
                  ", ", java.util.Collections.nCopies(8, "'${self:custom.l" + (i - 1) + "}'")))
          .append("]\n");
    }
    bomb.append("provider:\n  name: aws\n  environment:\n    X: ${self:custom.l12}\n");
    bomb.append("functions:\n  fn:\n    handler: a.handler\n");
    SourceResult result = Fixtures.read(bomb.toString());
    assertThat(result.errors())
        .extracting(InputError::message)
        .singleElement()
        .asString()
        .contains("expands to more than");

    write("a.yml", "x: ${file(b.yml)}\n");
    write("b.yml", "y: ${file(a.yml)}\n");
    write(
        "serverless.yml",
        "service: s\ncustom: ${file(a.yml)}\nprovider: {name: aws, runtime: nodejs20.x}\n"
            + "functions:\n  fn:\n    handler: a.handler\n");
    SourceResult files = new IacReader(IacOptions.defaults()).read(List.of(dir.toString()));
    assertThat(files.errors()).isEmpty();
    assertThat(files.application().functions()).hasSize(1);
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
