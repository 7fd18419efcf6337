package dev.lambdasec.iam;

import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.PolicyParser;
import dev.lambdasec.iam.risk.RiskCatalog;
import dev.lambdasec.iam.risk.RiskyActions;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.IamGroup;
import dev.lambdasec.model.IamUser;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * IAM questions over one application: the policies of its principals (roles, users, groups; inline,
 * customer managed from the sources, AWS managed from reference data, the boundary), their
 * effective permissions, decisions for requests, and the reference data for risk analysis. Parsed
 * policies and computed permissions are cached; not thread-safe.
 */
public final class Iam {

  private final Application app;
  private final Supplier<ActionCatalog> catalog;
  private final Supplier<AwsManagedPolicies> managed;
  private final Supplier<RiskCatalog> risks;
  private final Map<PolicyDocument, Policy> parsed = new IdentityHashMap<>();
  private final Map<Resource, PolicySet> principalPolicies = new IdentityHashMap<>();
  private final Map<Resource, PolicySet> authoredPolicies = new IdentityHashMap<>();
  private final Map<PolicySet, EffectivePermissions> permissions = new IdentityHashMap<>();
  private @Nullable RiskyActions riskyActions;

  private Iam(
      Application app,
      Supplier<ActionCatalog> catalog,
      Supplier<AwsManagedPolicies> managed,
      Supplier<RiskCatalog> risks) {
    this.app = app;
    this.catalog = catalog;
    this.managed = managed;
    this.risks = risks;
  }

  /**
   * Uses the installed reference data (refreshed by {@code lambdasec data update} when valid, else
   * bundled), loaded on first use.
   */
  public static Iam of(Application app) {
    return new Iam(
        app, ActionCatalog::installed, AwsManagedPolicies::installed, RiskCatalog::bundled);
  }

  /** Uses the given reference data. */
  public static Iam of(
      Application app, ActionCatalog catalog, AwsManagedPolicies managed, RiskCatalog risks) {
    return new Iam(app, () -> catalog, () -> managed, () -> risks);
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

  /** Privilege-escalation methods and risky action lists. */
  public RiskCatalog risks() {
    return risks.get();
  }

  /** Risky actions by kind, resolved against the action catalog; computed on first use. */
  public RiskyActions riskyActions() {
    RiskyActions r = riskyActions;
    if (r == null) {
      r = RiskyActions.of(catalog(), risks());
      riskyActions = r;
    }
    return r;
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

  /** The principals of the application that hold identity policies: roles, users and groups. */
  public Stream<Resource> principals() {
    return Stream.<List<? extends Resource>>of(app.roles(), app.users(), app.groups())
        .flatMap(List::stream);
  }

  /** The policies that make up a role's identity-based permissions. */
  public PolicySet policies(Role role) {
    return principalPolicies(role);
  }

  /**
   * The policies that make up a principal's identity-based permissions: a role's, user's or group's
   * inline and attached managed policies and boundary; for a customer managed policy, the policy
   * alone.
   */
  public PolicySet principalPolicies(Resource principal) {
    return principalPolicies.computeIfAbsent(principal, this::assemble);
  }

  /**
   * The policy text a resource holds itself, as its authors wrote it: a principal's inline
   * policies, or a customer managed policy's document. Rules about how statements are written judge
   * these, where the fix goes.
   */
  public PolicySet authoredPolicies(Resource holder) {
    return authoredPolicies.computeIfAbsent(
        holder,
        h -> {
          List<Gap> gaps = new ArrayList<>();
          List<AttachedPolicy> own = inline(h, gaps);
          return new PolicySet(h, own, null, gaps);
        });
  }

  /** The effective permissions of a policy set. */
  public EffectivePermissions permissions(PolicySet policies) {
    return permissions.computeIfAbsent(policies, p -> EffectivePermissions.of(p, catalog()));
  }

  /** May {@code role} perform {@code action} on {@code resource}? */
  public Decision decide(Role role, String action, String resource) {
    return Evaluator.decide(policies(role), action, resource);
  }

  /**
   * May {@code principal} perform {@code action} on {@code resource}, given what the request says?
   */
  public Decision decide(
      Resource principal, String action, String resource, RequestContext request) {
    return Evaluator.decide(principalPolicies(principal), action, resource, request);
  }

  private PolicySet assemble(Resource holder) {
    List<Gap> gaps = new ArrayList<>();
    List<AttachedPolicy> identity = inline(holder, gaps);
    List<Value<Ref>> attachments =
        switch (holder) {
          case Role r -> r.managedPolicies();
          case IamUser u -> u.managedPolicies();
          case IamGroup g -> g.managedPolicies();
          default -> List.of();
        };
    for (Value<Ref> ref : attachments) {
      AttachedPolicy attached = attached(ref, gaps);
      if (attached != null) {
        identity.add(attached);
      }
    }
    Value<Ref> boundaryRef =
        switch (holder) {
          case Role r -> r.permissionsBoundary();
          case IamUser u -> u.permissionsBoundary();
          default -> null;
        };
    AttachedPolicy boundary =
        boundaryRef == null || boundaryRef.isAbsent() ? null : attached(boundaryRef, gaps);
    return new PolicySet(holder, identity, boundary, gaps);
  }

  private List<AttachedPolicy> inline(Resource holder, List<Gap> gaps) {
    List<AttachedPolicy> out = new ArrayList<>();
    if (holder instanceof ManagedPolicy mp) {
      Policy p = policy(mp.document());
      if (!p.isResolved()) {
        gaps.add(new Gap("managed policy " + mp.id() + ": " + p.unresolvedReason(), mp.origin()));
      }
      out.add(
          new AttachedPolicy(
              AttachedPolicy.Kind.CUSTOMER_MANAGED,
              mp.name().known().orElse(mp.id()),
              p,
              mp,
              mp.document().origin()));
      return out;
    }
    List<PolicyDocument> docs =
        switch (holder) {
          case Role r -> r.inlinePolicies();
          case IamUser u -> u.inlinePolicies();
          case IamGroup g -> g.inlinePolicies();
          default -> List.of();
        };
    for (PolicyDocument doc : docs) {
      Policy p = policy(doc);
      out.add(new AttachedPolicy(AttachedPolicy.Kind.INLINE, doc.name(), p, holder, doc.origin()));
      if (!p.isResolved()) {
        gaps.add(
            new Gap("inline policy " + doc.name() + ": " + p.unresolvedReason(), doc.origin()));
      }
    }
    return out;
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
