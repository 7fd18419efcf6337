package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.PolicyLint;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.PolicyIssue;
import dev.lambdasec.model.Api;
import dev.lambdasec.model.IamGroup;
import dev.lambdasec.model.IamUser;
import dev.lambdasec.model.KmsKey;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Value;
import dev.lambdasec.rules.support.Grants;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Flags policy documents the authors wrote with grammar problems: unknown or duplicate keys, a
 * missing {@code Version}, effects in another letter case, unknown condition operators, condition
 * values the operator cannot compare, duplicate {@code Sid}s, elements the kind of policy does not
 * take, and actions or services the action catalog does not know.
 *
 * <p>Documents a macro generated (the roles SAM creates for functions, with policy templates that
 * SAM writes without a {@code Version} by design, in a template or deployed) are not held to the
 * {@code Version} requirement; every other problem is reported for them too. Lambda permissions are
 * not checked: adapters build their statements from resource properties, so there is no policy text
 * to fault.
 */
@RuleInfo(
    id = "IAM-015",
    title = "Policy documents are well-formed",
    severity = Severity.LOW,
    controls = {Control.LP},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.TERRAFORM,
      SourceKind.AWS
    })
public final class PolicyDocumentIsWellFormed implements Rule {

  private static final int SHOWN = 3;

  private record Doc(PolicyDocument document, PolicyLint.Kind kind) {}

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Resource holder : holders(ctx)) {
      List<Doc> docs = documents(holder);
      if (docs.isEmpty()) {
        continue;
      }
      boolean failed = false;
      boolean unreadable = false;
      for (Doc d : docs) {
        Policy policy = ctx.iam().policy(d.document());
        if (!policy.isResolved()) {
          unreadable = true;
          continue;
        }
        List<PolicyIssue> issues = new ArrayList<>();
        for (PolicyIssue i : PolicyLint.check(policy, d.kind(), ctx.iam().catalog())) {
          if (!(i.kind() == PolicyIssue.Kind.MISSING_VERSION
              && holder.meta().definedBy() != null)) {
            issues.add(i);
          }
        }
        if (!issues.isEmpty()) {
          failed = true;
          out.fail(
              dev.lambdasec.engine.api.Subject.of(holder).part(d.document().name()),
              issues.get(0).origin(),
              Grants.describe(holder)
                  + ": "
                  + d.document().name()
                  + " has "
                  + issues.size()
                  + " problem(s): "
                  + issues.stream()
                      .limit(SHOWN)
                      .map(PolicyIssue::message)
                      .collect(Collectors.joining("; "))
                  + (issues.size() > SHOWN ? "; …" : ""));
        }
      }
      if (failed) {
        continue;
      }
      if (unreadable) {
        out.unknown(
            holder,
            holder.origin(),
            Grants.describe(holder) + " has policies lambdasec cannot read");
      } else {
        out.pass(holder, Grants.describe(holder) + " has well-formed policy documents");
      }
    }
  }

  private static List<Resource> holders(RuleContext ctx) {
    List<Resource> out = new ArrayList<>();
    out.addAll(ctx.app().roles());
    out.addAll(ctx.app().users());
    out.addAll(ctx.app().groups());
    out.addAll(ctx.app().managedPolicies());
    out.addAll(ctx.app().apis());
    out.addAll(ctx.app().kmsKeys());
    return out;
  }

  private static List<Doc> documents(Resource holder) {
    List<Doc> out = new ArrayList<>();
    switch (holder) {
      case Role r -> {
        known(r.trustPolicy(), PolicyLint.Kind.TRUST, out);
        r.inlinePolicies().forEach(d -> out.add(new Doc(d, PolicyLint.Kind.IDENTITY)));
      }
      case IamUser u ->
          u.inlinePolicies().forEach(d -> out.add(new Doc(d, PolicyLint.Kind.IDENTITY)));
      case IamGroup g ->
          g.inlinePolicies().forEach(d -> out.add(new Doc(d, PolicyLint.Kind.IDENTITY)));
      case ManagedPolicy mp -> out.add(new Doc(mp.document(), PolicyLint.Kind.IDENTITY));
      case Api a -> known(a.resourcePolicy(), PolicyLint.Kind.RESOURCE, out);
      case KmsKey k -> known(k.keyPolicy(), PolicyLint.Kind.RESOURCE, out);
      default -> {
        // holds no policy text
      }
    }
    return out;
  }

  private static void known(Value<PolicyDocument> v, PolicyLint.Kind kind, List<Doc> out) {
    v.known().ifPresent(d -> out.add(new Doc(d, kind)));
  }
}
