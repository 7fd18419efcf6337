package dev.lambdasec.iam;

import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.PolicyParser;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * IAM questions over one application: its roles' policies (inline, customer managed from the
 * sources, AWS managed from bundled data, the boundary), decisions for requests, and exposure of
 * resource policies. Parsed policies are cached; not thread-safe.
 */
public final class Iam {

  private final Application app;
  private final Supplier<ActionCatalog> catalog;
  private final Supplier<AwsManagedPolicies> managed;
  private final Map<PolicyDocument, Policy> parsed = new IdentityHashMap<>();
  private final Map<Role, RolePolicies> rolePolicies = new IdentityHashMap<>();

  private Iam(
      Application app, Supplier<ActionCatalog> catalog, Supplier<AwsManagedPolicies> managed) {
    this.app = app;
    this.catalog = catalog;
    this.managed = managed;
  }

  /** Uses the bundled action catalog and AWS managed policies, loaded on first use. */
  public static Iam of(Application app) {
    return new Iam(app, ActionCatalog::bundled, AwsManagedPolicies::bundled);
  }

  public Application app() {
    return app;
  }

  public ActionCatalog catalog() {
    return catalog.get();
  }

  public AwsManagedPolicies awsManagedPolicies() {
    return managed.get();
  }

  public Policy policy(PolicyDocument document) {
    return parsed.computeIfAbsent(document, PolicyParser::parse);
  }

  /** The role a function runs as, when it is part of the application. */
  public Optional<Role> roleOf(LambdaFunction function) {
    return app.resolve(function.role(), Role.class);
  }

  /** The trust policy, parsed; empty when the role has none the sources show. */
  public Optional<Policy> trustPolicy(Role role) {
    return role.trustPolicy().known().map(this::policy);
  }

  /** The policies that make up a role's identity-based permissions. */
  public RolePolicies policies(Role role) {
    return rolePolicies.computeIfAbsent(role, this::assemble);
  }

  /** May {@code role} perform {@code action} on {@code resource}? */
  public Decision decide(Role role, String action, String resource) {
    return Evaluator.decide(policies(role), action, resource);
  }

  private RolePolicies assemble(Role role) {
    List<AttachedPolicy> identity = new ArrayList<>();
    List<Gap> gaps = new ArrayList<>();
    for (PolicyDocument doc : role.inlinePolicies()) {
      Policy p = policy(doc);
      identity.add(
          new AttachedPolicy(AttachedPolicy.Kind.INLINE, doc.name(), p, role, doc.origin()));
      if (!p.isResolved()) {
        gaps.add(
            new Gap("inline policy " + doc.name() + ": " + p.unresolvedReason(), doc.origin()));
      }
    }
    for (Value<Ref> ref : role.managedPolicies()) {
      AttachedPolicy attached = attached(ref, gaps);
      if (attached != null) {
        identity.add(attached);
      }
    }
    AttachedPolicy boundary = null;
    if (!role.permissionsBoundary().isAbsent()) {
      boundary = attached(role.permissionsBoundary(), gaps);
    }
    return new RolePolicies(role, identity, boundary, gaps);
  }

  private @Nullable AttachedPolicy attached(Value<Ref> value, List<Gap> gaps) {
    if (value.isUnresolved()) {
      gaps.add(new Gap("managed policy " + value.describe(), value.origin()));
      return null;
    }
    Ref ref = value.get();
    Optional<ManagedPolicy> customer = app.resolve(ref, ManagedPolicy.class);
    if (customer.isPresent()) {
      ManagedPolicy mp = customer.get();
      Policy p = policy(mp.document());
      if (!p.isResolved()) {
        gaps.add(new Gap("managed policy " + mp.id() + ": " + p.unresolvedReason(), mp.origin()));
      }
      return new AttachedPolicy(
          AttachedPolicy.Kind.CUSTOMER_MANAGED,
          mp.name().known().orElse(mp.id()),
          p,
          mp,
          value.origin());
    }
    String literal = ref.literal();
    if (literal != null && awsManagedPolicies().isAwsManagedArn(literal)) {
      Optional<AwsManagedPolicies.Entry> entry = awsManagedPolicies().find(literal);
      if (entry.isPresent()) {
        return new AttachedPolicy(
            AttachedPolicy.Kind.AWS_MANAGED,
            entry.get().name(),
            policy(entry.get().document()),
            null,
            value.origin());
      }
      gaps.add(
          new Gap("AWS managed policy " + literal + " is not in the bundled data", value.origin()));
      return null;
    }
    gaps.add(
        new Gap(
            "managed policy " + ref.display() + " is not defined in the scanned sources",
            value.origin()));
    return null;
  }
}
