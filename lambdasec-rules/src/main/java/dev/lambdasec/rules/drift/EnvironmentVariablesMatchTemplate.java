package dev.lambdasec.rules.drift;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.Drift;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flags live functions whose environment variable names differ from the template: a variable added
 * by hand (a debug flag, a pasted credential) escapes template review. Values are never compared or
 * shown.
 */
@RuleInfo(
    id = "DRIFT-005",
    title = "Environment variable names match the template",
    severity = Severity.LOW,
    controls = {Control.SECRET, Control.ISMS},
    sources = {SourceKind.AWS})
public final class EnvironmentVariablesMatchTemplate implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Drift.Pair p : Drift.pairs(ctx.app())) {
      if (p.template().environment().isUnresolved()) {
        out.unknown(
            p.live(),
            p.template().environment().origin(),
            "The environment of " + p.templateLabel() + " cannot be read");
        continue;
      }
      Set<String> declared = new TreeSet<>(p.template().environment().orElse(Map.of()).keySet());
      Set<String> live = new TreeSet<>(p.live().environment().orElse(Map.of()).keySet());
      Set<String> added = new TreeSet<>(live);
      added.removeAll(declared);
      Set<String> removed = new TreeSet<>(declared);
      removed.removeAll(live);
      if (added.isEmpty() && removed.isEmpty()) {
        out.pass(p.live(), "The environment variables of " + p.live().id() + " match its template");
      } else {
        out.fail(
            p.live(),
            p.live().environment().origin(),
            "Function "
                + p.live().id()
                + " differs from its "
                + p.templateLabel()
                + ":"
                + (added.isEmpty()
                    ? ""
                    : " variables set only live: " + String.join(", ", added) + ";")
                + (removed.isEmpty()
                    ? ""
                    : " variables missing live: " + String.join(", ", removed)));
      }
    }
  }
}
