package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.Arn;
import dev.lambdasec.iam.Evaluator;
import dev.lambdasec.iam.Exposure;
import dev.lambdasec.iam.Match;
import dev.lambdasec.iam.policy.Condition;
import dev.lambdasec.iam.policy.Operator;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.SourceKind;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Flags roles whose trust policy lets a whole other AWS account assume them ({@code
 * arn:aws:iam::111122223333:root} or the bare account id) without requiring an {@code
 * sts:ExternalId} and without narrowing the caller to principals or an organization: every
 * principal that account lets call {@code sts:AssumeRole} can then assume the role, including on
 * behalf of other customers of a third party (confused deputy). The application's own account
 * ({@code ${AWS::AccountId}} in templates, the account in a deployed role's ARN) and accounts
 * listed as trusted are not flagged.
 */
@RuleInfo(
    id = "IAM-016",
    title = "Trust in another whole account requires an external id",
    severity = Severity.HIGH,
    controls = {Control.CRED, Control.LP},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class CrossAccountTrustRequiresExternalId implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    Set<String> trusted = Set.copyOf(ctx.settings().trustedAccounts());
    for (Role role : ctx.app().roles()) {
      Optional<Policy> trust = ctx.iam().trustPolicy(role);
      if (trust.isEmpty() || !trust.get().isResolved()) {
        if (role.trustPolicy().isUnresolved() || trust.isPresent()) {
          out.unknown(
              role,
              role.trustPolicy().origin(),
              "The trust policy of " + role.id() + " cannot be read");
        }
        continue;
      }
      Set<String> open = new LinkedHashSet<>();
      boolean unresolved = false;
      Statement offending = null;
      for (Statement s : trust.get().statements()) {
        if (!s.isAllow() || Evaluator.actionMatch(s, "sts:AssumeRole") == Match.NO) {
          continue;
        }
        Exposure e = Exposure.of(s);
        unresolved |= e.unresolved();
        Set<String> accounts = new LinkedHashSet<>(e.wholeAccounts());
        accounts.removeAll(trusted);
        ownAccount(role).ifPresent(accounts::remove);
        if (!accounts.isEmpty() && e.restrictions().isEmpty() && !requiresExternalId(s)) {
          open.addAll(accounts);
          offending = offending == null ? s : offending;
        }
      }
      if (offending != null) {
        out.fail(
            role,
            offending.principal() != null ? offending.principal().origin() : offending.origin(),
            "Role "
                + role.id()
                + " can be assumed by any principal of account(s) "
                + String.join(", ", open)
                + " without an sts:ExternalId condition (statement "
                + offending.label()
                + ")");
      } else if (unresolved) {
        out.unknown(
            role,
            role.trustPolicy().origin(),
            "The trust policy of " + role.id() + " names principals lambdasec cannot resolve");
      } else {
        out.pass(
            role, "Role " + role.id() + " trusts no other whole account without an external id");
      }
    }
  }

  /** The account in a deployed role's literal ARN: trust in it is the account trusting itself. */
  private static Optional<String> ownAccount(Role role) {
    return role.arn().known().flatMap(Arn::literalAccount);
  }

  private static boolean requiresExternalId(Statement s) {
    for (Condition c : s.conditions()) {
      if (c.key().equalsIgnoreCase("sts:ExternalId")
          && c.op() != null
          && !c.op().negated()
          && c.op().family() == Operator.Family.STRING
          && !c.ifExists()
          && !c.values().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
