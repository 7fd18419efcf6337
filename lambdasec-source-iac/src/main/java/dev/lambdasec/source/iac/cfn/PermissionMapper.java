package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Permission;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.cfn.ResourceIndex.Kind;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code AWS::Lambda::Permission} and {@code AWS::Lambda::LayerVersionPermission} to the one policy
 * statement Lambda stores for them ({@code AddPermission}, {@code AddLayerVersionPermission}), so
 * that the IAM engine evaluates every source the same way.
 */
final class PermissionMapper {

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  private final ResourceIndex index;
  private final Slots slots;

  PermissionMapper(ResourceIndex index, Slots slots) {
    this.index = index;
    this.slots = slots;
  }

  Permission function(ResolvedResource r) {
    Origin o = r.origin();
    Node function = r.get("FunctionName");
    Nodes.MapBuilder condition =
        Nodes.map(o)
            .put("ArnLike", nonEmpty(Nodes.map(o).put("AWS:SourceArn", r.get("SourceArn"))))
            .put(
                "StringEquals",
                nonEmpty(
                    Nodes.map(o)
                        .put("AWS:SourceAccount", r.get("SourceAccount"))
                        .put("aws:PrincipalOrgID", r.get("PrincipalOrgID"))
                        .put("lambda:FunctionUrlAuthType", r.get("FunctionUrlAuthType"))
                        .put("lambda:EventSourceToken", r.get("EventSourceToken"))))
            .put("Bool", invokedViaUrl(r.get("InvokedViaFunctionUrl"), o));
    return new Permission(
        r.meta(index.scope()),
        slots.ref(function, o, Kind.FUNCTION),
        qualifier(function, o),
        statement(r, principal(r.get("Principal"), o), r.get("Action"), function, condition));
  }

  Permission layer(ResolvedResource r) {
    Origin o = r.origin();
    Node layer = r.get("LayerVersionArn");
    Nodes.MapBuilder condition =
        Nodes.map(o)
            .put(
                "StringEquals",
                nonEmpty(Nodes.map(o).put("aws:PrincipalOrgID", r.get("OrganizationId"))));
    return new Permission(
        r.meta(index.scope()),
        slots.ref(layer, o, Kind.ANY),
        Value.absent(o),
        statement(r, principal(r.get("Principal"), o), r.get("Action"), layer, condition));
  }

  /**
   * The alias or version a permission's {@code FunctionName} names: a reference to an {@code
   * AWS::Lambda::Alias}, a qualified ARN ({@code arn:aws:lambda:r:a:function:f:live}) or {@code
   * f:live}; absent for the unqualified function.
   */
  private Value<String> qualifier(@Nullable Node function, Origin o) {
    if (function instanceof Node.Reference ref) {
      return index
          .qualifier(ref.target())
          .map(q -> Value.set(q, ref.origin()))
          .orElseGet(() -> Value.absent(o));
    }
    if (function instanceof Node.Scalar s && s.text() != null) {
      String[] parts = s.text().split(":");
      if (s.text().startsWith("arn:") && parts.length == 8) {
        return Value.set(parts[7], s.origin());
      }
      if (!s.text().startsWith("arn:") && parts.length == 2) {
        return Value.set(parts[1], s.origin());
      }
    }
    return Value.absent(o);
  }

  private static PolicyDocument statement(
      ResolvedResource r,
      Node principal,
      @Nullable Node action,
      @Nullable Node resource,
      Nodes.MapBuilder condition) {
    Origin o = r.origin();
    MapNode statement =
        Nodes.map(o)
            .put("Sid", r.id())
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
    return new PolicyDocument(r.id(), document);
  }

  /**
   * The principal as Lambda stores it: {@code *} stays, a service principal becomes {@code
   * {Service: …}}, an account id becomes its root ARN, an ARN becomes {@code {AWS: …}}.
   */
  static Node principal(@Nullable Node principal, Origin o) {
    if (principal == null) {
      return new Node.Unresolved("no Principal", o);
    }
    Origin at = principal.origin();
    if (principal instanceof Reference ref && ref.target().equals("AWS::AccountId")) {
      return aws(Scalar.string("arn:aws:iam::" + ref.placeholder() + ":root", at));
    }
    if (!(principal instanceof Scalar s) || s.text() == null) {
      return principal instanceof Reference ? aws(principal) : principal;
    }
    String p = s.text().strip();
    if (p.equals("*")) {
      return Scalar.string("*", at);
    }
    if (p.endsWith(".amazonaws.com") || p.endsWith(".amazon.com")) {
      return Nodes.map(at).put("Service", Scalar.string(p, at)).build();
    }
    if (ACCOUNT.matcher(p).matches()) {
      return aws(Scalar.string("arn:aws:iam::" + p + ":root", at));
    }
    return aws(Scalar.string(p, at));
  }

  private static Node aws(Node value) {
    return Nodes.map(value.origin()).put("AWS", value).build();
  }

  /** A condition operator block, or nothing when none of its keys is present. */
  private static @Nullable MapNode nonEmpty(Nodes.MapBuilder block) {
    MapNode built = block.build();
    return built.entries().isEmpty() ? null : built;
  }

  /** {@code InvokedViaFunctionUrl: true} is stored as {@code Bool lambda:InvokedViaFunctionUrl}. */
  private static @Nullable MapNode invokedViaUrl(@Nullable Node flag, Origin o) {
    if (flag == null || Nodes.text(flag).filter(t -> t.equalsIgnoreCase("false")).isPresent()) {
      return null;
    }
    Node value =
        flag instanceof Scalar s ? Scalar.string(String.valueOf(s.text()), s.origin()) : flag;
    return Nodes.map(o).put("lambda:InvokedViaFunctionUrl", value).build();
  }
}
