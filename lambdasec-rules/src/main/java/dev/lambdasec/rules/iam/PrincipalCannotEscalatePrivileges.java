package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Status;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.engine.api.Verdict;
import dev.lambdasec.iam.AttachedPolicy;
import dev.lambdasec.iam.EffectivePermissions;
import dev.lambdasec.iam.ExpandedStatement;
import dev.lambdasec.iam.risk.Escalations;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.Grants;
import dev.lambdasec.rules.support.Principals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Flags principals (roles, users, groups) and unattached customer managed policies whose
 * permissions fully grant a privilege-escalation method of {@code privesc.json}: every required
 * action, possibly through several policies, on resources that reach other principals (see {@link
 * Escalations} for exactly how resource scope and conditions qualify a statement).
 */
@RuleInfo(
    id = "IAM-010",
    title = "Principals cannot escalate their privileges",
    severity = Severity.HIGH,
    controls = {Control.LP},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.TERRAFORM,
      SourceKind.AWS
    })
public final class PrincipalCannotEscalatePrivileges implements Rule {

  private static final int SHOWN = 3;

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    Set<ManagedPolicy> attached = new HashSet<>();
    List<Resource> holders = new ArrayList<>();
    ctx.iam()
        .principals()
        .forEach(p -> {
          holders.add(p);
          ctx.iam().principalPolicies(p).identity().stream()
              .map(AttachedPolicy::holder)
              .filter(h -> h instanceof ManagedPolicy)
              .forEach(h -> attached.add((ManagedPolicy) h));
        });
    ctx.app().managedPolicies().stream().filter(mp -> !attached.contains(mp)).forEach(holders::add);
    for (Resource holder : holders) {
      judge(ctx, holder, out);
    }
  }

  private static void judge(RuleContext ctx, Resource holder, Results out) {
    EffectivePermissions p = ctx.iam().permissions(ctx.iam().principalPolicies(holder));
    List<Escalations.Escalation> granted =
        Escalations.of(p, ctx.iam().risks(), Principals.self(ctx, holder));
    String who = Grants.describe(holder);
    if (granted.isEmpty()) {
      if (p.uncertain()) {
        out.unknown(holder, holder.origin(), who + " has policies lambdasec cannot fully read");
      } else {
        out.pass(holder, who + " grants no privilege-escalation method");
      }
      return;
    }
    List<Escalations.Escalation> minimal = Escalations.minimal(granted);
    List<Escalations.Escalation> sure = minimal.stream().filter(e -> !e.conditional()).toList();
    List<Escalations.Escalation> shown =
        (sure.isEmpty() ? minimal : sure).stream().limit(SHOWN).toList();
    String methods =
        shown.stream()
            .map(PrincipalCannotEscalatePrivileges::describe)
            .collect(Collectors.joining("; "));
    int more = (sure.isEmpty() ? minimal : sure).size() - shown.size();
    ExpandedStatement first = shown.get(0).statements().get(0);
    Origin at =
        first.grant().policy().kind() == AttachedPolicy.Kind.AWS_MANAGED
            ? first.grant().policy().attachedAt()
            : first.statement().origin();
    Verdict v =
        new Verdict(
            Status.FAIL,
            Subject.of(holder),
            at,
            who
                + " can escalate its privileges: "
                + methods
                + (more > 0 ? "; and " + more + " more method(s)" : "")
                + (sure.isEmpty() ? " (only under the conditions these statements carry)" : ""),
            null,
            Map.of(
                "methods",
                Stream.concat(sure.stream(), minimal.stream())
                    .map(e -> e.method().id())
                    .distinct()
                    .collect(Collectors.joining(","))));
    out.add(sure.isEmpty() ? v.withSeverity(Severity.MEDIUM) : v);
  }

  private static String describe(Escalations.Escalation e) {
    String steps =
        e.steps().stream()
            .map(s ->
                s.requiredAction()
                    + " via "
                    + s.grants().stream()
                        .limit(2)
                        .map(g -> Grants.where(g.grant()))
                        .collect(Collectors.joining(", ")))
            .collect(Collectors.joining(", "));
    String url = e.method().url();
    return e.method().label() + " (" + steps + ")" + (url != null ? " " + url : "");
  }
}
