package dev.lambdasec.iam.risk;

import dev.lambdasec.iam.EffectivePermissions;
import dev.lambdasec.iam.ExpandedStatement;
import dev.lambdasec.iam.catalog.AccessLevel;
import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.catalog.ActionInfo;
import dev.lambdasec.iam.catalog.ActionSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * Risky actions granted without resource scoping. An action counts when it is in a risk list (or
 * has the risky access level), supports resource-level scoping (actions that only work on {@code
 * "Resource": "*"} cannot be narrowed, so granting them so is not a scoping mistake), and is
 * allowed unconditionally by a statement with {@code "Resource": "*"} or {@code NotResource}, after
 * denies and the boundary. Statements with conditions are not counted: their conditions may scope
 * the grant, and lambdasec keeps conditions rather than assuming them away.
 */
public final class RiskyActions {

  /** The kinds of risk, as the field's tools name them. */
  public enum Kind {
    /** Reading data or secrets out ({@code s3:GetObject}, {@code ssm:GetParameter}…). */
    DATA_EXFILTRATION("data-exfiltration"),
    /** Minting or returning credentials ({@code iam:CreateAccessKey}…). */
    CREDENTIALS_EXPOSURE("credentials-exposure"),
    /**
     * Changing permissions or resource policies: the catalog's "Permissions management" access
     * level and the resource-exposure list ({@code s3:PutBucketAcl}, IAM writes).
     */
    PERMISSIONS_MANAGEMENT("permissions-management"),
    /** Any write or tagging action ("infrastructure modification"). */
    WRITE("write");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** An action granted without scoping, with the statements that grant it. */
  public record Grant(ActionInfo action, List<ExpandedStatement> statements) {
    public Grant {
      statements = List.copyOf(statements);
    }
  }

  /** Per catalog (compared by identity, held weakly) and risk lists: computed once per pair. */
  private static final Map<ActionCatalog, Map<RiskCatalog, RiskyActions>> CACHE =
      new WeakHashMap<>();

  private final Map<Kind, ActionSet> candidates = new EnumMap<>(Kind.class);

  /** The risky actions of a catalog and risk lists; computed once per pair. */
  public static RiskyActions of(ActionCatalog catalog, RiskCatalog risks) {
    synchronized (CACHE) {
      return CACHE
          .computeIfAbsent(catalog, k -> new IdentityHashMap<>())
          .computeIfAbsent(risks, r -> new RiskyActions(catalog, r));
    }
  }

  private RiskyActions(ActionCatalog catalog, RiskCatalog risks) {
    ActionSet scopable = catalog.matching(ActionInfo::supportsResourceScoping);
    ActionSet pm =
        catalog.matching(
            a -> a.supportsResourceScoping() && a.access() == AccessLevel.PERMISSIONS_MANAGEMENT);
    ActionSet write =
        catalog.matching(a ->
            a.supportsResourceScoping()
                && (a.access() == AccessLevel.WRITE || a.access() == AccessLevel.TAGGING));
    candidates.put(
        Kind.DATA_EXFILTRATION,
        named(catalog, risks.actions(RiskCatalog.ActionList.DATA_EXFILTRATION))
            .intersect(scopable));
    candidates.put(
        Kind.CREDENTIALS_EXPOSURE,
        named(catalog, risks.actions(RiskCatalog.ActionList.CREDENTIALS_EXPOSURE))
            .intersect(scopable));
    candidates.put(
        Kind.PERMISSIONS_MANAGEMENT,
        pm.union(
            named(catalog, risks.actions(RiskCatalog.ActionList.RESOURCE_EXPOSURE))
                .intersect(scopable)));
    candidates.put(Kind.WRITE, write);
  }

  private static ActionSet named(ActionCatalog catalog, Iterable<String> names) {
    ActionSet out = catalog.none();
    for (String n : names) {
      if (catalog.find(n).isPresent()) {
        out = out.union(catalog.expand(n));
      }
    }
    return out;
  }

  /** The actions of a kind, as a set over the catalog. */
  public ActionSet of(Kind kind) {
    return Objects.requireNonNull(candidates.get(kind));
  }

  /** The actions of {@code kind} that {@code permissions} grants without resource scoping. */
  public List<Grant> unscoped(EffectivePermissions permissions, Kind kind) {
    ActionSet found = permissions.unscoped(false).intersect(of(kind));
    List<Grant> out = new ArrayList<>();
    for (ActionInfo a : permissions.catalog().actions(found).toList()) {
      List<ExpandedStatement> by =
          permissions.grantsOf(a).stream()
              .filter(g -> g.scope().unscoped() && g.unconditional())
              .toList();
      if (!by.isEmpty()) {
        out.add(new Grant(a, by));
      }
    }
    return out;
  }
}
