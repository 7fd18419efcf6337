package dev.lambdasec.source.iac.cfn;

import static dev.lambdasec.source.iac.Fixtures.app;
import static dev.lambdasec.source.iac.Fixtures.at;
import static dev.lambdasec.source.iac.Fixtures.get;
import static dev.lambdasec.source.iac.Fixtures.pos;
import static dev.lambdasec.source.iac.Fixtures.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.EventSourceMapping;
import dev.lambdasec.model.FunctionUrl;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Permission;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.ServiceNotification;
import dev.lambdasec.model.Value;
import org.junit.jupiter.api.Test;

class TriggerMappingTest {

  private static final String FUNCTION =
      """
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          Properties:
            FunctionName: worker
            Runtime: python3.12
      """;

  private static Node statement(Permission p) {
    return ((Node.ListNode) at(p.policy().document(), "Statement")).items().getFirst();
  }

  @Test
  void permissionBecomesTheStatementLambdaStores() {
    Application app =
        app(
            FUNCTION
                + """
                  Public:
                    Type: AWS::Lambda::Permission
                    Properties:
                      FunctionName: !GetAtt Fn.Arn
                      Action: lambda:InvokeFunction
                      Principal: "*"
                  FromS3:
                    Type: AWS::Lambda::Permission
                    Properties:
                      FunctionName: worker
                      Action: lambda:InvokeFunction
                      Principal: s3.amazonaws.com
                      SourceArn: arn:aws:s3:::bucket
                      SourceAccount: "123456789012"
                  OtherAccount:
                    Type: AWS::Lambda::Permission
                    Properties:
                      FunctionName: !Ref Fn
                      Action: lambda:InvokeFunction
                      Principal: "210987654321"
                      PrincipalOrgID: o-abc
                  UrlAuth:
                    Type: AWS::Lambda::Permission
                    Properties:
                      FunctionName: !Ref Fn
                      Action: lambda:InvokeFunctionUrl
                      Principal: arn:aws:iam::210987654321:role/caller
                      FunctionUrlAuthType: AWS_IAM
                  Alexa:
                    Type: AWS::Lambda::Permission
                    Properties:
                      FunctionName: !Ref Fn
                      Action: lambda:InvokeFunction
                      Principal: alexa-appkit.amazon.com
                      EventSourceToken: amzn1.ask.skill.1
                """);
    Permission pub = get(app, Permission.class, "Public");
    assertThat(pub.target().get()).isEqualTo(to("Fn"));
    assertThat(Nodes.content(statement(pub)))
        .isEqualTo(
            "{Sid=STRING:Public,Effect=STRING:Allow,Principal=STRING:*,Action=STRING:lambda:InvokeFunction,Resource=ref:${Fn.Arn},}");
    assertThat(pos(at(statement(pub), "Principal"))).isEqualTo("12:18");

    Permission s3 = get(app, Permission.class, "FromS3");
    assertThat(s3.target().get()).isEqualTo(to("Fn"));
    assertThat(Nodes.content(at(statement(s3), "Principal")))
        .isEqualTo("{Service=STRING:s3.amazonaws.com,}");
    assertThat(Nodes.content(at(statement(s3), "Condition")))
        .isEqualTo(
            "{ArnLike={AWS:SourceArn=STRING:arn:aws:s3:::bucket,},StringEquals={AWS:SourceAccount=STRING:123456789012,},}");

    Permission other = get(app, Permission.class, "OtherAccount");
    assertThat(Nodes.content(at(statement(other), "Principal")))
        .isEqualTo("{AWS=STRING:arn:aws:iam::210987654321:root,}");
    assertThat(Nodes.content(at(statement(other), "Condition")))
        .isEqualTo("{StringEquals={aws:PrincipalOrgID=STRING:o-abc,},}");

    Permission url = get(app, Permission.class, "UrlAuth");
    assertThat(Nodes.content(at(statement(url), "Principal")))
        .isEqualTo("{AWS=STRING:arn:aws:iam::210987654321:role/caller,}");
    assertThat(Nodes.content(at(statement(url), "Condition")))
        .isEqualTo("{StringEquals={lambda:FunctionUrlAuthType=STRING:AWS_IAM,},}");

    Permission alexa = get(app, Permission.class, "Alexa");
    assertThat(Nodes.content(at(statement(alexa), "Condition")))
        .isEqualTo("{StringEquals={lambda:EventSourceToken=STRING:amzn1.ask.skill.1,},}");
    ServiceNotification skill = get(app, ServiceNotification.class, "Alexa.Trigger");
    assertThat(skill.service()).isEqualTo("alexa-appkit");
    assertThat(skill.function().get()).isEqualTo(to("Fn"));
    assertThat(skill.source().get()).isEqualTo(Ref.literal("amzn1.ask.skill.1"));
  }

  @Test
  void layerPermissionIsAStatementOnTheLayer() {
    Application app =
        app(
            """
            Resources:
              Layer:
                Type: AWS::Lambda::LayerVersion
                Properties:
                  LayerName: shared
              Everyone:
                Type: AWS::Lambda::LayerVersionPermission
                Properties:
                  Action: lambda:GetLayerVersion
                  LayerVersionArn: !Ref Layer
                  Principal: "*"
                  OrganizationId: o-123
            """);
    Permission p = get(app, Permission.class, "Everyone");
    assertThat(p.target().get()).isEqualTo(to("Layer"));
    assertThat(Nodes.content(statement(p)))
        .isEqualTo(
            "{Sid=STRING:Everyone,Effect=STRING:Allow,Principal=STRING:*,Action=STRING:lambda:GetLayerVersion,"
                + "Resource=ref:${Layer},Condition={StringEquals={aws:PrincipalOrgID=STRING:o-123,},},}");
  }

  @Test
  void functionUrlWithCorsAndAlias() {
    Application app =
        app(
            FUNCTION
                + """
                  Version:
                    Type: AWS::Lambda::Version
                    Properties:
                      FunctionName: !Ref Fn
                  Live:
                    Type: AWS::Lambda::Alias
                    Properties:
                      Name: live
                      FunctionName: !Ref Fn
                      FunctionVersion: !GetAtt Version.Version
                  Url:
                    Type: AWS::Lambda::Url
                    Properties:
                      TargetFunctionArn: !Ref Live
                      AuthType: NONE
                      Cors:
                        AllowOrigins: ["https://example.com"]
                        AllowMethods: [GET, POST]
                        AllowCredentials: true
                  PlainUrl:
                    Type: AWS::Lambda::Url
                    Properties:
                      TargetFunctionArn: !GetAtt Fn.Arn
                      AuthType: AWS_IAM
                """);
    FunctionUrl url = get(app, FunctionUrl.class, "Url");
    assertThat(url.function().get()).isEqualTo(to("Fn"));
    assertThat(url.qualifier().get()).isEqualTo("live");
    assertThat(url.authType().get()).isEqualTo("NONE");
    assertThat(pos(url.authType())).isEqualTo("21:17");
    FunctionUrl.Cors cors = url.cors().get();
    assertThat(cors.allowOrigins().get())
        .extracting(Value::get)
        .containsExactly("https://example.com");
    assertThat(cors.allowMethods().get()).extracting(Value::get).containsExactly("GET", "POST");
    assertThat(cors.allowCredentials().get()).isTrue();
    FunctionUrl plain = get(app, FunctionUrl.class, "PlainUrl");
    assertThat(plain.qualifier().isAbsent()).isTrue();
    assertThat(plain.cors().isAbsent()).isTrue();
  }

  @Test
  void eventSourceMappingsKnowTheirSourceType() {
    Application app =
        app(
            FUNCTION
                + """
                  Queue:
                    Type: AWS::SQS::Queue
                  Dlq:
                    Type: AWS::SQS::Queue
                  FromQueue:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: !Ref Fn
                      EventSourceArn: !GetAtt Queue.Arn
                  FromStream:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: worker
                      EventSourceArn: arn:aws:kinesis:us-east-1:123456789012:stream/s
                      DestinationConfig:
                        OnFailure:
                          Destination: !GetAtt Dlq.Arn
                  FromKafka:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: !Ref Fn
                      SelfManagedEventSource:
                        Endpoints:
                          KafkaBootstrapServers: ["b1:9092"]
                  FromTable:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: !Ref Fn
                      EventSourceArn: arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/1
                  FromCluster:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: !Ref Fn
                      EventSourceArn: !ImportValue cluster-arn
                      Topics: [orders]
                  FromBroker:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: !Ref Fn
                      EventSourceArn: !ImportValue broker-arn
                      Queues: [orders]
                  FromUnknown:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: !Ref Fn
                      EventSourceArn: !ImportValue something
                """);
    EventSourceMapping queue = get(app, EventSourceMapping.class, "FromQueue");
    assertThat(queue.function().get()).isEqualTo(to("Fn"));
    assertThat(queue.eventSourceArn().get()).isEqualTo("${Queue.Arn}");
    assertThat(queue.sourceType().get()).isEqualTo("sqs");
    EventSourceMapping stream = get(app, EventSourceMapping.class, "FromStream");
    assertThat(stream.function().get()).isEqualTo(to("Fn"));
    assertThat(stream.sourceType().get()).isEqualTo("kinesis");
    assertThat(stream.onFailureDestination().get()).isEqualTo(to("Dlq"));
    assertThat(get(app, EventSourceMapping.class, "FromKafka").sourceType().get())
        .isEqualTo("kafka");
    assertThat(get(app, EventSourceMapping.class, "FromTable").sourceType().get())
        .isEqualTo("dynamodb");
  }

  @Test
  void pushTriggersBecomeServiceNotifications() {
    Application app =
        app(
            FUNCTION
                + """
                  Topic:
                    Type: AWS::SNS::Topic
                    Properties:
                      Subscription:
                        - Protocol: lambda
                          Endpoint: !GetAtt Fn.Arn
                        - Protocol: email
                          Endpoint: a@example.com
                  Subscription:
                    Type: AWS::SNS::Subscription
                    Properties:
                      Protocol: lambda
                      Endpoint: !GetAtt Fn.Arn
                      TopicArn: !Ref Topic
                  Rule:
                    Type: AWS::Events::Rule
                    Properties:
                      ScheduleExpression: rate(1 hour)
                      Targets:
                        - Id: queue
                          Arn: arn:aws:sqs:us-east-1:123456789012:q
                        - Id: fn
                          Arn: !GetAtt Fn.Arn
                  Schedule:
                    Type: AWS::Scheduler::Schedule
                    Properties:
                      ScheduleExpression: rate(1 day)
                      FlexibleTimeWindow: {Mode: "OFF"}
                      Target:
                        Arn: arn:aws:lambda:us-east-1:123456789012:function:worker
                        RoleArn: arn:aws:iam::123456789012:role/scheduler
                  Bucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      NotificationConfiguration:
                        LambdaConfigurations:
                          - Event: s3:ObjectCreated:*
                            Function: !GetAtt Fn.Arn
                  Filter:
                    Type: AWS::Logs::SubscriptionFilter
                    Properties:
                      LogGroupName: /app/logs
                      FilterPattern: ""
                      DestinationArn: !GetAtt Fn.Arn
                  IotRule:
                    Type: AWS::IoT::TopicRule
                    Properties:
                      TopicRulePayload:
                        Sql: SELECT * FROM 'x'
                        Actions:
                          - Lambda:
                              FunctionArn: !GetAtt Fn.Arn
                  Pool:
                    Type: AWS::Cognito::UserPool
                    Properties:
                      LambdaConfig:
                        PreSignUp: !GetAtt Fn.Arn
                """);
    assertThat(app.notifications())
        .extracting(ServiceNotification::id, ServiceNotification::service)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Topic.Subscription[0]", "sns"),
            org.assertj.core.groups.Tuple.tuple("Subscription", "sns"),
            org.assertj.core.groups.Tuple.tuple("Rule.Targets[1]", "events"),
            org.assertj.core.groups.Tuple.tuple("Schedule", "scheduler"),
            org.assertj.core.groups.Tuple.tuple("Bucket.LambdaConfigurations[0]", "s3"),
            org.assertj.core.groups.Tuple.tuple("Filter", "logs"),
            org.assertj.core.groups.Tuple.tuple("IotRule.Actions[0]", "iot"),
            org.assertj.core.groups.Tuple.tuple("Pool.LambdaConfig.PreSignUp", "cognito-idp"));
    assertThat(app.notifications())
        .allSatisfy(n -> assertThat(n.function().get()).isEqualTo(to("Fn")));
    assertThat(get(app, ServiceNotification.class, "Subscription").source().get())
        .isEqualTo(to("Topic"));
    assertThat(get(app, ServiceNotification.class, "Bucket.LambdaConfigurations[0]").source().get())
        .isEqualTo(to("Bucket"));
    ServiceNotification target = get(app, ServiceNotification.class, "Rule.Targets[1]");
    assertThat(target.origin().line()).isEqualTo(28);
    assertThat(target.meta().definedBy()).isNull();
  }
}
