package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.Evaluator;
import dev.lambdasec.iam.Glob;
import dev.lambdasec.iam.Match;
import dev.lambdasec.iam.policy.Condition;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Flags roles that trust a web-identity (OIDC) provider without pinning who may present a token.
 * For GitHub Actions ({@code token.actions.githubusercontent.com}) the {@code sub} claim must be
 * tested and name a repository owner ({@code repo:my-org/...}): without it, any workflow of any
 * repository on GitHub can assume the role. For other providers (Cognito identity pools, EKS,
 * Google…) an {@code aud} or {@code sub} claim must be tested with a non-wildcard value.
 */
@RuleInfo(
    id = "IAM-018",
    title = "Web-identity trust pins the token's audience or subject",
    severity = Severity.HIGH,
    controls = {Control.CRED, Control.LP},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class WebIdentityTrustIsPinned implements Rule {

  private static final String GITHUB = "token.actions.githubusercontent.com";

  /** {@code repo:<owner>/...} with a literal owner. */
  private static final Pattern GITHUB_SUB = Pattern.compile("repo:[^*?/:]+/.+");

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Role role : ctx.app().roles()) {
      Optional<Policy> trust = ctx.iam().trustPolicy(role);
      if (trust.isEmpty() || !trust.get().isResolved()) {
        continue;
      }
      List<String> problems = new ArrayList<>();
      boolean federated = false;
      boolean unresolved = false;
      for (Statement s : trust.get().statements()) {
        if (!s.isAllow()
            || s.principal() == null
            || Evaluator.actionMatch(s, "sts:AssumeRoleWithWebIdentity") == Match.NO) {
          continue;
        }
        for (Value<String> provider : s.principal().of("Federated")) {
          if (provider.isUnresolved()) {
            unresolved = true;
            continue;
          }
          String p = provider.get();
          if (p.toLowerCase(Locale.ROOT).contains("saml-provider/")) {
            continue;
          }
          federated = true;
          problem(p, s).ifPresent(problems::add);
        }
      }
      if (!problems.isEmpty()) {
        out.fail(
            role,
            role.trustPolicy().origin(),
            "Role "
                + role.id()
                + " trusts web identities without pinning them: "
                + String.join("; ", problems));
      } else if (unresolved) {
        out.unknown(
            role,
            role.trustPolicy().origin(),
            "The trusted identity provider of " + role.id() + " cannot be resolved");
      } else if (federated) {
        out.pass(role, "Role " + role.id() + " pins the web identities it trusts");
      }
    }
  }

  private static Optional<String> problem(String provider, Statement s) {
    boolean github = provider.toLowerCase(Locale.ROOT).contains(GITHUB);
    List<String> subs = new ArrayList<>();
    boolean pinned = false;
    for (Condition c : s.conditions()) {
      if (c.op() == null
          || c.op().negated()
          || c.ifExists()
          || c.qualifier() == Condition.SetQualifier.FOR_ALL_VALUES) {
        continue;
      }
      String key = c.key().toLowerCase(Locale.ROOT);
      if (github) {
        if (key.startsWith(GITHUB) && key.endsWith(":sub")) {
          subs.addAll(c.known());
          pinned = !c.values().isEmpty() && c.known().size() == c.values().size();
        }
      } else if ((key.endsWith(":aud") || key.endsWith(":sub"))
          && !c.known().isEmpty()
          && c.known().stream().noneMatch(Glob::isWildcardOnly)) {
        return Optional.empty();
      }
    }
    if (!github) {
      return Optional.of(
          provider + " with no condition on the token's aud or sub (statement " + s.label() + ")");
    }
    if (!pinned) {
      return Optional.of(
          "GitHub Actions with no condition on the sub claim (statement " + s.label() + ")");
    }
    List<String> loose = subs.stream().filter(v -> !GITHUB_SUB.matcher(v).matches()).toList();
    return loose.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "GitHub Actions sub "
                + String.join(", ", loose)
                + " does not name a repository owner (statement "
                + s.label()
                + ")");
  }
}
