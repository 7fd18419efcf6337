package dev.lambdasec.source.iac.sam;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.NodeBudget;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.cfn.Notes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The SAM {@code Globals} section merged into resources the way the transform merges it: the
 * resource's value wins, maps merge key by key, lists concatenate (globals first), intrinsics count
 * as plain values. Global values keep the line they were written on, attributed to the resource
 * that inherits them.
 */
final class SamGlobals {

  /** Properties each Globals section may set (aws-sam-translator 1.110.0, plugins/globals). */
  private static final Map<String, Set<String>> SUPPORTED =
      Map.of(
          "Function",
          Set.of(
              "Handler",
              "Runtime",
              "CodeUri",
              "DeadLetterQueue",
              "Description",
              "MemorySize",
              "Timeout",
              "VpcConfig",
              "Environment",
              "Tags",
              "PropagateTags",
              "Tracing",
              "KmsKeyArn",
              "AutoPublishAlias",
              "AutoPublishAliasAllProperties",
              "Layers",
              "DeploymentPreference",
              "RolePath",
              "PermissionsBoundary",
              "ReservedConcurrentExecutions",
              "ProvisionedConcurrencyConfig",
              "AssumeRolePolicyDocument",
              "EventInvokeConfig",
              "FileSystemConfigs",
              "CodeSigningConfigArn",
              "Architectures",
              "SnapStart",
              "EphemeralStorage",
              "FunctionUrlConfig",
              "RuntimeManagementConfig",
              "LoggingConfig",
              "RecursiveLoop",
              "SourceKMSKeyArn",
              "TenancyConfig",
              "DurableConfig",
              "CapacityProviderConfig",
              "FunctionScalingConfig",
              "PublishToLatestPublished",
              "VersionDeletionPolicy"),
          "Api",
          Set.of(
              "Auth",
              "Name",
              "DefinitionUri",
              "CacheClusterEnabled",
              "CacheClusterSize",
              "MergeDefinitions",
              "Variables",
              "EndpointConfiguration",
              "MethodSettings",
              "BinaryMediaTypes",
              "MinimumCompressionSize",
              "Cors",
              "GatewayResponses",
              "AccessLogSetting",
              "CanarySetting",
              "TracingEnabled",
              "OpenApiVersion",
              "Domain",
              "AlwaysDeploy",
              "PropagateTags",
              "SecurityPolicy",
              "EndpointAccessMode"),
          "HttpApi",
          Set.of(
              "Auth",
              "AccessLogSettings",
              "StageVariables",
              "Tags",
              "CorsConfiguration",
              "DefaultRouteSettings",
              "Domain",
              "RouteSettings",
              "FailOnWarnings",
              "PropagateTags"),
          "SimpleTable",
          Set.of("SSESpecification"),
          "StateMachine",
          Set.of("PropagateTags"),
          "LayerVersion",
          Set.of("PublishLambdaVersion"),
          "CapacityProvider",
          Set.of(
              "VpcConfig",
              "OperatorRole",
              "Tags",
              "InstanceRequirements",
              "ScalingConfig",
              "KmsKeyArn",
              "PropagateTags"),
          "WebSocketApi",
          Set.of(
              "AccessLogSettings",
              "ApiKeySelectionExpression",
              "DefaultRouteSettings",
              "DisableExecuteApiEndpoint",
              "DisableSchemaValidation",
              "Domain",
              "FailOnWarnings",
              "IpAddressType",
              "PropagateTags",
              "RouteSelectionExpression",
              "RouteSettings",
              "StageVariables",
              "Tags"));

  private static final String PREFIX = "AWS::Serverless::";

  private final Map<String, MapNode> sections = new HashMap<>();
  private final NodeBudget budget;

  SamGlobals(MapNode globals, Notes notes, NodeBudget budget) {
    this.budget = budget;
    for (Entry section : globals.entries()) {
      Set<String> supported = SUPPORTED.get(section.key());
      if (supported == null || !(section.value() instanceof MapNode properties)) {
        notes.add(section.keyOrigin(), "Globals section " + section.key() + " is not supported");
        continue;
      }
      List<Entry> kept = new ArrayList<>();
      for (Entry e : properties.entries()) {
        if (supported.contains(e.key())) {
          kept.add(e);
        } else {
          notes.add(
              e.keyOrigin(), "Globals " + section.key() + "." + e.key() + " is not supported");
        }
      }
      sections.put(PREFIX + section.key(), new MapNode(kept, properties.origin()));
    }
  }

  /**
   * The properties of resource {@code id} of {@code type} with the globals merged in; {@code
   * ignored} is the resource's {@code IgnoreGlobals} attribute ({@code *} or a list of names).
   */
  Node merge(String type, String id, Node properties, @Nullable Node ignored) {
    MapNode global = sections.get(type);
    if (global == null || Nodes.text(ignored).filter("*"::equals).isPresent()) {
      return properties;
    }
    List<String> skip = Nodes.items(ignored).stream().flatMap(n -> Nodes.text(n).stream()).toList();
    List<Entry> entries = new ArrayList<>();
    for (Entry e : global.entries()) {
      if (!skip.contains(e.key())) {
        entries.add(rehome(e, id));
      }
    }
    MapNode inherited = new MapNode(entries, global.origin());
    budget.charge(Nodes.size(inherited));
    return properties instanceof MapNode local ? merge(inherited, local) : properties;
  }

  private static Node merge(Node global, Node local) {
    if (global instanceof MapNode g
        && local instanceof MapNode l
        && !Nodes.isIntrinsic(g)
        && !Nodes.isIntrinsic(l)) {
      Map<String, Entry> merged = new LinkedHashMap<>();
      g.entries().forEach(e -> merged.put(e.key(), e));
      for (Entry e : l.entries()) {
        Entry inherited = merged.get(e.key());
        merged.put(
            e.key(),
            inherited == null
                ? e
                : new Entry(e.key(), e.keyOrigin(), merge(inherited.value(), e.value())));
      }
      return new MapNode(new ArrayList<>(merged.values()), l.origin());
    }
    if (global instanceof ListNode g && local instanceof ListNode l) {
      List<Node> items = new ArrayList<>(g.items());
      items.addAll(l.items());
      return new ListNode(items, l.origin());
    }
    return local;
  }

  /** A global value as inherited by resource {@code id}: same lines, attributed to it. */
  private static Entry rehome(Entry e, String id) {
    return new Entry(e.key(), e.keyOrigin().withResource(id), rehome(e.value(), id));
  }

  private static Node rehome(Node node, String id) {
    Origin at = node.origin().withResource(id);
    return switch (node) {
      case MapNode m -> new MapNode(m.entries().stream().map(e -> rehome(e, id)).toList(), at);
      case ListNode l -> new ListNode(l.items().stream().map(i -> rehome(i, id)).toList(), at);
      case Node.Scalar s -> new Node.Scalar(s.text(), s.kind(), at);
      case Node.Reference r -> new Node.Reference(r.target(), r.attribute(), at);
      case Node.Unresolved u -> new Node.Unresolved(u.reason(), at);
    };
  }
}
