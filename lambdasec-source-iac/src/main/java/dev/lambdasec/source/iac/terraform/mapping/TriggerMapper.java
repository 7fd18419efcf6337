package dev.lambdasec.source.iac.terraform.mapping;

import dev.lambdasec.model.EventSourceMapping;
import dev.lambdasec.model.FunctionUrl;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Permission;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.terraform.mapping.ResourceIndex.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Who may invoke functions and what invokes them: {@code aws_lambda_permission} and {@code
 * aws_lambda_layer_version_permission} as the policy statement Lambda stores for them, {@code
 * aws_lambda_function_url} and {@code aws_lambda_event_source_mapping}.
 */
final class TriggerMapper {

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern ARN_SERVICE = Pattern.compile("^arn:[^:]*:([^:]+):");

  /** Event source types by the type of the resource the mapping's ARN points at. */
  private static final Map<String, String> SOURCE_BY_TYPE =
      Map.of(
          "aws_sqs_queue", "sqs",
          "aws_kinesis_stream", "kinesis",
          "aws_kinesis_stream_consumer", "kinesis",
          "aws_dynamodb_table", "dynamodb",
          "aws_msk_cluster", "kafka",
          "aws_msk_serverless_cluster", "kafka",
          "aws_mq_broker", "mq",
          "aws_docdb_cluster", "documentdb");

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

  Permission permission(TerraformResource r) {
    Origin o = r.origin();
    Node function = r.get("function_name");
    Nodes.MapBuilder condition =
        Nodes.map(o)
            .put(
                "ArnLike",
                nonEmpty(Nodes.map(o).put("AWS:SourceArn", present(r.get("source_arn")))))
            .put(
                "StringEquals",
                nonEmpty(
                    Nodes.map(o)
                        .put("AWS:SourceAccount", present(r.get("source_account")))
                        .put("aws:PrincipalOrgID", present(r.get("principal_org_id")))
                        .put("lambda:FunctionUrlAuthType", present(r.get("function_url_auth_type")))
                        .put("lambda:EventSourceToken", present(r.get("event_source_token")))))
            .put("Bool", invokedViaUrl(r.get("invoked_via_function_url"), o));
    return new Permission(
        r.meta(index.scope()),
        slots.ref(function, o, Kind.FUNCTION),
        qualifier(r.get("qualifier"), function, o),
        statement(
            r,
            statementId(r),
            principal(r.get("principal"), o),
            r.get("action"),
            function,
            condition));
  }

  Permission layerPermission(TerraformResource r) {
    Origin o = r.origin();
    Node layer = r.get("layer_name");
    Nodes.MapBuilder condition =
        Nodes.map(o)
            .put(
                "StringEquals",
                nonEmpty(
                    Nodes.map(o).put("aws:PrincipalOrgID", present(r.get("organization_id")))));
    return new Permission(
        r.meta(index.scope()),
        slots.ref(layer, o, Kind.LAYER),
        Value.absent(o),
        statement(
            r,
            statementId(r),
            principal(r.get("principal"), o),
            r.get("action"),
            layer,
            condition));
  }

  private static Node statementId(TerraformResource r) {
    Node id = r.get("statement_id");
    return Slots.isAbsent(id) || id == null ? Nodes.string(r.address(), r.origin()) : id;
  }

  /** The alias or version the permission or URL is for; absent for the unqualified function. */
  private Value<String> qualifier(@Nullable Node qualifier, @Nullable Node function, Origin o) {
    if (!Slots.isAbsent(qualifier)) {
      return slots.string(qualifier, o, null);
    }
    if (function instanceof Reference ref) {
      return index
          .qualifier(ref.target())
          .map(q -> Value.set(q, ref.origin()))
          .orElseGet(() -> Value.absent(o));
    }
    if (function instanceof Scalar s && s.text() != null) {
      String text = s.text();
      Optional<String> alias = ResourceIndex.placeholderTarget(text).flatMap(index::qualifier);
      if (alias.isPresent()) {
        return Value.set(alias.get(), s.origin());
      }
      String[] parts = text.split(":");
      if (text.startsWith("arn:") && parts.length == 8) {
        return Value.set(parts[7], s.origin());
      }
      if (!text.startsWith("arn:") && !text.startsWith("${") && parts.length == 2) {
        return Value.set(parts[1], s.origin());
      }
    }
    return Value.absent(o);
  }

  private static PolicyDocument statement(
      TerraformResource r,
      Node sid,
      Node principal,
      @Nullable Node action,
      @Nullable Node resource,
      Nodes.MapBuilder condition) {
    Origin o = r.origin();
    MapNode statement =
        Nodes.map(o)
            .put("Sid", sid)
            .put("Effect", "Allow")
            .put("Principal", principal)
            .put("Action", action)
            .put("Resource", resource)
            .put("Condition", nonEmpty(condition))
            .build();
    MapNode document =
        Nodes.map(o)
            .put("Version", "2012-10-17")
            .put("Statement", Nodes.list(o, statement))
            .build();
    return new PolicyDocument(r.address(), document);
  }

  /**
   * The principal as Lambda stores it: {@code *} stays, a service principal becomes {@code
   * {Service: …}}, an account id its root ARN, anything else {@code {AWS: …}}.
   */
  static Node principal(@Nullable Node principal, Origin o) {
    if (principal == null || Slots.isAbsent(principal)) {
      return new Unresolved("no principal", o);
    }
    Origin at = principal.origin();
    if (principal instanceof Reference ref && ref.target().equals("AWS::AccountId")) {
      return aws(Nodes.string("arn:aws:iam::" + ref.placeholder() + ":root", at));
    }
    if (!(principal instanceof Scalar s) || s.text() == null) {
      return principal instanceof Reference ? aws(principal) : principal;
    }
    String p = s.text().strip();
    if (p.equals("*")) {
      return Nodes.string("*", at);
    }
    if (p.endsWith(".amazonaws.com") || p.endsWith(".amazon.com")) {
      return Nodes.map(at).put("Service", Nodes.string(p, at)).build();
    }
    if (ACCOUNT.matcher(p).matches() || p.equals("${AWS::AccountId}")) {
      return aws(Nodes.string("arn:aws:iam::" + p + ":root", at));
    }
    return aws(Nodes.string(p, at));
  }

  private static Node aws(Node value) {
    return Nodes.map(value.origin()).put("AWS", value).build();
  }

  private static @Nullable Node present(@Nullable Node n) {
    return Slots.isAbsent(n) ? null : n;
  }

  /**
   * {@code invoked_via_function_url = true} is stored as {@code Bool lambda:InvokedViaFunctionUrl}.
   */
  private static @Nullable MapNode invokedViaUrl(@Nullable Node flag, Origin o) {
    if (flag == null
        || Slots.isAbsent(flag)
        || Nodes.text(flag).filter(t -> t.equalsIgnoreCase("false")).isPresent()) {
      return null;
    }
    Node value =
        flag instanceof Scalar s ? Scalar.string(String.valueOf(s.text()), s.origin()) : flag;
    return Nodes.map(o).put("lambda:InvokedViaFunctionUrl", value).build();
  }

  private static @Nullable MapNode nonEmpty(Nodes.MapBuilder block) {
    MapNode built = block.build();
    return built.entries().isEmpty() ? null : built;
  }

  FunctionUrl functionUrl(TerraformResource r) {
    Origin o = r.origin();
    Node function = r.get("function_name");
    return new FunctionUrl(
        r.meta(index.scope()),
        slots.ref(function, o, Kind.FUNCTION),
        qualifier(r.get("qualifier"), function, o),
        slots.string(r.get("authorization_type"), o, null),
        cors(r.get("cors"), o));
  }

  /** A {@code cors} block of a function URL, or {@code cors_configuration} of an HTTP API. */
  Value<FunctionUrl.Cors> cors(@Nullable Node cors, Origin o) {
    Node block = TerraformResource.single(cors);
    if (block == null || Slots.isAbsent(block)) {
      return Value.absent(o);
    }
    if (block instanceof Unresolved u) {
      return Value.unresolved(u.origin(), u.reason());
    }
    return Value.set(
        new FunctionUrl.Cors(
            slots.strings(TerraformResource.at(block, "allow_origins"), o),
            slots.strings(TerraformResource.at(block, "allow_methods"), o),
            slots.bool(TerraformResource.at(block, "allow_credentials"), o, false)),
        block.origin());
  }

  EventSourceMapping eventSourceMapping(TerraformResource r) {
    Origin o = r.origin();
    Node arn = r.get("event_source_arn");
    return new EventSourceMapping(
        r.meta(index.scope()),
        slots.ref(r.get("function_name"), o, Kind.FUNCTION),
        slots.arn(arn, o),
        sourceType(r, arn),
        slots.ref(r.get("destination_config", "on_failure", "destination_arn"), o, Kind.ANY));
  }

  private Value<String> sourceType(TerraformResource r, @Nullable Node arn) {
    Optional<Value<String>> byProperties = sourceTypeByProperties(r);
    if (byProperties.isPresent()) {
      return byProperties.get();
    }
    Optional<String> target =
        arn instanceof Reference ref
            ? Optional.of(ref.target())
            : ResourceIndex.text(arn)
                .flatMap(t ->
                    ResourceIndex.PLACEHOLDER
                        .matcher(t)
                        .results()
                        .findFirst()
                        .map(m -> m.group(1)));
    if (arn != null && target.isPresent()) {
      String type = index.get(target.get()).map(TerraformResource::type).orElse("");
      String source = SOURCE_BY_TYPE.get(type);
      return source != null
          ? Value.set(source, arn.origin())
          : Value.unresolved(arn.origin(), "event source " + target.get() + " is of type " + type);
    }
    Optional<String> text = ResourceIndex.text(arn);
    if (arn != null && text.isPresent()) {
      Matcher m = ARN_SERVICE.matcher(text.get());
      String source = m.find() ? SOURCE_BY_SERVICE.get(m.group(1)) : null;
      return source != null
          ? Value.set(source, arn.origin())
          : Value.unresolved(arn.origin(), "event source ARN names no known service");
    }
    if (arn instanceof Unresolved u) {
      return Value.unresolved(u.origin(), u.reason());
    }
    return Value.absent(r.origin());
  }

  /** Kafka, MQ and DocumentDB mappings say what they read in their own blocks. */
  private static Optional<Value<String>> sourceTypeByProperties(TerraformResource r) {
    for (String key :
        List.of(
            "self_managed_event_source",
            "amazon_managed_kafka_event_source_config",
            "self_managed_kafka_event_source_config",
            "topics")) {
      Node n = r.get(key);
      if (n != null && Slots.isStated(n)) {
        return Optional.of(Value.set("kafka", n.origin()));
      }
    }
    Node queues = r.get("queues");
    if (queues != null && Slots.isStated(queues)) {
      return Optional.of(Value.set("mq", queues.origin()));
    }
    Node documentDb = r.get("document_db_event_source_config");
    return documentDb != null && Slots.isStated(documentDb)
        ? Optional.of(Value.set("documentdb", documentDb.origin()))
        : Optional.empty();
  }
}
