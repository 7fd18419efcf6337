package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.EventSourceMapping;
import dev.lambdasec.model.FunctionUrl;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.cfn.ResourceIndex.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What invokes functions: event source mappings, push notifications from other services, function
 * URLs.
 *
 * <p>Notifications written inside another resource (a bucket's notification configuration, a rule's
 * targets) get the id {@code <ResourceId>.<Property>[i]}; when SAM wrote the item for a function's
 * event, the item's origin lies in the function, which is then its {@code definedBy}.
 */
final class TriggerMapper {

  private static final Pattern ARN_SERVICE = Pattern.compile("^arn:[^:]*:([^:]+):");

  /** Event source types by the resource type the mapping's ARN points at. */
  private static final Map<String, String> SOURCE_BY_TYPE =
      Map.of(
          "AWS::SQS::Queue", "sqs",
          "AWS::Kinesis::Stream", "kinesis",
          "AWS::Kinesis::StreamConsumer", "kinesis",
          "AWS::DynamoDB::Table", "dynamodb",
          "AWS::DynamoDB::GlobalTable", "dynamodb",
          "AWS::MSK::Cluster", "kafka",
          "AWS::MSK::ServerlessCluster", "kafka",
          "AWS::AmazonMQ::Broker", "mq",
          "AWS::DocDB::DBCluster", "documentdb");

  /** Event source types by the service in the mapping's ARN. */
  private static final Map<String, String> SOURCE_BY_SERVICE =
      Map.of(
          "sqs", "sqs",
          "kinesis", "kinesis",
          "dynamodb", "dynamodb",
          "kafka", "kafka",
          "mq", "mq",
          "rds", "documentdb");

  private final ResourceIndex index;
  private final Slots slots;

  TriggerMapper(ResourceIndex index, Slots slots) {
    this.index = index;
    this.slots = slots;
  }

  EventSourceMapping eventSourceMapping(ResolvedResource r) {
    Origin o = r.origin();
    Node arn = r.get("EventSourceArn");
    return new EventSourceMapping(
        r.meta(index.scope()),
        slots.ref(r.get("FunctionName"), o, Kind.FUNCTION),
        slots.arn(arn, o),
        sourceType(r, arn),
        slots.ref(r.get("DestinationConfig", "OnFailure", "Destination"), o, Kind.ANY));
  }

  private Value<String> sourceType(ResolvedResource r, @Nullable Node arn) {
    Node selfManaged = r.get("SelfManagedEventSource");
    if (selfManaged != null) {
      return Value.set("kafka", selfManaged.origin());
    }
    if (arn instanceof Reference ref) {
      String type = index.get(ref.target()).map(ResolvedResource::type).orElse("");
      String source = SOURCE_BY_TYPE.get(type);
      if (source != null) {
        return Value.set(source, ref.origin());
      }
      return sourceTypeByProperties(r)
          .orElse(
              Value.unresolved(
                  ref.origin(), "event source " + ref.target() + " is of type " + type));
    }
    Optional<String> text = Nodes.text(arn);
    if (arn != null && text.isPresent()) {
      Matcher m = ARN_SERVICE.matcher(text.get());
      String source = m.find() ? SOURCE_BY_SERVICE.get(m.group(1)) : null;
      if (source != null) {
        return Value.set(source, arn.origin());
      }
      return sourceTypeByProperties(r)
          .orElse(Value.unresolved(arn.origin(), "event source ARN names no known service"));
    }
    Optional<Value<String>> byProperties = sourceTypeByProperties(r);
    if (byProperties.isPresent()) {
      return byProperties.get();
    }
    if (arn instanceof Unresolved u) {
      return Value.unresolved(u.origin(), u.reason());
    }
    return Value.absent(r.origin());
  }

  /** Kafka and MQ mappings say what they read in their own properties. */
  private static Optional<Value<String>> sourceTypeByProperties(ResolvedResource r) {
    for (String key :
        List.of(
            "AmazonManagedKafkaEventSourceConfig", "SelfManagedKafkaEventSourceConfig", "Topics")) {
      Node n = r.get(key);
      if (n != null) {
        return Optional.of(Value.set("kafka", n.origin()));
      }
    }
    Node queues = r.get("Queues");
    if (queues != null) {
      return Optional.of(Value.set("mq", queues.origin()));
    }
    Node documentDb = r.get("DocumentDBEventSourceConfig");
    return documentDb == null
        ? Optional.empty()
        : Optional.of(Value.set("documentdb", documentDb.origin()));
  }

  FunctionUrl functionUrl(ResolvedResource r) {
    Origin o = r.origin();
    Node target = r.get("TargetFunctionArn");
    Value<String> qualifier = slots.string(r.get("Qualifier"), o, null);
    if (qualifier.isAbsent() && target instanceof Reference ref) {
      qualifier =
          index.qualifier(ref.target()).map(q -> Value.set(q, ref.origin())).orElse(qualifier);
    }
    return new FunctionUrl(
        r.meta(index.scope()),
        slots.ref(target, o, Kind.FUNCTION),
        qualifier,
        slots.string(r.get("AuthType"), o, null),
        cors(r.get("Cors"), o));
  }

  /** CORS of a function URL ({@code AllowOrigins}…) or of an HTTP API (same keys). */
  Value<FunctionUrl.Cors> cors(@Nullable Node cors, Origin o) {
    if (cors == null) {
      return Value.absent(o);
    }
    if (cors instanceof Unresolved u) {
      return Value.unresolved(u.origin(), u.reason());
    }
    return Value.set(
        new FunctionUrl.Cors(
            slots.strings(ResolvedResource.at(cors, "AllowOrigins"), o),
            slots.strings(ResolvedResource.at(cors, "AllowMethods"), o),
            slots.bool(ResolvedResource.at(cors, "AllowCredentials"), o, false)),
        cors.origin());
  }
}
