package dev.lambdasec.rules.drift;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.FunctionUrl;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.Drift;
import java.util.Optional;

/**
 * Flags live functions whose URL (present or not, and its authentication) differs from the
 * template: an URL opened by hand in the console is invisible to template reviews.
 */
@RuleInfo(
    id = "DRIFT-001",
    title = "Function URL and its authentication match the template",
    severity = Severity.HIGH,
    controls = {Control.AUTH, Control.ISMS},
    sources = {SourceKind.AWS})
public final class FunctionUrlAuthMatchesTemplate implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Drift.Pair p : Drift.pairs(ctx.app())) {
      Optional<FunctionUrl> template = url(ctx, p.template());
      Optional<FunctionUrl> live = url(ctx, p.live());
      if (template.isPresent() && template.get().authType().isUnresolved()) {
        out.unknown(
            p.live(),
            template.get().authType().origin(),
            "The URL AuthType of " + p.templateLabel() + " cannot be resolved");
        continue;
      }
      if (live.isPresent() && live.get().authType().isUnresolved()) {
        out.unknown(
            p.live(),
            live.get().authType().origin(),
            "The live URL of " + p.live().id() + " is " + live.get().authType().describe());
        continue;
      }
      String want = template.map(u -> u.authType().orElse("NONE")).orElse("no URL");
      String have = live.map(u -> u.authType().orElse("NONE")).orElse("no URL");
      if (want.equals(have)) {
        out.pass(p.live(), "Function " + p.live().id() + " has " + have + " as its template says");
      } else {
        out.fail(
            p.live(),
            live.map(FunctionUrl::origin).orElse(p.live().origin()),
            "Function "
                + p.live().id()
                + " has "
                + (live.isPresent() ? "a URL with AuthType " + have : "no URL")
                + " live, but its "
                + p.templateLabel()
                + " declares "
                + (template.isPresent() ? "AuthType " + want : "no URL"));
      }
    }
  }

  private static Optional<FunctionUrl> url(RuleContext ctx, LambdaFunction f) {
    return ctx.app().functionUrls().stream()
        .filter(u -> u.qualifier().isAbsent())
        .filter(u ->
            ctx.app().resolve(u.function(), LambdaFunction.class).filter(t -> t == f).isPresent())
        .findFirst();
  }
}
