package dev.lambdasec.source.iac.terraform.mapping;

import dev.lambdasec.model.Meta;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.ServiceNotification;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.terraform.mapping.ResourceIndex.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Push triggers: {@code aws_s3_bucket_notification} {@code lambda_function} blocks, {@code
 * aws_sns_topic_subscription} with the {@code lambda} protocol, {@code
 * aws_cloudwatch_event_target}, {@code aws_scheduler_schedule} and {@code
 * aws_cloudwatch_log_subscription_filter} that target a function. Blocks inside one resource get
 * the id {@code <address>.<block>[i]}.
 */
final class NotificationMapper {

  private final ResourceIndex index;
  private final Slots slots;

  NotificationMapper(ResourceIndex index, Slots slots) {
    this.index = index;
    this.slots = slots;
  }

  List<ServiceNotification> of(TerraformResource r) {
    List<ServiceNotification> out = new ArrayList<>();
    switch (r.type()) {
      case "aws_s3_bucket_notification" -> {
        List<Node> blocks = Nodes.items(r.body().get("lambda_function").orElse(null));
        for (int i = 0; i < blocks.size(); i++) {
          Node block = blocks.get(i);
          Meta meta =
              new Meta(
                  new ResourceKey(index.scope(), r.address() + ".lambda_function[" + i + "]"),
                  r.type(),
                  block.origin().withResource(r.address()),
                  r.address());
          out.add(
              notification(
                  meta,
                  TerraformResource.at(block, "lambda_function_arn"),
                  "s3",
                  r.get("bucket"),
                  block.origin()));
        }
      }
      case "aws_sns_topic_subscription" -> {
        if (ResourceIndex.text(r.get("protocol")).filter("lambda"::equalsIgnoreCase).isPresent()) {
          out.add(
              notification(
                  r.meta(index.scope()), r.get("endpoint"), "sns", r.get("topic_arn"), r.origin()));
        }
      }
      case "aws_cloudwatch_event_target" -> {
        if (isFunction(r.get("arn"))) {
          out.add(
              notification(
                  r.meta(index.scope()), r.get("arn"), "events", r.get("rule"), r.origin()));
        }
      }
      case "aws_scheduler_schedule" -> {
        Node arn = r.get("target", "arn");
        if (isFunction(arn)) {
          out.add(
              notification(
                  r.meta(index.scope()),
                  arn,
                  "scheduler",
                  new Reference(r.address(), null, r.origin()),
                  r.origin()));
        }
      }
      case "aws_cloudwatch_log_subscription_filter" -> {
        Node arn = r.get("destination_arn");
        if (isFunction(arn)) {
          out.add(
              new ServiceNotification(
                  r.meta(index.scope()),
                  slots.ref(arn, r.origin(), Kind.FUNCTION),
                  "logs",
                  slots.ref(r.get("log_group_name"), r.origin(), Kind.LOG_GROUP)));
        }
      }
      default -> {
        // not a push trigger
      }
    }
    return out;
  }

  private ServiceNotification notification(
      Meta meta, @Nullable Node function, String service, @Nullable Node source, Origin at) {
    Value<dev.lambdasec.model.Ref> from = slots.ref(source, at, Kind.ANY);
    return new ServiceNotification(meta, slots.ref(function, at, Kind.FUNCTION), service, from);
  }

  /** Whether an ARN names a Lambda function: one of the configuration, or a literal ARN. */
  private boolean isFunction(@Nullable Node arn) {
    if (index.target(Kind.FUNCTION, arn).isPresent()) {
      return true;
    }
    Optional<String> text = ResourceIndex.text(arn);
    return text.isPresent() && text.get().contains(":lambda:") && text.get().contains(":function:");
  }
}
