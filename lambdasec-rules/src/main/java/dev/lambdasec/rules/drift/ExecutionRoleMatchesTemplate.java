package dev.lambdasec.rules.drift;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.Arn;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Value;
import dev.lambdasec.rules.support.Drift;
import java.util.Optional;

/**
 * Flags live functions that run as another role than their template declares: a role swapped by
 * hand carries permissions no template review has seen.
 */
@RuleInfo(
    id = "DRIFT-002",
    title = "Execution role matches the template",
    severity = Severity.HIGH,
    controls = {Control.LP, Control.ISMS},
    sources = {SourceKind.AWS})
public final class ExecutionRoleMatchesTemplate implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Drift.Pair p : Drift.pairs(ctx.app())) {
      Optional<String> liveArn = p.live().role().known().map(Ref::literal);
      if (liveArn.isEmpty()) {
        continue;
      }
      Value<Ref> declared = p.template().role();
      if (declared.isUnresolved() || !declared.isPresent()) {
        out.unknown(
            p.live(),
            declared.origin(),
            "The role of " + p.templateLabel() + " is " + declared.describe());
        continue;
      }
      Optional<Boolean> same = same(ctx, declared.get(), liveArn.get());
      if (same.isEmpty()) {
        out.unknown(
            p.live(),
            declared.origin(),
            "Which live role " + p.templateLabel() + " declares cannot be told from its name");
      } else if (same.get()) {
        out.pass(p.live(), "Function " + p.live().id() + " runs as the role its template declares");
      } else {
        out.fail(
            p.live(),
            p.live().role().origin(),
            "Function "
                + p.live().id()
                + " runs as "
                + liveArn.get()
                + ", not as the role "
                + declared.get().display()
                + " of its "
                + p.templateLabel());
      }
    }
  }

  /** Empty when the declared role's physical name is unknown and no tag links it. */
  private static Optional<Boolean> same(RuleContext ctx, Ref declared, String liveArn) {
    String literal = declared.literal();
    if (literal != null) {
      return Arn.parse(literal).isPresent()
          ? Optional.of(literal.equals(liveArn))
          : Optional.of(liveArn.endsWith("/" + literal));
    }
    Optional<Role> role = ctx.app().resolve(declared, Role.class);
    if (role.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> name = role.get().name().known();
    if (name.isPresent()) {
      return Optional.of(liveArn.endsWith("/" + name.get()));
    }
    Optional<Role> live = ctx.app().resolve(Ref.literal(liveArn), Role.class);
    Optional<String> tag =
        live.flatMap(r -> r.tags().known())
            .map(t -> t.get(Drift.LOGICAL_ID_TAG))
            .flatMap(v -> Optional.ofNullable(v))
            .flatMap(Value::known);
    return tag.map(t -> t.equals(role.get().id()));
  }
}
