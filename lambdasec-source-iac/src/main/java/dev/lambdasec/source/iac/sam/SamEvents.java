package dev.lambdasec.source.iac.sam;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.cfn.TemplateResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A function's {@code Events}, expanded as SAM does: push sources become the source's resource
 * ({@code <Function><Event>}) plus the permission SAM grants; pull sources become an event source
 * mapping plus what the generated role needs; API events become routes of their API.
 */
final class SamEvents {

  private static final List<String> PULL =
      List.of("SQS", "Kinesis", "DynamoDB", "MSK", "MQ", "SelfManagedKafka", "DocumentDB");

  private final SamExpander sam;
  private final SamFunction fn;

  SamEvents(SamExpander sam, SamFunction fn) {
    this.sam = sam;
    this.fn = fn;
  }

  /** Expands the events in SAM's order: by {@code Path} when an event has one, else by name. */
  void expand(@Nullable Node events) {
    if (!(events instanceof MapNode m)) {
      return;
    }
    List<Entry> ordered = new ArrayList<>(m.entries());
    ordered.sort(Comparator.comparing(SamEvents::sortKey));
    for (Entry e : ordered) {
      String type = Nodes.text(e.value(), "Type").orElse("");
      MapNode props =
          Nodes.get(e.value(), "Properties") instanceof MapNode p
              ? p
              : Nodes.map(e.keyOrigin()).build();
      Event event = new Event(e.key(), fn.id() + e.key(), props, e.keyOrigin());
      switch (type) {
        case "Api" -> sam.apis().restEvent(fn, event);
        case "HttpApi" -> sam.apis().httpEvent(fn, event);
        case "S3" -> s3(event);
        case "SNS" -> sns(event);
        case "Schedule" -> schedule(event);
        case "ScheduleV2" -> scheduleV2(event);
        case "CloudWatchEvent", "EventBridgeRule" -> rule(event);
        case "CloudWatchLogs" -> logs(event);
        case "IoTRule" -> iot(event);
        case "Cognito" -> cognito(event);
        case "AlexaSkill" ->
            permission(
                event.logicalId() + "Permission",
                "alexa-appkit.amazon.com",
                null,
                null,
                event.get("SkillId"),
                event.at());
        default -> {
          if (PULL.contains(type)) {
            new SamPullEvent(sam, fn, event, type).expand();
          } else {
            sam.notes()
                .add(e.keyOrigin(), "event " + e.key() + " of type " + type + " is not expanded");
          }
        }
      }
    }
  }

  private static String sortKey(Entry e) {
    return Nodes.text(Nodes.get(Nodes.get(e.value(), "Properties"), "Path")).orElse(e.key());
  }

  /**
   * One event of a function.
   *
   * @param name the event's key under {@code Events}
   * @param logicalId {@code <Function><Event>}, the id SAM gives the event's resources
   */
  record Event(String name, String logicalId, MapNode properties, Origin at) {
    @Nullable Node get(String key) {
      return properties.get(key).orElse(null);
    }
  }

  /** The permission a push source needs, as SAM writes it. */
  private void permission(
      String logicalId,
      String principal,
      @Nullable Node sourceArn,
      @Nullable Node sourceAccount,
      @Nullable Node token,
      Origin at) {
    sam.put(
        TemplateResource.generated(
            logicalId,
            "AWS::Lambda::Permission",
            Nodes.map(at)
                .put("Action", "lambda:InvokeFunction")
                .put("FunctionName", fn.invokeName(at))
                .put("Principal", principal)
                .put("SourceArn", sourceArn)
                .put("SourceAccount", sourceAccount)
                .put("EventSourceToken", token)
                .build(),
            at,
            fn.resource()));
  }

  private void generated(String id, String type, MapNode properties, Origin at) {
    sam.put(TemplateResource.generated(id, type, properties, at, fn.resource()));
  }

  private Optional<String> refTarget(@Nullable Node node) {
    Node ref = Nodes.get(node, "Ref");
    return ref != null ? Nodes.text(ref) : Nodes.text(node);
  }

  /** SAM adds the notification to the bucket, which must be in the template. */
  private void s3(Event event) {
    Origin at = event.at();
    Optional<TemplateResource> bucket =
        refTarget(event.get("Bucket"))
            .flatMap(sam::resource)
            .filter(b -> b.type().equals("AWS::S3::Bucket"));
    if (bucket.isEmpty()) {
      sam.notes().add(at, "S3 event " + event.name() + " must refer to a bucket of this template");
    } else {
      List<Node> configurations = new ArrayList<>();
      for (Node e : Nodes.items(event.get("Events"))) {
        configurations.add(
            Nodes.map(at)
                .put("Event", e)
                .put("Function", fn.invokeArn(at))
                .put("Filter", event.get("Filter"))
                .build());
      }
      MapNode props = bucket.get().properties() instanceof MapNode p ? p : Nodes.map(at).build();
      Node notification = props.get("NotificationConfiguration").orElse(null);
      MapNode config = notification instanceof MapNode n ? n : Nodes.map(at).build();
      List<Node> existing =
          new ArrayList<>(Nodes.items(config.get("LambdaConfigurations").orElse(null)));
      existing.addAll(configurations);
      MapNode updated =
          Nodes.with(config, "LambdaConfigurations", Nodes.list(existing, config.origin()));
      sam.put(bucket.get().withProperties(Nodes.with(props, "NotificationConfiguration", updated)));
    }
    permission(
        event.logicalId() + "Permission",
        "s3.amazonaws.com",
        null,
        Nodes.ref("AWS::AccountId", at),
        null,
        at);
  }

  private void sns(Event event) {
    Origin at = event.at();
    Node topic = event.get("Topic");
    Node sqs = event.get("SqsSubscription");
    boolean viaQueue =
        sqs instanceof MapNode || Nodes.text(sqs).filter("true"::equalsIgnoreCase).isPresent();
    if (!viaQueue) {
      generated(
          event.logicalId(),
          "AWS::SNS::Subscription",
          Nodes.map(at)
              .put("Endpoint", fn.invokeArn(at))
              .put("Protocol", "lambda")
              .put("TopicArn", topic)
              .put("Region", event.get("Region"))
              .put("FilterPolicy", event.get("FilterPolicy"))
              .put("FilterPolicyScope", event.get("FilterPolicyScope"))
              .put("RedrivePolicy", event.get("RedrivePolicy"))
              .build(),
          at);
      permission(event.logicalId() + "Permission", "sns.amazonaws.com", topic, null, null, at);
      return;
    }
    // The topic feeds a queue, and the queue the function: no permission for SNS.
    Node queueArn = Nodes.get(sqs, "QueueArn");
    if (queueArn == null) {
      String queue = event.logicalId() + "Queue";
      generated(queue, "AWS::SQS::Queue", Nodes.map(at).build(), at);
      queueArn = Nodes.getAtt(queue, "Arn", at);
    }
    generated(
        event.logicalId(),
        "AWS::SNS::Subscription",
        Nodes.map(at)
            .put("Endpoint", queueArn)
            .put("Protocol", "sqs")
            .put("TopicArn", topic)
            .put("FilterPolicy", event.get("FilterPolicy"))
            .build(),
        at);
    generated(
        event.logicalId() + "EventSourceMapping",
        "AWS::Lambda::EventSourceMapping",
        Nodes.map(at)
            .put("EventSourceArn", queueArn)
            .put("FunctionName", fn.invokeName(at))
            .put("BatchSize", Nodes.get(sqs, "BatchSize"))
            .put("Enabled", Nodes.get(sqs, "Enabled"))
            .build(),
        at);
    SamRole role = fn.role();
    if (role != null) {
      role.managed(ManagedPolicyNames.aws("service-role/AWSLambdaSQSQueueExecutionRole"), at);
    }
  }

  private MapNode target(Event event, Origin at) {
    return Nodes.map(at)
        .put("Arn", fn.invokeArn(at))
        .put(
            "Id",
            Nodes.get(event.get("Target"), "Id") != null
                ? Nodes.get(event.get("Target"), "Id")
                : Nodes.string(event.logicalId() + "LambdaTarget", at))
        .put("Input", event.get("Input"))
        .put("InputPath", event.get("InputPath"))
        .build();
  }

  private void schedule(Event event) {
    Origin at = event.at();
    generated(
        event.logicalId(),
        "AWS::Events::Rule",
        Nodes.map(at)
            .put("ScheduleExpression", event.get("Schedule"))
            .put("Name", event.get("Name"))
            .put("Description", event.get("Description"))
            .put("State", state(event))
            .put("Targets", Nodes.list(at, target(event, at)))
            .build(),
        at);
    permission(
        event.logicalId() + "Permission",
        "events.amazonaws.com",
        Nodes.getAtt(event.logicalId(), "Arn", at),
        null,
        null,
        at);
  }

  private @Nullable Node state(Event event) {
    Node state = event.get("State");
    if (state != null) {
      return state;
    }
    Node enabled = event.get("Enabled");
    if (enabled == null) {
      return null;
    }
    boolean on = sam.text(enabled).filter("true"::equalsIgnoreCase).isPresent();
    return Nodes.string(on ? "ENABLED" : "DISABLED", enabled.origin());
  }

  /** EventBridge Scheduler invokes through a role, which SAM generates unless one is given. */
  private void scheduleV2(Event event) {
    Origin at = event.at();
    Node roleArn = event.get("RoleArn");
    if (roleArn == null) {
      String roleId = event.logicalId() + "Role";
      MapNode policy =
          Nodes.map(at)
              .put("PolicyName", event.logicalId() + "LambdaPolicy")
              .put(
                  "PolicyDocument",
                  Nodes.map(at)
                      .put(
                          "Statement",
                          Nodes.list(
                              at, SamRole.allow("lambda:InvokeFunction", fn.invokeArn(at), at)))
                      .build())
              .build();
      generated(
          roleId,
          "AWS::IAM::Role",
          Nodes.map(at)
              .put("AssumeRolePolicyDocument", SamRole.trust("scheduler.amazonaws.com", at))
              .put("Policies", Nodes.list(at, policy))
              .put("PermissionsBoundary", event.get("PermissionsBoundary"))
              .build(),
          at);
      roleArn = Nodes.getAtt(roleId, "Arn", at);
    }
    Node window = event.get("FlexibleTimeWindow");
    generated(
        event.logicalId(),
        "AWS::Scheduler::Schedule",
        Nodes.map(at)
            .put("ScheduleExpression", event.get("ScheduleExpression"))
            .put(
                "FlexibleTimeWindow",
                window != null ? window : Nodes.map(at).put("Mode", "OFF").build())
            .put(
                "Name",
                event.get("Name") != null ? event.get("Name") : Nodes.string(event.logicalId(), at))
            .put("State", event.get("State"))
            .put(
                "Target",
                Nodes.map(at).put("Arn", fn.invokeArn(at)).put("RoleArn", roleArn).build())
            .build(),
        at);
  }

  private void rule(Event event) {
    Origin at = event.at();
    generated(
        event.logicalId(),
        "AWS::Events::Rule",
        Nodes.map(at)
            .put("EventBusName", event.get("EventBusName"))
            .put("EventPattern", event.get("Pattern"))
            .put("Name", event.get("RuleName"))
            .put("State", state(event))
            .put("Targets", Nodes.list(at, target(event, at)))
            .build(),
        at);
    permission(
        event.logicalId() + "Permission",
        "events.amazonaws.com",
        Nodes.getAtt(event.logicalId(), "Arn", at),
        null,
        null,
        at);
  }

  private void logs(Event event) {
    Origin at = event.at();
    Node group = event.get("LogGroupName");
    generated(
        event.logicalId(),
        "AWS::Logs::SubscriptionFilter",
        Nodes.map(at)
            .put("LogGroupName", group)
            .put("FilterPattern", event.get("FilterPattern"))
            .put("DestinationArn", fn.invokeArn(at))
            .build(),
        at);
    permission(
        event.logicalId() + "Permission",
        "logs.amazonaws.com",
        Nodes.sub(
            "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:${__LogGroupName__}:*",
            Nodes.map(at).put("__LogGroupName__", group).build(),
            at),
        null,
        null,
        at);
  }

  private void iot(Event event) {
    Origin at = event.at();
    MapNode action =
        Nodes.map(at)
            .put("Lambda", Nodes.map(at).put("FunctionArn", fn.invokeArn(at)).build())
            .build();
    generated(
        event.logicalId(),
        "AWS::IoT::TopicRule",
        Nodes.map(at)
            .put(
                "TopicRulePayload",
                Nodes.map(at)
                    .put("Sql", event.get("Sql"))
                    .put("RuleDisabled", Nodes.bool(false, at))
                    .put("Actions", Nodes.list(at, action))
                    .put("AwsIotSqlVersion", event.get("AwsIotSqlVersion"))
                    .build())
            .build(),
        at);
    permission(
        event.logicalId() + "Permission",
        "iot.amazonaws.com",
        Nodes.sub(
            "arn:aws:iot:${AWS::Region}:${AWS::AccountId}:rule/${RuleName}",
            Nodes.map(at).put("RuleName", Nodes.ref(event.logicalId(), at)).build(),
            at),
        Nodes.sub("${AWS::AccountId}", at),
        null,
        at);
  }

  /** SAM sets the triggers on the user pool, which must be in the template. */
  private void cognito(Event event) {
    Origin at = event.at();
    Optional<TemplateResource> pool =
        refTarget(event.get("UserPool"))
            .flatMap(sam::resource)
            .filter(p -> p.type().equals("AWS::Cognito::UserPool"));
    if (pool.isEmpty()) {
      sam.notes()
          .add(at, "Cognito event " + event.name() + " must refer to a user pool of this template");
      return;
    }
    MapNode props = pool.get().properties() instanceof MapNode p ? p : Nodes.map(at).build();
    MapNode config =
        props.get("LambdaConfig").orElse(null) instanceof MapNode c ? c : Nodes.map(at).build();
    for (Node trigger : Nodes.items(event.get("Trigger"))) {
      Optional<String> name = Nodes.text(trigger);
      if (name.isPresent()) {
        config = Nodes.with(config, name.get(), fn.invokeArn(trigger.origin()));
      }
    }
    sam.put(pool.get().withProperties(Nodes.with(props, "LambdaConfig", config)));
    permission(
        fn.id() + "CognitoPermission",
        "cognito-idp.amazonaws.com",
        Nodes.getAtt(pool.get().id(), "Arn", at),
        null,
        null,
        at);
  }
}
