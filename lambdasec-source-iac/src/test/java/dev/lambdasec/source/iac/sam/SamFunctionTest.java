package dev.lambdasec.source.iac.sam;

import static dev.lambdasec.source.iac.Fixtures.app;
import static dev.lambdasec.source.iac.Fixtures.at;
import static dev.lambdasec.source.iac.Fixtures.entry;
import static dev.lambdasec.source.iac.Fixtures.get;
import static dev.lambdasec.source.iac.Fixtures.pos;
import static dev.lambdasec.source.iac.Fixtures.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.InputError;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Layer;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Permission;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.Fixtures;
import dev.lambdasec.source.iac.SourceResult;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamFunctionTest {

  private static final String BASIC_EXECUTION =
      "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

  private static List<Ref> managed(Role role) {
    return role.managedPolicies().stream().map(Value::get).toList();
  }

  private static Node statements(PolicyDocument policy) {
    return at(policy.document(), "Statement");
  }

  @Test
  void globalsMergeIntoFunctionsKeepingTheirLines() {
    Application app =
        app(
            """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: python3.12
                Timeout: 10
                Layers: [arn:aws:lambda:us-east-1:123456789012:layer:base:1]
                Environment:
                  Variables:
                    STAGE: prod
                    TABLE: global
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  CodeUri: src/
                  Timeout: 30
                  Layers: [arn:aws:lambda:us-east-1:123456789012:layer:own:2]
                  Environment:
                    Variables:
                      TABLE: orders
              Lonely:
                Type: AWS::Serverless::Function
                IgnoreGlobals: [Runtime]
                Properties:
                  Handler: app.handler
                  InlineCode: "def handler(e, c): pass"
            """);
    LambdaFunction fn = get(app, LambdaFunction.class, "Fn");
    assertThat(fn.resourceType()).isEqualTo("AWS::Serverless::Function");
    assertThat(fn.runtime().get()).isEqualTo("python3.12");
    assertThat(pos(fn.runtime())).isEqualTo("4:14");
    assertThat(fn.runtime().origin().resourceId()).isEqualTo("Fn");
    assertThat(fn.timeout().get()).isEqualTo(30);
    assertThat(pos(fn.timeout())).isEqualTo("17:16");
    assertThat(fn.layers())
        .extracting(v -> v.get().display())
        .containsExactly(
            "arn:aws:lambda:us-east-1:123456789012:layer:base:1",
            "arn:aws:lambda:us-east-1:123456789012:layer:own:2");
    assertThat(entry(fn.environment().get(), "STAGE").get()).isEqualTo("prod");
    assertThat(pos(entry(fn.environment().get(), "STAGE"))).isEqualTo("9:16");
    assertThat(entry(fn.environment().get(), "TABLE").get()).isEqualTo("orders");
    assertThat(pos(entry(fn.environment().get(), "TABLE"))).isEqualTo("21:18");
    assertThat(fn.codeLocation().get()).isEqualTo("src/");
    assertThat(fn.tags().get()).containsOnlyKeys("lambda:createdBy");
    LambdaFunction lonely = get(app, LambdaFunction.class, "Lonely");
    assertThat(lonely.runtime().isAbsent()).isTrue();
    assertThat(lonely.timeout().get()).isEqualTo(10);
    assertThat(lonely.codeLocation().get()).isEqualTo("inline");
    assertThat(app.sources().getFirst().kind()).isEqualTo(SourceKind.SAM);
  }

  @Test
  void mapsSamFunctionProperties() {
    Application app =
        app(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Key:
                Type: AWS::KMS::Key
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: orders
                  Handler: app.handler
                  Runtime: nodejs22.x
                  CodeUri: s3://artifacts/orders.zip
                  MemorySize: 1024
                  KmsKeyArn: !GetAtt Key.Arn
                  Tracing: Active
                  ReservedConcurrentExecutions: 2
                  Tags:
                    team: payments
                  DeadLetterQueue:
                    Type: SNS
                    TargetArn: arn:aws:sns:us-east-1:123456789012:dlq
                  LoggingConfig:
                    LogGroup: /custom/orders
                  VpcConfig:
                    SubnetIds: [subnet-1]
                    SecurityGroupIds: [sg-1]
              Image:
                Type: AWS::Serverless::Function
                Properties:
                  PackageType: Image
                  ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/img:1
                  Tracing: Disabled
            """);
    LambdaFunction fn = get(app, LambdaFunction.class, "Fn");
    assertThat(fn.name().get()).isEqualTo("orders");
    assertThat(fn.codeLocation().get()).isEqualTo("s3://artifacts/orders.zip");
    assertThat(fn.memorySize().get()).isEqualTo(1024);
    assertThat(fn.kmsKey().get()).isEqualTo(to("Key"));
    assertThat(fn.tracingMode().get()).isEqualTo("Active");
    assertThat(fn.reservedConcurrency().get()).isEqualTo(2);
    assertThat(fn.tags().get()).containsOnlyKeys("lambda:createdBy", "team");
    assertThat(fn.deadLetterTarget().get())
        .isEqualTo(Ref.literal("arn:aws:sns:us-east-1:123456789012:dlq"));
    assertThat(fn.logGroup().get()).isEqualTo(Ref.literal("/custom/orders"));
    assertThat(fn.vpc().get().attached()).isTrue();
    assertThat(fn.role().get()).isEqualTo(to("FnRole"));
    LambdaFunction image = get(app, LambdaFunction.class, "Image");
    assertThat(image.packageType().get()).isEqualTo("Image");
    assertThat(image.codeLocation().get())
        .isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com/img:1");
    assertThat(image.tracingMode().isSet()).isFalse();

    Role role = get(app, Role.class, "FnRole");
    assertThat(role.meta().definedBy()).isEqualTo("Fn");
    assertThat(Nodes.content(statements(role.trustPolicy().get())))
        .isEqualTo(
            "[{Action=[STRING:sts:AssumeRole,],Effect=STRING:Allow,Principal={Service=[STRING:lambda.amazonaws.com,],},},]");
    // Order as the SAM translator writes it: basic execution, X-Ray, VPC access.
    assertThat(managed(role))
        .containsExactly(
            Ref.literal(BASIC_EXECUTION),
            Ref.literal("arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess"),
            Ref.literal("arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"));
    assertThat(role.inlinePolicies())
        .extracting(PolicyDocument::name)
        .containsExactly("DeadLetterQueuePolicy");
    assertThat(Nodes.content(statements(role.inlinePolicies().getFirst())))
        .isEqualTo(
            "[{Action=STRING:sns:Publish,Resource=STRING:arn:aws:sns:us-east-1:123456789012:dlq,Effect=STRING:Allow,},]");
    assertThat(role.tags().get()).containsOnlyKeys("lambda:createdBy", "team");
    Role imageRole = get(app, Role.class, "ImageRole");
    assertThat(managed(imageRole)).containsExactly(Ref.literal(BASIC_EXECUTION));
  }

  @Test
  void policiesBecomeManagedAndInlinePoliciesOfTheGeneratedRole() {
    SourceResult result =
        Fixtures.read(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
              Custom:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument: {Statement: []}
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  InlineCode: x
                  Policies:
                    - AmazonS3ReadOnlyAccess
                    - AWSLambdaVPCAccessExecutionRole
                    - arn:aws:iam::123456789012:policy/own
                    - !Ref Custom
                    - Statement:
                        - Effect: Allow
                          Action: sqs:SendMessage
                          Resource: "*"
                    - S3ReadPolicy:
                        BucketName: !Ref Bucket
                    - DynamoDBCrudPolicy: {}
                    - NoSuchPolicy:
                        Name: x
            """);
    Application app = result.application();
    Role role = get(app, Role.class, "FnRole");
    assertThat(role.origin().line()).isEqualTo(15);
    assertThat(managed(role))
        .containsExactly(
            Ref.literal(BASIC_EXECUTION),
            Ref.literal("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"),
            Ref.literal("arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"),
            Ref.literal("arn:aws:iam::123456789012:policy/own"),
            to("Custom"));
    assertThat(role.inlinePolicies())
        .extracting(PolicyDocument::name)
        .containsExactly("FnRolePolicy4", "FnRolePolicy5", "FnRolePolicy6", "FnRolePolicy7");
    PolicyDocument template = role.inlinePolicies().get(1);
    Node statement = ((Node.ListNode) statements(template)).items().getFirst();
    assertThat(Nodes.content(at(statement, "Resource")))
        .isEqualTo("[STRING:arn:aws:s3:::${Bucket},STRING:arn:aws:s3:::${Bucket}/*,]");
    assertThat(pos(statement)).isEqualTo("24:11");
    assertThat(template.document().origin().line()).isEqualTo(24);
    assertThat(role.inlinePolicies().get(2).document()).isInstanceOf(Node.Unresolved.class);
    assertThat(((Node.Unresolved) role.inlinePolicies().get(2).document()).reason())
        .contains("DynamoDBCrudPolicy")
        .contains("TableName");
    assertThat(role.inlinePolicies().get(3).document()).isInstanceOf(Node.Unresolved.class);
    assertThat(result.errors())
        .extracting(InputError::line, InputError::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                26, "SAM policy template DynamoDBCrudPolicy misses parameters TableName"),
            org.assertj.core.groups.Tuple.tuple(27, "unknown SAM policy template NoSuchPolicy"));
  }

  @Test
  void givenRoleIsUsedAndPoliciesIgnored() {
    Application app =
        app(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  InlineCode: x
                  Role: arn:aws:iam::123456789012:role/shared
                  Policies: [AdministratorAccess]
            """);
    assertThat(get(app, LambdaFunction.class, "Fn").role().get())
        .isEqualTo(Ref.literal("arn:aws:iam::123456789012:role/shared"));
    assertThat(app.roles()).isEmpty();
  }

  @Test
  void eventInvokeConfigAndAliasAreExpanded() {
    Application app =
        app(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  InlineCode: x
                  AutoPublishAlias: live
                  EventInvokeConfig:
                    DestinationConfig:
                      OnFailure:
                        Type: SQS
                      OnSuccess:
                        Type: Lambda
                        Destination: arn:aws:lambda:us-east-1:123456789012:function:next
              ViaAlias:
                Type: AWS::Lambda::Permission
                Properties:
                  FunctionName: !Ref Fn.Alias
                  Action: lambda:InvokeFunction
                  Principal: events.amazonaws.com
                  SourceArn: !Sub "arn:aws:events:${AWS::Region}:${AWS::AccountId}:rule/${Fn.Alias}"
            """);
    LambdaFunction fn = get(app, LambdaFunction.class, "Fn");
    assertThat(fn.onFailureDestination().get()).isEqualTo(to("FnEventInvokeConfigOnFailureQueue"));
    Permission viaAlias = get(app, Permission.class, "ViaAlias");
    assertThat(viaAlias.target().get()).isEqualTo(to("Fn"));
    Node statement = ((Node.ListNode) statements(viaAlias.policy())).items().getFirst();
    assertThat(Nodes.content(at(statement, "Resource"))).isEqualTo("ref:${FnAliaslive}");
    assertThat(Nodes.text(at(statement, "Condition", "ArnLike", "AWS:SourceArn")))
        .contains("arn:aws:events:${AWS::Region}:${AWS::AccountId}:rule/${FnAliaslive}");
    Role role = get(app, Role.class, "FnRole");
    assertThat(role.inlinePolicies())
        .extracting(PolicyDocument::name)
        .containsExactly(
            "FnEventInvokeConfigOnSuccessLambdaPolicy", "FnEventInvokeConfigOnFailureSQSPolicy");
  }

  @Test
  void layerVersionsAreLayers() {
    Application app =
        app(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Shared:
                Type: AWS::Serverless::LayerVersion
                Properties:
                  LayerName: shared
                  ContentUri: layer/
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  InlineCode: x
                  Layers: [!Ref Shared]
            """);
    Layer layer = get(app, Layer.class, "Shared");
    assertThat(layer.resourceType()).isEqualTo("AWS::Serverless::LayerVersion");
    assertThat(layer.name().get()).isEqualTo("shared");
    assertThat(get(app, LambdaFunction.class, "Fn").layers())
        .extracting(Value::get)
        .containsExactly(to("Shared"));
  }

  @Test
  void serverlessResourcesWithoutTheTransformAreReadAsSamWithANote() {
    SourceResult result =
        Fixtures.read(
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/
            """);
    assertThat(result.application().functions()).hasSize(1);
    assertThat(result.application().sources().getFirst().kind()).isEqualTo(SourceKind.SAM);
    assertThat(result.errors())
        .extracting(InputError::message)
        .anyMatch(m -> m.contains("without Transform"));
  }

  @Test
  void conditionalPoliciesFollowTheirCondition() {
    Application app =
        app(
            """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Env:
                Type: String
                Default: prod
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              InUsEast: !Equals [!Ref AWS::Region, us-east-1]
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  InlineCode: x
                  Policies:
                    - !If [IsProd, AmazonDynamoDBReadOnlyAccess, !Ref AWS::NoValue]
                    - !If [IsProd, {SQSPollerPolicy: {QueueName: jobs}}, !Ref AWS::NoValue]
                    - !If [InUsEast, {Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}]}, !Ref AWS::NoValue]
                    - !If [IsProd, !Ref AWS::NoValue, {Statement: [{Effect: Allow, Action: "*", Resource: "*"}]}]
            """);
    Role role = get(app, Role.class, "FnRole");
    assertThat(managed(role))
        .containsExactly(
            Ref.literal(BASIC_EXECUTION),
            Ref.literal("arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"));
    // An unknown condition leaves the whole policy entry unknown, its name included.
    assertThat(role.inlinePolicies())
        .extracting(PolicyDocument::name)
        .containsExactly("FnRolePolicy1", "Policies/1");
    assertThat(
            Nodes.text(
                at(
                    ((Node.ListNode) statements(role.inlinePolicies().getFirst()))
                        .items()
                        .getFirst(),
                    "Resource")))
        .contains("arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:jobs");
    assertThat(role.inlinePolicies().get(1).document()).isInstanceOf(Node.Unresolved.class);
    assertThat(((Node.Unresolved) role.inlinePolicies().get(1).document()).reason())
        .isEqualTo("depends on condition InUsEast");
    assertThat(role.inlinePolicies()).hasSize(2);
  }
}
