package dev.lambdasec.source.iac.cfn;

import static dev.lambdasec.source.iac.Fixtures.app;
import static dev.lambdasec.source.iac.Fixtures.assertJsonParity;
import static dev.lambdasec.source.iac.Fixtures.entry;
import static dev.lambdasec.source.iac.Fixtures.get;
import static dev.lambdasec.source.iac.Fixtures.pos;
import static dev.lambdasec.source.iac.Fixtures.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.SourceUnit;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionMappingTest {

  private static final String FULL =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        Key:
          Type: AWS::KMS::Key
        Logs:
          Type: AWS::Logs::LogGroup
          Properties:
            LogGroupName: /app/fn
        Queue:
          Type: AWS::SQS::Queue
        Signing:
          Type: AWS::Lambda::CodeSigningConfig
          Properties:
            AllowedPublishers:
              SigningProfileVersionArns: [arn:aws:signer:us-east-1:123456789012:/signing-profiles/p/v1]
        Layer:
          Type: AWS::Lambda::LayerVersion
          Properties:
            LayerName: common
            Content: {S3Bucket: b, S3Key: layer.zip}
        Fn:
          Type: AWS::Lambda::Function
          Properties:
            FunctionName: orders
            Runtime: python3.12
            Handler: app.handler
            MemorySize: 512
            Timeout: 30
            Role: arn:aws:iam::123456789012:role/external
            Environment:
              Variables:
                TABLE: orders
                BUCKET: !Ref Logs
            KmsKeyArn: !GetAtt Key.Arn
            VpcConfig:
              SubnetIds: [subnet-1, subnet-2]
              SecurityGroupIds: [sg-1]
            TracingConfig:
              Mode: Active
            LoggingConfig:
              LogGroup: /app/fn
            DeadLetterConfig:
              TargetArn: !GetAtt Queue.Arn
            ReservedConcurrentExecutions: 5
            Layers: [!Ref Layer, arn:aws:lambda:us-east-1:123456789012:layer:x:3]
            CodeSigningConfigArn: !GetAtt Signing.CodeSigningConfigArn
            Tags:
              - Key: team
                Value: payments
            Code:
              S3Bucket: artifacts
              S3Key: fn.zip
        Invoke:
          Type: AWS::Lambda::EventInvokeConfig
          Properties:
            FunctionName: !Ref Fn
            Qualifier: $LATEST
            DestinationConfig:
              OnFailure:
                Destination: !GetAtt Queue.Arn
      """;

  @Test
  void mapsEveryFunctionProperty() {
    Application app = app(FULL);
    LambdaFunction fn = get(app, LambdaFunction.class, "Fn");
    assertThat(fn.resourceType()).isEqualTo("AWS::Lambda::Function");
    assertThat(fn.origin().line()).isEqualTo(21);
    assertThat(fn.name()).isEqualTo(Value.set("orders", fn.name().origin()));
    assertThat(pos(fn.name())).isEqualTo("24:21");
    assertThat(fn.runtime().get()).isEqualTo("python3.12");
    assertThat(fn.handler().get()).isEqualTo("app.handler");
    assertThat(fn.packageType())
        .extracting(Value::state, Value::value)
        .containsExactly(Value.State.DEFAULTED, "Zip");
    assertThat(fn.memorySize().get()).isEqualTo(512);
    assertThat(fn.timeout().get()).isEqualTo(30);
    assertThat(fn.role().get()).isEqualTo(Ref.literal("arn:aws:iam::123456789012:role/external"));
    assertThat(fn.environment().get()).containsOnlyKeys("TABLE", "BUCKET");
    assertThat(entry(fn.environment().get(), "TABLE"))
        .isEqualTo(Value.set("orders", entry(fn.environment().get(), "TABLE").origin()));
    assertThat(pos(entry(fn.environment().get(), "TABLE"))).isEqualTo("32:18");
    assertThat(entry(fn.environment().get(), "BUCKET").isUnresolved()).isTrue();
    assertThat(fn.kmsKey().get()).isEqualTo(to("Key"));
    assertThat(fn.vpc().get().subnets())
        .extracting(Value::get)
        .containsExactly(Ref.literal("subnet-1"), Ref.literal("subnet-2"));
    assertThat(fn.vpc().get().securityGroups())
        .extracting(Value::get)
        .containsExactly(Ref.literal("sg-1"));
    assertThat(fn.tracingMode().get()).isEqualTo("Active");
    assertThat(fn.logGroup().get()).isEqualTo(to("Logs"));
    assertThat(fn.deadLetterTarget().get()).isEqualTo(to("Queue"));
    assertThat(fn.onFailureDestination().get()).isEqualTo(to("Queue"));
    assertThat(pos(fn.onFailureDestination())).isEqualTo("60:24");
    assertThat(fn.reservedConcurrency().get()).isEqualTo(5);
    assertThat(fn.layers())
        .extracting(Value::get)
        .containsExactly(
            to("Layer"), Ref.literal("arn:aws:lambda:us-east-1:123456789012:layer:x:3"));
    assertThat(fn.codeSigningConfig().get()).isEqualTo(to("Signing"));
    assertThat(fn.tags().get()).containsOnlyKeys("team");
    assertThat(fn.codeLocation().get()).isEqualTo("s3://artifacts/fn.zip");
    assertThat(app.sources())
        .containsExactly(new SourceUnit(Fixtures.FILE, SourceKind.CLOUDFORMATION));
  }

  @Test
  void omittedPropertiesTakeAwsDefaultsAtTheResource() {
    LambdaFunction fn =
        get(
            app(
                """
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Code:
                        ZipFile: "def handler(e, c): pass"
                """),
            LambdaFunction.class,
            "Fn");
    assertThat(fn.memorySize()).isEqualTo(Value.defaulted(128, fn.origin()));
    assertThat(fn.timeout()).isEqualTo(Value.defaulted(3, fn.origin()));
    assertThat(fn.tracingMode()).isEqualTo(Value.defaulted("PassThrough", fn.origin()));
    assertThat(fn.packageType()).isEqualTo(Value.defaulted("Zip", fn.origin()));
    assertThat(fn.environment()).isEqualTo(Value.defaulted(Map.of(), fn.origin()));
    assertThat(fn.kmsKey().isAbsent()).isTrue();
    assertThat(fn.vpc().isAbsent()).isTrue();
    assertThat(fn.role().isAbsent()).isTrue();
    assertThat(fn.name().isAbsent()).isTrue();
    assertThat(fn.codeLocation().get()).isEqualTo("inline");
  }

  @Test
  void parametersAndUnknownValuesStayUnresolvedWithReason() {
    Application app =
        Fixtures.read(
                """
                Parameters:
                  Memory:
                    Type: Number
                    Default: 1024
                  Subnets:
                    Type: List<AWS::EC2::Subnet::Id>
                  Image:
                    Type: String
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      PackageType: Image
                      MemorySize: !Ref Memory
                      Timeout: !ImportValue shared-timeout
                      VpcConfig:
                        SubnetIds: !Ref Subnets
                      Code:
                        ImageUri: !Ref Image
                """,
                Map.of("Image", "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"))
            .application();
    LambdaFunction fn = get(app, LambdaFunction.class, "Fn");
    assertThat(fn.memorySize().get()).isEqualTo(1024);
    assertThat(pos(fn.memorySize())).isEqualTo("14:19");
    assertThat(fn.timeout().isUnresolved()).isTrue();
    assertThat(fn.timeout().reason()).contains("Fn::ImportValue");
    assertThat(fn.vpc().get().attached()).isTrue();
    assertThat(fn.vpc().get().subnets().getFirst().reason()).contains("--param Subnets=");
    assertThat(fn.codeLocation().get())
        .isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1");
    assertThat(fn.packageType().get()).isEqualTo("Image");
  }

  @Test
  void readsJsonTemplatesTheSameWay() {
    Application app =
        app(
            """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Resources": {
                "Fn": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": {
                    "Runtime": "nodejs22.x",
                    "Role": {"Fn::GetAtt": ["Role", "Arn"]},
                    "Environment": {"Variables": {"STAGE": {"Fn::Sub": "${AWS::Region}-prod"}}}
                  }
                },
                "Role": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "fn-role"}}
              }
            }
            """);
    LambdaFunction fn = get(app, LambdaFunction.class, "Fn");
    assertThat(fn.runtime().get()).isEqualTo("nodejs22.x");
    assertThat(pos(fn.runtime())).isEqualTo("7:20");
    assertThat(fn.role().get()).isEqualTo(to("Role"));
    assertThat(entry(fn.environment().get(), "STAGE").get()).isEqualTo("${AWS::Region}-prod");
  }

  @Test
  void conditionsDecideWhetherAResourceExists() {
    Application app =
        app(
            """
            Parameters:
              Env:
                Type: String
                Default: dev
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              InUsEast: !Equals [!Ref AWS::Region, us-east-1]
            Resources:
              ProdOnly:
                Type: AWS::Lambda::Function
                Condition: IsProd
                Properties: {Runtime: python3.12}
              MaybeHere:
                Type: AWS::Lambda::Function
                Condition: InUsEast
                Properties: {Runtime: python3.12}
              Always:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: !If [IsProd, python3.13, python3.12]
                  Timeout: !If [InUsEast, 10, 20]
            """);
    assertThat(Fixtures.ids(app)).containsExactly("MaybeHere", "Always");
    LambdaFunction always = get(app, LambdaFunction.class, "Always");
    assertThat(always.runtime().get()).isEqualTo("python3.12");
    assertThat(always.timeout().reason()).isEqualTo("depends on condition InUsEast");
  }

  @Test
  void roleWrittenAsArnOfATemplateRoleResolvesToIt() {
    Application app =
        app(
            """
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: worker
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: !Sub arn:aws:iam::${AWS::AccountId}:role/worker
            """);
    assertThat(get(app, LambdaFunction.class, "Fn").role().get()).isEqualTo(to("Role"));
  }

  @Test
  void jsonGivesTheSameModel() {
    assertJsonParity(FULL);
  }
}
