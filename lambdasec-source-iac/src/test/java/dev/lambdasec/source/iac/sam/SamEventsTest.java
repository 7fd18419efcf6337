package dev.lambdasec.source.iac.sam;

import static dev.lambdasec.source.iac.Fixtures.app;
import static dev.lambdasec.source.iac.Fixtures.assertJsonParity;
import static dev.lambdasec.source.iac.Fixtures.at;
import static dev.lambdasec.source.iac.Fixtures.get;
import static dev.lambdasec.source.iac.Fixtures.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.EventSourceMapping;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Permission;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.ServiceNotification;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.cfn.Nodes;
import org.junit.jupiter.api.Test;

/**
 * Every push and pull event type. The expected ids, principals, conditions and role policies were
 * read off the output of the SAM translator (aws-sam-translator 1.110.0) for this template.
 */
class SamEventsTest {

  private static final String TEMPLATE =
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Bucket:
          Type: AWS::S3::Bucket
        Topic:
          Type: AWS::SNS::Topic
        Queue:
          Type: AWS::SQS::Queue
        Stream:
          Type: AWS::Kinesis::Stream
          Properties: {ShardCount: 1}
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Handler: app.h
            Runtime: python3.12
            CodeUri: s3://b/k
            Events:
              S3Ev:
                Type: S3
                Properties:
                  Bucket: !Ref Bucket
                  Events: s3:ObjectCreated:*
              SnsEv:
                Type: SNS
                Properties:
                  Topic: !Ref Topic
              SnsSqsEv:
                Type: SNS
                Properties:
                  Topic: !Ref Topic
                  SqsSubscription: true
              Sched:
                Type: Schedule
                Properties:
                  Schedule: rate(5 minutes)
              Sched2:
                Type: ScheduleV2
                Properties:
                  ScheduleExpression: rate(5 minutes)
              Cwe:
                Type: CloudWatchEvent
                Properties:
                  Pattern: {source: [aws.ec2]}
              Ebr:
                Type: EventBridgeRule
                Properties:
                  Pattern: {source: [aws.ec2]}
                  DeadLetterConfig:
                    Type: SQS
              Logs:
                Type: CloudWatchLogs
                Properties:
                  LogGroupName: /my/group
                  FilterPattern: ""
              Iot:
                Type: IoTRule
                Properties:
                  Sql: "SELECT * FROM 'x'"
              Cog:
                Type: Cognito
                Properties:
                  UserPool: !Ref Pool
                  Trigger: PreSignUp
              Alexa:
                Type: AlexaSkill
                Properties:
                  SkillId: amzn1.ask.skill.1
              AlexaNoId:
                Type: AlexaSkill
              Sqs:
                Type: SQS
                Properties:
                  Queue: !GetAtt Queue.Arn
              Kin:
                Type: Kinesis
                Properties:
                  Stream: !GetAtt Stream.Arn
                  StartingPosition: LATEST
                  DestinationConfig:
                    OnFailure:
                      Type: SQS
                      Destination: !GetAtt Queue.Arn
              Ddb:
                Type: DynamoDB
                Properties:
                  Stream: arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2020
                  StartingPosition: LATEST
              Msk:
                Type: MSK
                Properties:
                  Stream: arn:aws:kafka:us-east-1:123456789012:cluster/c/abc
                  StartingPosition: LATEST
                  Topics: [t]
              Mq:
                Type: MQ
                Properties:
                  Broker: arn:aws:mq:us-east-1:123456789012:broker:b:id
                  Queues: [q]
                  SourceAccessConfigurations:
                    - Type: BASIC_AUTH
                      URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:s
              Smk:
                Type: SelfManagedKafka
                Properties:
                  KafkaBootstrapServers: ["b1:9092"]
                  Topics: [t]
                  SourceAccessConfigurations:
                    - Type: SASL_SCRAM_512_AUTH
                      URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:s
              Ddoc:
                Type: DocumentDB
                Properties:
                  Cluster: arn:aws:rds:us-east-1:123456789012:cluster:c
                  DatabaseName: d
                  SecretsManagerKmsKeyId: k
                  SourceAccessConfigurations:
                    - Type: BASIC_AUTH
                      URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:s
        Pool:
          Type: AWS::Cognito::UserPool
      """;

  private static String condition(Application app, String permission) {
    Permission p = get(app, Permission.class, permission);
    Node statement = ((Node.ListNode) at(p.policy().document(), "Statement")).items().getFirst();
    return Nodes.content(Nodes.get(statement, "Condition"));
  }

  private static String principal(Application app, String permission) {
    Permission p = get(app, Permission.class, permission);
    Node statement = ((Node.ListNode) at(p.policy().document(), "Statement")).items().getFirst();
    return Nodes.content(at(statement, "Principal"));
  }

  @Test
  void pushEventsGrantThePermissionsSamGenerates() {
    Application app = app(TEMPLATE);
    assertThat(app.permissions())
        .extracting(Permission::id)
        .containsExactlyInAnyOrder(
            "FnAlexaPermission",
            "FnAlexaNoIdPermission",
            "FnCognitoPermission",
            "FnCwePermission",
            "FnEbrPermission",
            "FnIotPermission",
            "FnLogsPermission",
            "FnS3EvPermission",
            "FnSchedPermission",
            "FnSnsEvPermission");
    assertThat(app.permissions()).allSatisfy(p -> assertThat(p.target().get()).isEqualTo(to("Fn")));
    assertThat(app.permissions()).allSatisfy(p -> assertThat(p.meta().definedBy()).isEqualTo("Fn"));
    assertThat(principal(app, "FnS3EvPermission")).isEqualTo("{Service=STRING:s3.amazonaws.com,}");
    assertThat(condition(app, "FnS3EvPermission"))
        .isEqualTo("{StringEquals={AWS:SourceAccount=ref:${AWS::AccountId},},}");
    assertThat(condition(app, "FnSnsEvPermission"))
        .isEqualTo("{ArnLike={AWS:SourceArn=ref:${Topic},},}");
    assertThat(condition(app, "FnSchedPermission"))
        .isEqualTo("{ArnLike={AWS:SourceArn=ref:${FnSched.Arn},},}");
    assertThat(condition(app, "FnLogsPermission"))
        .isEqualTo(
            "{ArnLike={AWS:SourceArn=STRING:arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/my/group:*,},}");
    assertThat(condition(app, "FnIotPermission"))
        .isEqualTo(
            "{ArnLike={AWS:SourceArn=STRING:arn:aws:iot:${AWS::Region}:${AWS::AccountId}:rule/${FnIot},},"
                + "StringEquals={AWS:SourceAccount=ref:${AWS::AccountId},},}");
    assertThat(condition(app, "FnCognitoPermission"))
        .isEqualTo("{ArnLike={AWS:SourceArn=ref:${Pool.Arn},},}");
    assertThat(principal(app, "FnAlexaPermission"))
        .isEqualTo("{Service=STRING:alexa-appkit.amazon.com,}");
    assertThat(condition(app, "FnAlexaPermission"))
        .isEqualTo("{StringEquals={lambda:EventSourceToken=STRING:amzn1.ask.skill.1,},}");
    assertThat(condition(app, "FnAlexaNoIdPermission")).isEqualTo("null");
  }

  @Test
  void pushEventsBecomeServiceNotifications() {
    Application app = app(TEMPLATE);
    assertThat(app.notifications())
        .extracting(ServiceNotification::id, ServiceNotification::service)
        .containsExactlyInAnyOrder(
            tuple("Bucket.LambdaConfigurations[0]", "s3"),
            tuple("Pool.LambdaConfig.PreSignUp", "cognito-idp"),
            tuple("FnAlexaPermission.Trigger", "alexa-appkit"),
            tuple("FnAlexaNoIdPermission.Trigger", "alexa-appkit"),
            tuple("FnCwe.Targets[0]", "events"),
            tuple("FnEbr.Targets[0]", "events"),
            tuple("FnIot.Actions[0]", "iot"),
            tuple("FnLogs", "logs"),
            tuple("FnSched.Targets[0]", "events"),
            tuple("FnSched2", "scheduler"),
            tuple("FnSnsEv", "sns"));
    assertThat(app.notifications())
        .allSatisfy(n -> assertThat(n.function().get()).isEqualTo(to("Fn")));
    assertThat(app.notifications())
        .allSatisfy(n -> assertThat(n.meta().definedBy()).isEqualTo("Fn"));
    ServiceNotification s3 = get(app, ServiceNotification.class, "Bucket.LambdaConfigurations[0]");
    assertThat(s3.source().get()).isEqualTo(to("Bucket"));
    assertThat(s3.origin().line()).isEqualTo(19);
    assertThat(get(app, ServiceNotification.class, "FnSnsEv").source().get())
        .isEqualTo(to("Topic"));
    Role scheduler = get(app, Role.class, "FnSched2Role");
    assertThat(Nodes.content(at(scheduler.trustPolicy().get().document(), "Statement")))
        .contains("scheduler.amazonaws.com");
    assertThat(scheduler.inlinePolicies())
        .extracting(PolicyDocument::name)
        .containsExactly("FnSched2LambdaPolicy");
  }

  @Test
  void pullEventsBecomeMappingsAndGrantTheRole() {
    Application app = app(TEMPLATE);
    assertThat(app.eventSourceMappings())
        .extracting(EventSourceMapping::id, m -> m.sourceType().get())
        .containsExactlyInAnyOrder(
            tuple("FnDdb", "dynamodb"),
            tuple("FnDdoc", "documentdb"),
            tuple("FnKin", "kinesis"),
            tuple("FnMq", "mq"),
            tuple("FnMsk", "kafka"),
            tuple("FnSmk", "kafka"),
            tuple("FnSnsSqsEvEventSourceMapping", "sqs"),
            tuple("FnSqs", "sqs"));
    assertThat(get(app, EventSourceMapping.class, "FnKin").onFailureDestination().get())
        .isEqualTo(to("Queue"));
    assertThat(get(app, EventSourceMapping.class, "FnSqs").function().get()).isEqualTo(to("Fn"));
    Role role = get(app, Role.class, "FnRole");
    assertThat(role.managedPolicies())
        .extracting(Value::get)
        .containsExactly(
            Ref.literal("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
            Ref.literal("arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole"),
            Ref.literal("arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole"),
            Ref.literal("arn:aws:iam::aws:policy/service-role/AWSLambdaMSKExecutionRole"),
            Ref.literal("arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole"));
    assertThat(role.inlinePolicies())
        .extracting(PolicyDocument::name)
        .containsExactly(
            "SamAutoGeneratedDocumentDBPolicy",
            "FnKinSQSPolicy",
            "SamAutoGeneratedAMQPolicy",
            "SelfManagedKafkaExecutionRolePolicy");
    assertThat(Nodes.content(at(role.inlinePolicies().get(1).document(), "Statement")))
        .isEqualTo(
            "[{Action=STRING:sqs:SendMessage,Effect=STRING:Allow,Resource=ref:${Queue.Arn},},]");
  }

  @Test
  void jsonGivesTheSameModel() {
    assertJsonParity(TEMPLATE);
  }
}
