package dev.lambdasec.source.iac.serverless;

import static dev.lambdasec.source.iac.Fixtures.app;
import static dev.lambdasec.source.iac.Fixtures.entry;
import static dev.lambdasec.source.iac.Fixtures.get;
import static dev.lambdasec.source.iac.Fixtures.pos;
import static dev.lambdasec.source.iac.Fixtures.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.FunctionUrl;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Layer;
import dev.lambdasec.model.LogGroup;
import dev.lambdasec.model.Permission;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.SourceUnit;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.Fixtures;
import dev.lambdasec.source.iac.SourceResult;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A function inherits from {@code provider} and expands into what the framework deploys. */
class ServerlessFunctionTest {

  @Test
  void functionsInheritProviderSettingsAndKeepTheirKeyAsId() {
    Application app =
        app(
            """
            service: orders
            provider:
              name: aws
              runtime: nodejs20.x
              stage: prod
              region: eu-west-1
              memorySize: 512
              kmsKeyArn: arn:aws:kms:eu-west-1:123456789012:key/shared
              environment:
                STAGE: prod
                TABLE: shared
              tracing:
                lambda: true
              vpc:
                securityGroupIds: [sg-1]
                subnetIds: [subnet-a, subnet-b]
              tags:
                team: payments
              stackTags:
                data-classification: internal
              logRetentionInDays: 30
              architecture: arm64
            functions:
              create:
                handler: src/create.handler
                runtime: python3.12
                timeout: 20
                environment:
                  TABLE: own
                tags:
                  team: orders
                reservedConcurrency: 5
                logRetentionInDays: 7
              list:
                handler: src/list.handler
                name: custom-list
                tracing: PassThrough
                kmsKeyArn: arn:aws:kms:eu-west-1:123456789012:key/own
            """);
    assertThat(app.sources()).containsExactly(new SourceUnit(Fixtures.FILE, SourceKind.SERVERLESS));
    LambdaFunction create = get(app, LambdaFunction.class, "create");
    assertThat(create.resourceType()).isEqualTo("AWS::Lambda::Function");
    assertThat(create.name().get()).isEqualTo("orders-prod-create");
    assertThat(create.runtime().get()).isEqualTo("python3.12");
    assertThat(create.handler().get()).isEqualTo("src/create.handler");
    assertThat(create.memorySize().get()).isEqualTo(512);
    assertThat(create.timeout().get()).isEqualTo(20);
    assertThat(create.environment().get()).containsOnlyKeys("STAGE", "TABLE");
    assertThat(entry(create.environment().get(), "TABLE").get()).isEqualTo("own");
    assertThat(entry(create.environment().get(), "STAGE").get()).isEqualTo("prod");
    assertThat(create.kmsKey().get().literal())
        .isEqualTo("arn:aws:kms:eu-west-1:123456789012:key/shared");
    assertThat(create.tracingMode().get()).isEqualTo("Active");
    assertThat(create.vpc().get().subnets()).hasSize(2);
    assertThat(create.reservedConcurrency().get()).isEqualTo(5);
    assertThat(create.architectures().get()).extracting(Value::get).containsExactly("arm64");
    assertThat(create.tags().get()).containsOnlyKeys("data-classification", "team");
    assertThat(entry(create.tags().get(), "team").get()).isEqualTo("orders");
    assertThat(create.role().get()).isEqualTo(to("IamRoleLambdaExecution"));
    // values inherited from the provider point at the provider's lines
    assertThat(pos(create.tracingMode())).isEqualTo("13:13");
    assertThat(create.tracingMode().origin().path()).isEqualTo("/provider/tracing/lambda");

    LambdaFunction list = get(app, LambdaFunction.class, "list");
    assertThat(list.name().get()).isEqualTo("custom-list");
    assertThat(list.runtime().get()).isEqualTo("nodejs20.x");
    assertThat(list.runtime().origin().path()).isEqualTo("/provider/runtime");
    assertThat(list.timeout().get()).isEqualTo(6);
    assertThat(list.tracingMode().get()).isEqualTo("PassThrough");
    assertThat(list.kmsKey().get().literal()).endsWith("key/own");
    assertThat(list.reservedConcurrency().isAbsent()).isTrue();

    LogGroup createLogs = get(app, LogGroup.class, "CreateLogGroup");
    assertThat(createLogs.name().get()).isEqualTo("/aws/lambda/orders-prod-create");
    assertThat(createLogs.retentionDays().get()).isEqualTo(7);
    assertThat(createLogs.meta().definedBy()).isEqualTo("create");
    assertThat(get(app, LogGroup.class, "ListLogGroup").name().get())
        .isEqualTo("/aws/lambda/custom-list");
    assertThat(get(app, LogGroup.class, "ListLogGroup").retentionDays().get()).isEqualTo(30);
  }

  @Test
  void theSharedRoleHoldsLogWritesWrittenStatementsAndWhatSettingsNeed() {
    Application app =
        app(
            """
            service: orders
            provider:
              name: aws
              runtime: nodejs20.x
              tracing:
                lambda: true
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action: dynamodb:GetItem
                      Resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders
                  managedPolicies:
                    - arn:aws:iam::aws:policy/ReadOnlyAccess
              iamRoleStatements:
                - Effect: Allow
                  Action: [s3:GetObject]
                  Resource: arn:aws:s3:::orders/*
              iamManagedPolicies:
                - arn:aws:iam::123456789012:policy/extra
            functions:
              one:
                handler: a.handler
                vpc:
                  securityGroupIds: [sg-1]
                  subnetIds: [subnet-a]
              two:
                handler: b.handler
                name: legacy-two
            """);
    Role role = get(app, Role.class, "IamRoleLambdaExecution");
    assertThat(role.meta().definedBy()).isEqualTo("provider");
    assertThat(role.name().get()).isEqualTo("orders-dev-us-east-1-lambdaRole");
    assertThat(role.inlinePolicies()).hasSize(1);
    assertThat(role.inlinePolicies().getFirst().name()).isEqualTo("dev-orders-lambda");
    String policy = Nodes.content(role.inlinePolicies().getFirst().document());
    assertThat(policy)
        .contains("STRING:logs:CreateLogStream", "STRING:logs:PutLogEvents")
        .contains("log-group:/aws/lambda/orders-dev*:*")
        .contains("log-group:/aws/lambda/legacy-two:*")
        .contains("STRING:dynamodb:GetItem", "STRING:s3:GetObject")
        .contains("STRING:xray:PutTraceSegments");
    assertThat(role.managedPolicies())
        .extracting(v -> v.get().literal())
        .containsExactly(
            "arn:aws:iam::aws:policy/ReadOnlyAccess",
            "arn:aws:iam::123456789012:policy/extra",
            "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole");
    assertThat(String.valueOf(role.trustPolicy().get().document()))
        .contains("lambda.amazonaws.com");
    assertThat(app.functions()).allMatch(f -> f.role().get().equals(to("IamRoleLambdaExecution")));
  }

  @Test
  void theSharedRoleTakesThePermissionsBoundaryInEverySpellingTheFrameworkAccepts() {
    String boundary = "arn:aws:iam::123456789012:policy/boundary";
    for (String setting :
        List.of(
            "iam: {role: {permissionsBoundary: ARN}}",
            "iam: {role: {permissionBoundary: ARN}}",
            "rolePermissionsBoundary: ARN")) {
      String service =
          """
          service: orders
          provider:
            name: aws
            runtime: nodejs20.x
            SETTING
          functions:
            one:
              handler: a.handler
          """;
      Application app = app(service.replace("SETTING", setting.replace("ARN", boundary)));
      assertThat(get(app, Role.class, "IamRoleLambdaExecution").permissionsBoundary().get())
          .as(setting)
          .isEqualTo(Ref.literal(boundary));
    }
  }

  @Test
  void aRoleNamedByTheProviderOrTheFunctionReplacesTheSharedRole() {
    Application app =
        app(
            """
            service: orders
            provider:
              name: aws
              runtime: nodejs20.x
              iam:
                role: arn:aws:iam::123456789012:role/shared
            functions:
              one:
                handler: a.handler
              two:
                handler: b.handler
                role: TwoRole
              three:
                handler: c.handler
                role: !GetAtt TwoRole.Arn
            resources:
              Resources:
                TwoRole:
                  Type: AWS::IAM::Role
                  Properties:
                    AssumeRolePolicyDocument:
                      Statement:
                        - Effect: Allow
                          Principal: {Service: lambda.amazonaws.com}
                          Action: sts:AssumeRole
            """);
    assertThat(app.roles()).extracting(Role::id).containsExactly("TwoRole");
    assertThat(get(app, LambdaFunction.class, "one").role().get())
        .isEqualTo(Ref.literal("arn:aws:iam::123456789012:role/shared"));
    assertThat(get(app, LambdaFunction.class, "two").role().get()).isEqualTo(to("TwoRole"));
    assertThat(get(app, LambdaFunction.class, "three").role().get()).isEqualTo(to("TwoRole"));
  }

  @Test
  void functionLevelIamRoleStatementsGetTheirOwnRoleAsThePluginDoes() {
    SourceResult result =
        Fixtures.read(
            """
            service: orders
            plugins:
              - serverless-iam-roles-per-function
            provider:
              name: aws
              runtime: nodejs20.x
            functions:
              one:
                handler: a.handler
                iamRoleStatements:
                  - Effect: Allow
                    Action: ["*"]
                    Resource: ["*"]
              two:
                handler: b.handler
            """);
    assertThat(result.errors()).isEmpty();
    Application app = result.application();
    assertThat(get(app, LambdaFunction.class, "one").role().get())
        .isEqualTo(to("OneIamRoleLambdaExecution"));
    Role own = get(app, Role.class, "OneIamRoleLambdaExecution");
    assertThat(own.meta().definedBy()).isEqualTo("one");
    assertThat(Nodes.content(own.inlinePolicies().getFirst().document()))
        .contains("log-group:/aws/lambda/orders-dev-one:*")
        .contains("Action=[STRING:*,]");
    assertThat(get(app, LambdaFunction.class, "two").role().get())
        .isEqualTo(to("IamRoleLambdaExecution"));
  }

  @Test
  void functionLevelStatementsWithoutThePluginListedAreIgnoredWithANote() {
    SourceResult result =
        Fixtures.read(
            """
            service: s
            plugins:
              - serverless-custom-iam-roles-per-function
            provider:
              name: aws
              runtime: nodejs20.x
              iamRoleStatements:
                - {Effect: Allow, Action: "dynamodb:GetItem", Resource: "*"}
            functions:
              one:
                handler: a.handler
                iamRoleStatements:
                  - {Effect: Allow, Action: "s3:*", Resource: "*"}
            """);
    assertThat(result.errors())
        .singleElement()
        .satisfies(e -> {
          assertThat(e.isNote()).isTrue();
          assertThat(e.line()).isEqualTo(13);
          assertThat(e.message()).contains("ignored", "runs as IamRoleLambdaExecution");
        });
    Application app = result.application();
    assertThat(app.roles()).extracting(Role::id).containsExactly("IamRoleLambdaExecution");
    assertThat(get(app, LambdaFunction.class, "one").role().get())
        .isEqualTo(to("IamRoleLambdaExecution"));
    assertThat(Nodes.content(app.roles().getFirst().inlinePolicies().getFirst().document()))
        .contains("STRING:dynamodb:GetItem")
        .doesNotContain("STRING:s3:*");
  }

  @Test
  void thePerFunctionRolePluginIsFoundInEitherPluginsFormUnderAnyScope() {
    for (String plugins :
        List.of(
            "[serverless-iam-roles-per-function]",
            "{modules: [serverless-offline, serverless-iam-roles-per-function]}",
            "{localPath: ./plugins, modules: ['@acme/serverless-iam-roles-per-function']}",
            "[serverless-granular-iam]")) {
      String service =
          """
          service: s
          plugins: PLUGINS
          provider: {name: aws, runtime: nodejs20.x}
          functions:
            one:
              handler: a.handler
              iamRoleStatements:
                - {Effect: Allow, Action: "s3:GetObject", Resource: "*"}
          """;
      SourceResult result = Fixtures.read(service.replace("PLUGINS", plugins));
      assertThat(result.errors()).as(plugins).isEmpty();
      assertThat(result.application().roles())
          .as(plugins)
          .extracting(Role::id)
          .containsExactly("OneIamRoleLambdaExecution");
    }
  }

  @Test
  void theCustomRolesPluginGivesEveryFunctionWithoutARoleItsOwnHoldingTheProvidersStatements() {
    SourceResult result =
        Fixtures.read(
            """
            service: s
            plugins: [serverless-plugin-custom-roles]
            provider:
              name: aws
              runtime: nodejs20.x
              iam:
                role:
                  statements:
                    - {Effect: Allow, Action: "dynamodb:GetItem", Resource: "*"}
                  permissionsBoundary: arn:aws:iam::123456789012:policy/boundary
            functions:
              one:
                handler: a.handler
                iamRoleStatements:
                  - {Effect: Allow, Action: "s3:GetObject", Resource: "*"}
              two:
                handler: b.handler
              three:
                handler: c.handler
                role: arn:aws:iam::123456789012:role/three
            """);
    assertThat(result.errors()).isEmpty();
    Application app = result.application();
    assertThat(app.roles())
        .extracting(Role::id)
        .containsExactlyInAnyOrder("OneLambdaFunctionRole", "TwoLambdaFunctionRole");
    assertThat(get(app, LambdaFunction.class, "one").role().get())
        .isEqualTo(to("OneLambdaFunctionRole"));
    Role one = get(app, Role.class, "OneLambdaFunctionRole");
    assertThat(one.name().isAbsent()).isTrue();
    assertThat(one.permissionsBoundary().get())
        .isEqualTo(Ref.literal("arn:aws:iam::123456789012:policy/boundary"));
    assertThat(Nodes.content(one.inlinePolicies().getFirst().document()))
        .contains("STRING:dynamodb:GetItem", "STRING:s3:GetObject")
        .contains("log-group:/aws/lambda/s-dev-one:*");
    assertThat(
            Nodes.content(
                get(app, Role.class, "TwoLambdaFunctionRole")
                    .inlinePolicies()
                    .getFirst()
                    .document()))
        .contains("STRING:dynamodb:GetItem")
        .doesNotContain("STRING:s3:GetObject");
    assertThat(get(app, LambdaFunction.class, "three").role().get())
        .isEqualTo(Ref.literal("arn:aws:iam::123456789012:role/three"));
  }

  @Test
  void functionUrlWithoutAuthorizerIsPublicAndAllowsEveryoneToInvokeIt() {
    Application app =
        app(
            """
            service: s
            provider: {name: aws, runtime: nodejs20.x}
            functions:
              open:
                handler: a.handler
                url: true
              signed:
                handler: b.handler
                url:
                  authorizer: aws_iam
                  cors:
                    allowedOrigins: [https://example.com]
              corsy:
                handler: c.handler
                url:
                  cors: true
            """);
    FunctionUrl open = get(app, FunctionUrl.class, "OpenLambdaFunctionUrl");
    assertThat(open.authType().get()).isEqualTo("NONE");
    assertThat(open.function().get()).isEqualTo(to("open"));
    assertThat(open.meta().definedBy()).isEqualTo("open");
    Permission permission = get(app, Permission.class, "OpenLambdaPermissionFnUrl");
    assertThat(permission.target().get()).isEqualTo(to("open"));
    assertThat(Nodes.content(permission.policy().document()))
        .contains("lambda:InvokeFunctionUrl", "lambda:FunctionUrlAuthType=STRING:NONE");
    FunctionUrl signed = get(app, FunctionUrl.class, "SignedLambdaFunctionUrl");
    assertThat(signed.authType().get()).isEqualTo("AWS_IAM");
    assertThat(signed.cors().get().allowOrigins().get())
        .extracting(Value::get)
        .containsExactly("https://example.com");
    assertThat(app.permissions())
        .extracting(Permission::id)
        .doesNotContain("SignedLambdaPermissionFnUrl");
    assertThat(
            get(app, FunctionUrl.class, "CorsyLambdaFunctionUrl").cors().get().allowOrigins().get())
        .extracting(Value::get)
        .containsExactly("*");
  }

  @Test
  void destinationsOnErrorAndLayers() {
    Application app =
        app(
            """
            service: s
            provider: {name: aws, runtime: nodejs20.x}
            layers:
              shared:
                path: layer
                allowedAccounts: ["*"]
            functions:
              worker:
                handler: a.handler
                onError: arn:aws:sns:us-east-1:123456789012:dlq
                destinations:
                  onFailure: arn:aws:sqs:us-east-1:123456789012:failed
                  onSuccess: notify
                layers:
                  - !Ref SharedLambdaLayer
                  - arn:aws:lambda:us-east-1:999999999999:layer:ext:3
              notify:
                handler: b.handler
            """);
    LambdaFunction worker = get(app, LambdaFunction.class, "worker");
    assertThat(worker.deadLetterTarget().get().literal())
        .isEqualTo("arn:aws:sns:us-east-1:123456789012:dlq");
    assertThat(worker.onFailureDestination().get().literal())
        .isEqualTo("arn:aws:sqs:us-east-1:123456789012:failed");
    assertThat(worker.layers())
        .extracting(Value::get)
        .containsExactly(
            to("SharedLambdaLayer"),
            Ref.literal("arn:aws:lambda:us-east-1:999999999999:layer:ext:3"));
    assertThat(get(app, Layer.class, "SharedLambdaLayer").name().get()).isEqualTo("shared");
    assertThat(app.permissions())
        .extracting(Permission::id)
        .contains("SharedLambdaLayerPermissionAll");
    String policy =
        Nodes.content(
            get(app, Role.class, "IamRoleLambdaExecution").inlinePolicies().getFirst().document());
    assertThat(policy).contains("sns:Publish", "sqs:SendMessage", "lambda:InvokeFunction");
  }

  @Test
  void imageFunctionsHaveNoRuntimeAndAMissingRuntimeIsUnresolved() {
    Application app =
        app(
            """
            service: s
            provider: {name: aws}
            functions:
              image:
                image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:abc
              plain:
                handler: a.handler
            """);
    LambdaFunction image = get(app, LambdaFunction.class, "image");
    assertThat(image.packageType().get()).isEqualTo("Image");
    assertThat(image.runtime().isAbsent()).isTrue();
    LambdaFunction plain = get(app, LambdaFunction.class, "plain");
    assertThat(plain.runtime().isUnresolved()).isTrue();
    assertThat(plain.runtime().reason()).contains("framework's version decides");
  }

  @Test
  void aServiceForAnotherProviderIsSkippedWithANote() {
    SourceResult result =
        Fixtures.read(
            """
            service: hello
            provider:
              name: azure
              runtime: nodejs18
            functions:
              hello:
                handler: src/handlers/hello.sayHello
            """);
    assertThat(result.application().sources()).isEmpty();
    assertThat(result.application().functions()).isEmpty();
    assertThat(result.errors())
        .singleElement()
        .satisfies(e -> {
          assertThat(e.isNote()).isTrue();
          assertThat(e.message()).contains("azure").contains("not AWS");
        });
  }

  @Test
  void commentedOutConfigurationIsNeverRead() {
    Application app =
        app(
            """
            service: myservice
            provider:
              name: aws
              runtime: go1.x
            # you can add statements to the Lambda function's IAM Role here
            #  iamRoleStatements:
            #    - Effect: "Allow"
            #      Action: ["*"]
            #      Resource: "*"
            #  environment:
            #    SECRET: hunter2hunter2hunter2
            functions:
              hello:
                handler: bin/hello
            #    environment:
            #      variable2: value2
            """);
    LambdaFunction hello = get(app, LambdaFunction.class, "hello");
    assertThat(hello.environment().get()).isEmpty();
    String policy =
        Nodes.content(
            get(app, Role.class, "IamRoleLambdaExecution").inlinePolicies().getFirst().document());
    assertThat(policy).doesNotContain("STRING:*,");
    assertThat(app.suppressions()).isEmpty();
  }

  @Test
  void resourcesMergeIntoGeneratedOnesAndReferToFunctionsByTheirFrameworkIds() {
    Application app =
        app(
            """
            service: s
            provider: {name: aws, runtime: nodejs20.x}
            functions:
              hello:
                handler: a.handler
            resources:
              Conditions:
                Never: !Equals [a, b]
              Resources:
                HelloLambdaFunction:
                  Properties:
                    ReservedConcurrentExecutions: 3
                HelloLogGroup:
                  Properties:
                    RetentionInDays: 90
                Invoke:
                  Type: AWS::Lambda::Permission
                  Properties:
                    FunctionName: !GetAtt HelloLambdaFunction.Arn
                    Action: lambda:InvokeFunction
                    Principal: s3.amazonaws.com
                Skipped:
                  Type: AWS::Lambda::Permission
                  Condition: Never
                  Properties:
                    FunctionName: !Ref HelloLambdaFunction
                    Action: lambda:InvokeFunction
                    Principal: "*"
            """);
    assertThat(get(app, LambdaFunction.class, "hello").reservedConcurrency().get()).isEqualTo(3);
    assertThat(get(app, LogGroup.class, "HelloLogGroup").retentionDays().get()).isEqualTo(90);
    assertThat(get(app, Permission.class, "Invoke").target().get()).isEqualTo(to("hello"));
    assertThat(app.permissions()).extracting(Permission::id).containsExactly("Invoke");
    assertThat(app.functions()).extracting(LambdaFunction::id).containsExactly("hello");
  }

  @Test
  void eventsWithoutSettingsAreRead() {
    Application app =
        app(
            """
            service: s
            provider: {name: aws, runtime: nodejs20.x}
            functions:
              skill:
                handler: a.handler
                events:
                  - alexaSkill
            """);
    Permission p = get(app, Permission.class, "SkillLambdaPermissionAlexaSkill1");
    assertThat(Nodes.content(p.policy().document())).contains("alexa-appkit.amazon.com");
    assertThat(Map.of("n", app.notifications().size())).containsEntry("n", 1);
    assertThat(List.of(p.target().get())).containsExactly(to("skill"));
  }
}
