package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.Meta;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.ServiceNotification;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.cfn.ResourceIndex.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Push triggers: services that invoke a function when something happens (S3 notifications, SNS
 * subscriptions, EventBridge rules and schedules, CloudWatch Logs subscriptions, IoT rules, Cognito
 * triggers, Alexa skills, CloudFormation custom resources).
 *
 * <p>Notifications written inside another resource (a bucket's notification configuration, a rule's
 * targets) get the id {@code <ResourceId>.<Property>[i]}; when SAM wrote the item for a function's
 * event, the item's origin lies in the function, which is then its {@code definedBy}.
 */
final class NotificationMapper {

  private final ResourceIndex index;
  private final Slots slots;

  NotificationMapper(ResourceIndex index, Slots slots) {
    this.index = index;
    this.slots = slots;
  }

  /** The push notifications a resource configures, if any. */
  List<ServiceNotification> of(ResolvedResource r) {
    List<ServiceNotification> out = new ArrayList<>();
    switch (r.type()) {
      case "AWS::SNS::Subscription" -> {
        if (isLambdaProtocol(r.get("Protocol"))) {
          out.add(
              notification(
                  r.meta(index.scope()), r.get("Endpoint"), "sns", r.get("TopicArn"), r.origin()));
        }
      }
      case "AWS::SNS::Topic" ->
          eachItem(
              r,
              "Subscription",
              (item, meta) -> {
                if (isLambdaProtocol(ResolvedResource.at(item, "Protocol"))) {
                  out.add(
                      notification(
                          meta,
                          ResolvedResource.at(item, "Endpoint"),
                          "sns",
                          self(r),
                          item.origin()));
                }
              });
      case "AWS::Events::Rule" ->
          eachItem(
              r,
              "Targets",
              (item, meta) -> {
                Node arn = ResolvedResource.at(item, "Arn");
                if (isFunction(arn)) {
                  out.add(notification(meta, arn, "events", self(r), item.origin()));
                }
              });
      case "AWS::Scheduler::Schedule" -> {
        Node arn = r.get("Target", "Arn");
        if (isFunction(arn)) {
          out.add(notification(r.meta(index.scope()), arn, "scheduler", self(r), r.origin()));
        }
      }
      case "AWS::S3::Bucket" ->
          eachItem(
              r,
              "NotificationConfiguration/LambdaConfigurations",
              (item, meta) ->
                  out.add(
                      notification(
                          meta,
                          ResolvedResource.at(item, "Function"),
                          "s3",
                          self(r),
                          item.origin())));
      case "AWS::Logs::SubscriptionFilter" -> {
        Node arn = r.get("DestinationArn");
        if (isFunction(arn)) {
          Value<Ref> group = slots.ref(r.get("LogGroupName"), r.origin(), Kind.LOG_GROUP);
          out.add(notification(r.meta(index.scope()), arn, "logs", group, r.origin()));
        }
      }
      case "AWS::IoT::TopicRule" ->
          eachItem(
              r,
              "TopicRulePayload/Actions",
              (item, meta) -> {
                Node arn = ResolvedResource.at(item, "Lambda", "FunctionArn");
                if (arn != null) {
                  out.add(notification(meta, arn, "iot", self(r), item.origin()));
                }
              });
      case "AWS::Cognito::UserPool" -> {
        if (r.get("LambdaConfig") instanceof MapNode config) {
          for (Node.Entry e : config.entries()) {
            Node arn = e.value() instanceof MapNode m ? m.get("LambdaArn").orElse(null) : e.value();
            if (isFunction(arn)) {
              Meta meta = itemMeta(r, r.id() + ".LambdaConfig." + e.key(), e.value().origin());
              out.add(notification(meta, arn, "cognito-idp", self(r), e.value().origin()));
            }
          }
        }
      }
      case "AWS::Lambda::Permission" -> alexa(r).ifPresent(out::add);
      default -> {
        // CloudFormation invokes a custom resource's function asynchronously on stack operations.
        if (isCustomResource(r.type()) && isFunction(r.get("ServiceToken"))) {
          out.add(
              notification(
                  r.meta(index.scope()),
                  r.get("ServiceToken"),
                  "cloudformation",
                  self(r),
                  r.origin()));
        }
      }
    }
    return out;
  }

  /**
   * An Alexa skill invokes the function through a permission for the Alexa principal; the skill
   * itself lives outside CloudFormation, so the permission is the trigger's only trace.
   */
  private Optional<ServiceNotification> alexa(ResolvedResource r) {
    Optional<String> principal = Nodes.text(r.get("Principal"));
    if (principal.isEmpty() || !principal.get().startsWith("alexa-")) {
      return Optional.empty();
    }
    String service =
        principal
            .get()
            .substring(
                0,
                principal.get().indexOf('.') < 0
                    ? principal.get().length()
                    : principal.get().indexOf('.'));
    Meta meta = itemMeta(r, r.id() + ".Trigger", r.origin());
    return Optional.of(
        notification(meta, r.get("FunctionName"), service, r.get("EventSourceToken"), r.origin()));
  }

  private interface ItemConsumer {
    void accept(Node item, Meta meta);
  }

  /** Each item of a list property (path separated by {@code /}), with its derived id. */
  private void eachItem(ResolvedResource r, String path, ItemConsumer consumer) {
    String[] keys = path.split("/");
    List<Node> items = Nodes.items(r.get(keys));
    String property = keys[keys.length - 1];
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      consumer.accept(item, itemMeta(r, r.id() + "." + property + "[" + i + "]", item.origin()));
    }
  }

  /** Meta of a notification written as an item of {@code r}; SAM items name their function. */
  private Meta itemMeta(ResolvedResource r, String id, Origin at) {
    String writer = at.resourceId();
    String definedBy = writer != null && !writer.equals(r.id()) ? writer : r.definedBy();
    return new Meta(new ResourceKey(index.scope(), id), r.modelType(), at, definedBy);
  }

  private Node self(ResolvedResource r) {
    return new Reference(r.id(), null, r.origin());
  }

  private ServiceNotification notification(
      Meta meta, @Nullable Node function, String service, @Nullable Node source, Origin at) {
    return new ServiceNotification(
        meta, slots.ref(function, at, Kind.FUNCTION), service, slots.ref(source, at, Kind.ANY));
  }

  private ServiceNotification notification(
      Meta meta, @Nullable Node function, String service, Value<Ref> source, Origin at) {
    return new ServiceNotification(meta, slots.ref(function, at, Kind.FUNCTION), service, source);
  }

  private static boolean isCustomResource(String type) {
    return type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource");
  }

  private static boolean isLambdaProtocol(@Nullable Node protocol) {
    return Nodes.text(protocol).filter("lambda"::equalsIgnoreCase).isPresent();
  }

  /** Whether an ARN names a Lambda function: a function of the template or a literal ARN. */
  private boolean isFunction(@Nullable Node arn) {
    if (arn instanceof Reference ref) {
      return index.function(ref.target()).isPresent();
    }
    Optional<String> text = Nodes.text(arn);
    return text.isPresent()
        && ((text.get().contains(":lambda:") && text.get().contains(":function:"))
            || index.byLiteral(Kind.FUNCTION, text.get()).isPresent());
  }
}
