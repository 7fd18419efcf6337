package dev.lambdasec.source.iac.serverless;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A function's {@code events} as the framework compiles them: API routes (through {@link RestApi},
 * {@link HttpApi} and {@link WebSocketApi}), event source mappings, push notifications, and the
 * permissions that let each service invoke the function, scoped to its source.
 */
final class Events {

  private static final List<String> SQS_ACTIONS =
      List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
  private static final List<String> DYNAMODB_ACTIONS =
      List.of(
          "dynamodb:GetRecords",
          "dynamodb:GetShardIterator",
          "dynamodb:DescribeStream",
          "dynamodb:ListStreams");
  private static final List<String> KINESIS_ACTIONS =
      List.of(
          "kinesis:GetRecords",
          "kinesis:GetShardIterator",
          "kinesis:DescribeStreamSummary",
          "kinesis:ListShards");

  private final ServiceExpander sls;
  private final Map<String, List<Node>> bucketConfigurations = new HashMap<>();
  private final Map<String, Integer> counters = new HashMap<>();

  Events(ServiceExpander sls) {
    this.sls = sls;
  }

  /**
   * Expands an event of a function; events of one type are numbered from 1, as the framework does.
   */
  void expand(Fn fn, String type, Node event, Origin at) {
    int index = counters.merge(fn.key() + "\u0000" + type, 1, Integer::sum);
    switch (type) {
      case "http" -> sls.rest().route(fn, event, at);
      case "httpApi" -> sls.http().route(fn, event, at);
      case "websocket" -> sls.websockets().route(fn, event, at);
      case "sqs" -> sqs(fn, event, at);
      case "stream" -> stream(fn, event, at);
      case "sns" -> sns(fn, event, at);
      case "s3" -> s3(fn, event, at);
      case "schedule" -> schedule(fn, event, at, index);
      case "eventBridge", "cloudwatchEvent" -> rule(fn, type, event, at, index);
      case "cloudwatchLog" -> cloudwatchLog(fn, event, at, index);
      case "alexaSkill" -> alexaSkill(fn, event, at, index);
      case "iot" -> iot(fn, event, at, index);
      case "alb" -> alb(fn, event, at, index);
      default ->
          sls.notes()
              .add(at, "event type " + type + " of " + fn.key() + " is not expanded by lambdasec");
    }
  }

  /** {@code sqs: arn} or {@code {arn, batchSize, enabled}}. */
  private void sqs(Fn fn, Node event, Origin at) {
    Node arn = event instanceof MapNode m ? m.get("arn").orElse(null) : event;
    if (arn == null) {
      sls.notes().add(at, "sqs event of " + fn.key() + " has no arn");
      return;
    }
    sls.put(
        fn.logical() + "EventSourceMappingSQS" + LogicalIds.alphanumeric(nameOf(arn, "Queue")),
        "AWS::Lambda::EventSourceMapping",
        Nodes.map(at)
            .put("EventSourceArn", arn)
            .put("FunctionName", fn.arn(at))
            .put("BatchSize", Nodes.get(event, "batchSize"))
            .put("Enabled", Nodes.get(event, "enabled"))
            .build(),
        at,
        fn.key());
    ExecutionRole role = fn.role();
    if (role != null) {
      role.allow(SQS_ACTIONS, List.of(arn), at);
    }
  }

  /** {@code stream: arn} or {@code {arn, type, startingPosition, destinations: {onFailure}}}. */
  private void stream(Fn fn, Node event, Origin at) {
    Node arn = event instanceof MapNode m ? m.get("arn").orElse(null) : event;
    if (arn == null) {
      sls.notes().add(at, "stream event of " + fn.key() + " has no arn");
      return;
    }
    String declared = Service.text(Nodes.get(event, "type")).orElse("");
    boolean dynamodb =
        declared.equalsIgnoreCase("dynamodb")
            || (declared.isEmpty()
                && Service.text(arn).filter(a -> a.contains(":dynamodb:")).isPresent());
    Node onFailure = Nodes.at(event, "destinations", "onFailure");
    Node failureArn = onFailure instanceof MapNode m ? m.get("arn").orElse(null) : onFailure;
    sls.put(
        fn.logical()
            + "EventSourceMapping"
            + (dynamodb ? "Dynamodb" : "Kinesis")
            + LogicalIds.alphanumeric(nameOf(arn, "Stream")),
        "AWS::Lambda::EventSourceMapping",
        Nodes.map(at)
            .put("EventSourceArn", arn)
            .put("FunctionName", fn.arn(at))
            .put("StartingPosition", Nodes.get(event, "startingPosition"))
            .put(
                "DestinationConfig",
                failureArn == null
                    ? null
                    : Nodes.map(failureArn.origin())
                        .put(
                            "OnFailure",
                            Nodes.map(failureArn.origin()).put("Destination", failureArn).build())
                        .build())
            .build(),
        at,
        fn.key());
    ExecutionRole role = fn.role();
    if (role != null) {
      role.allow(dynamodb ? DYNAMODB_ACTIONS : KINESIS_ACTIONS, List.of(arn), at);
      if (failureArn != null && onFailure != null) {
        Destinations.grant(
            role, Destinations.typeOf(failureArn, sls), failureArn, onFailure.origin());
      }
    }
  }

  /**
   * {@code sns: topicName}, {@code sns: arn} or {@code {arn | topicName}}: the topic is created
   * unless an ARN names an existing one; the function subscribes and SNS may invoke it.
   */
  private void sns(Fn fn, Node event, Origin at) {
    Node arn = Nodes.get(event, "arn");
    Node given = event instanceof MapNode ? Nodes.get(event, "topicName") : event;
    if (arn == null
        && given != null
        && Service.text(given).filter(t -> t.startsWith("arn:")).isPresent()) {
      arn = given;
    }
    String name = arn != null ? nameOf(arn, "Topic") : Service.text(given).orElse("Topic");
    String topicPart = LogicalIds.alphanumeric(name);
    Node topic;
    if (arn != null) {
      topic = arn;
      sls.put(
          fn.logical() + "SnsSubscription" + topicPart,
          "AWS::SNS::Subscription",
          Nodes.map(at)
              .put("TopicArn", arn)
              .put("Protocol", "lambda")
              .put("Endpoint", fn.arn(at))
              .build(),
          at,
          fn.key());
    } else {
      String topicId = "SNSTopic" + topicPart;
      topic = Nodes.ref(topicId, at);
      Node subscription =
          Nodes.map(at).put("Endpoint", fn.arn(at)).put("Protocol", "lambda").build();
      sls.put(
          topicId,
          "AWS::SNS::Topic",
          Nodes.map(at)
              .put("TopicName", given)
              .put("Subscription", Nodes.list(at, subscription))
              .build(),
          at,
          fn.key());
    }
    permission(
        fn,
        fn.logical() + "LambdaPermission" + topicPart + "SNS",
        "sns.amazonaws.com",
        topic,
        null,
        null,
        at);
  }

  /**
   * {@code s3: bucketName} or {@code {bucket, event, rules, existing}}: the bucket is created with
   * the notification, unless it exists already; S3 may invoke the function for that bucket only.
   */
  private void s3(Fn fn, Node event, Origin at) {
    Node bucket = event instanceof MapNode m ? m.get("bucket").orElse(null) : event;
    if (bucket == null) {
      sls.notes().add(at, "s3 event of " + fn.key() + " has no bucket");
      return;
    }
    String name = Service.text(bucket).orElse("Bucket");
    String bucketPart = LogicalIds.alphanumeric(name);
    boolean existing = Service.isTrue(Nodes.get(event, "existing"));
    if (!existing) {
      List<Node> configurations =
          bucketConfigurations.computeIfAbsent(bucketPart, k -> new ArrayList<>());
      Node trigger = Nodes.get(event, "event");
      configurations.add(
          Nodes.map(at)
              .put("Event", trigger != null ? trigger : Nodes.string("s3:ObjectCreated:*", at))
              .put("Function", fn.arn(at))
              .build());
      sls.put(
          "S3Bucket" + bucketPart,
          "AWS::S3::Bucket",
          Nodes.map(at)
              .put("BucketName", bucket)
              .put(
                  "NotificationConfiguration",
                  Nodes.map(at).put("LambdaConfigurations", Nodes.list(configurations, at)).build())
              .build(),
          at,
          fn.key());
    } else {
      sls.notes()
          .add(
              at,
              "existing bucket "
                  + name
                  + " is configured by a custom resource at deployment; only the permission is read");
    }
    permission(
        fn,
        fn.logical() + "LambdaPermission" + bucketPart + "S3",
        "s3.amazonaws.com",
        Service.join(at, "arn:aws:s3:::", bucket),
        Nodes.ref("AWS::AccountId", at),
        null,
        at);
  }

  /** {@code schedule: rate(…)} or {@code {rate, enabled, input}}: one rule per expression. */
  private void schedule(Fn fn, Node event, Origin at, int index) {
    Node rate = event instanceof MapNode m ? m.get("rate").orElse(null) : event;
    List<Node> rates = Nodes.items(rate);
    for (int i = 0; i < Math.max(1, rates.size()); i++) {
      String ruleId = fn.logical() + "EventsRuleSchedule" + (index + i);
      boolean disabled =
          Service.text(Nodes.get(event, "enabled")).filter("false"::equals).isPresent();
      sls.put(
          ruleId,
          "AWS::Events::Rule",
          Nodes.map(at)
              .put("ScheduleExpression", rates.isEmpty() ? null : rates.get(i))
              .put("State", disabled ? "DISABLED" : "ENABLED")
              .put("Targets", targets(fn, at, "Schedule"))
              .build(),
          at,
          fn.key());
      permission(
          fn,
          fn.logical() + "LambdaPermissionEventsRuleSchedule" + (index + i),
          "events.amazonaws.com",
          Nodes.getAtt(ruleId, "Arn", at),
          null,
          null,
          at);
    }
  }

  /** {@code eventBridge: {eventBus, pattern, schedule}} and {@code cloudwatchEvent: {event}}. */
  private void rule(Fn fn, String type, Node event, Origin at, int index) {
    boolean bridge = type.equals("eventBridge");
    String ruleId =
        fn.logical() + (bridge ? "EventBridgeRule" : "EventsRuleCloudWatchEvent") + index;
    Node bus = Nodes.get(event, "eventBus");
    sls.put(
        ruleId,
        "AWS::Events::Rule",
        Nodes.map(at)
            .put("EventBusName", bus)
            .put("EventPattern", Nodes.get(event, bridge ? "pattern" : "event"))
            .put("ScheduleExpression", Nodes.get(event, "schedule"))
            .put("Targets", targets(fn, at, bridge ? "EventBridge" : "CloudWatchEvent"))
            .build(),
        at,
        fn.key());
    permission(
        fn,
        fn.logical()
            + (bridge ? "EventBridgeLambdaPermission" : "LambdaPermissionEventsRuleCloudWatchEvent")
            + index,
        "events.amazonaws.com",
        Nodes.getAtt(ruleId, "Arn", at),
        null,
        null,
        at);
  }

  private static Node targets(Fn fn, Origin at, String kind) {
    return Nodes.list(at, Nodes.map(at).put("Arn", fn.arn(at)).put("Id", fn.key() + kind).build());
  }

  /** {@code cloudwatchLog: logGroup} or {@code {logGroup, filter}}. */
  private void cloudwatchLog(Fn fn, Node event, Origin at, int index) {
    Node group = event instanceof MapNode m ? m.get("logGroup").orElse(null) : event;
    if (group == null) {
      return;
    }
    sls.put(
        fn.logical() + "LogsSubscriptionFilterCloudWatchLog" + index,
        "AWS::Logs::SubscriptionFilter",
        Nodes.map(at)
            .put("DestinationArn", fn.arn(at))
            .put("LogGroupName", group)
            .put("FilterPattern", Nodes.get(event, "filter"))
            .build(),
        at,
        fn.key());
    Node source =
        Service.join(
            at,
            "arn:aws:logs:",
            sls.service().region(),
            ":${AWS::AccountId}:log-group:",
            group,
            ":*");
    permission(
        fn,
        fn.logical() + "LambdaPermissionLogsSubscriptionFilterCloudWatchLog",
        "logs.amazonaws.com",
        source,
        null,
        null,
        at);
  }

  /** {@code alexaSkill: appId} or {@code {appId}}: the skill id is the permission's token. */
  private void alexaSkill(Fn fn, Node event, Origin at, int index) {
    Node appId = event instanceof MapNode m ? m.get("appId").orElse(null) : event;
    if (appId instanceof Scalar s && s.kind() == Scalar.Kind.NULL) {
      appId = null;
    }
    permission(
        fn,
        fn.logical() + "LambdaPermissionAlexaSkill" + index,
        "alexa-appkit.amazon.com",
        null,
        null,
        appId,
        at);
  }

  /** {@code iot: {sql, enabled}}: a topic rule that invokes the function. */
  private void iot(Fn fn, Node event, Origin at, int index) {
    String ruleId = fn.logical() + "IotTopicRule" + index;
    boolean disabled =
        Service.text(Nodes.get(event, "enabled")).filter("false"::equals).isPresent();
    sls.put(
        ruleId,
        "AWS::IoT::TopicRule",
        Nodes.map(at)
            .put(
                "TopicRulePayload",
                Nodes.map(at)
                    .put("Sql", Nodes.get(event, "sql"))
                    .put("RuleDisabled", Nodes.bool(disabled, at))
                    .put(
                        "Actions",
                        Nodes.list(
                            at,
                            Nodes.map(at)
                                .put("Lambda", Nodes.map(at).put("FunctionArn", fn.arn(at)).build())
                                .build()))
                    .build())
            .build(),
        at,
        fn.key());
    permission(
        fn,
        fn.logical() + "LambdaPermissionIotTopicRule" + index,
        "iot.amazonaws.com",
        Nodes.sub(
            "arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}:rule/${" + ruleId + "}",
            at),
        null,
        null,
        at);
  }

  /** {@code alb: {listenerArn, priority, conditions}}: a target group the load balancer invokes. */
  private void alb(Fn fn, Node event, Origin at, int index) {
    String group = fn.logical() + "AlbTargetGroup" + index;
    sls.put(
        group,
        "AWS::ElasticLoadBalancingV2::TargetGroup",
        Nodes.map(at)
            .put("TargetType", "lambda")
            .put("Targets", Nodes.list(at, Nodes.map(at).put("Id", fn.arn(at)).build()))
            .build(),
        at,
        fn.key());
    sls.put(
        fn.logical() + "AlbListenerRule" + index,
        "AWS::ElasticLoadBalancingV2::ListenerRule",
        Nodes.map(at)
            .put("ListenerArn", Nodes.get(event, "listenerArn"))
            .put("Priority", Nodes.get(event, "priority"))
            .build(),
        at,
        fn.key());
    permission(
        fn,
        fn.logical() + "LambdaPermissionAlb",
        "elasticloadbalancing.amazonaws.com",
        Nodes.ref(group, at),
        null,
        null,
        at);
  }

  /** An {@code AWS::Lambda::Permission} for a service principal. */
  void permission(
      Fn fn,
      String id,
      String principal,
      @Nullable Node sourceArn,
      @Nullable Node sourceAccount,
      @Nullable Node token,
      Origin at) {
    sls.put(
        id,
        "AWS::Lambda::Permission",
        Nodes.map(at)
            .put("FunctionName", fn.arn(at))
            .put("Action", "lambda:InvokeFunction")
            .put("Principal", principal)
            .put("SourceArn", sourceArn)
            .put("SourceAccount", sourceAccount)
            .put("EventSourceToken", token)
            .build(),
        at,
        fn.key());
  }

  /**
   * A readable name from an ARN ({@code …:my-queue}), a reference's target, or {@code fallback}.
   */
  static String nameOf(Node arn, String fallback) {
    Optional<String> text = Service.text(arn);
    if (text.isPresent()) {
      String t = text.get();
      int cut = Math.max(t.lastIndexOf(':'), t.lastIndexOf('/'));
      return t.substring(cut + 1).isEmpty() ? fallback : t.substring(cut + 1);
    }
    Node call =
        arn instanceof MapNode m && m.entries().size() == 1 ? m.entries().getFirst().value() : null;
    Node first = call instanceof ListNode l && !l.items().isEmpty() ? l.items().getFirst() : call;
    String name = Nodes.text(first).map(t -> t.split("\\.", -1)[0]).orElse("");
    return name.isEmpty() ? fallback : name;
  }
}
