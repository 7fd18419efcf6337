package dev.lambdasec.rules.support;

import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.model.Alarm;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.Value;
import java.util.List;
import java.util.Optional;

/** Whether a metric of a live resource is watched by an alarm that does something. */
public final class FunctionAlarms {

  private FunctionAlarms() {}

  /** Judges every live function on one of its own {@code AWS/Lambda} metrics by function name. */
  public static void judgeEveryFunction(
      RuleContext ctx, Results out, String metric, String consequence) {
    for (LambdaFunction f : ctx.app().functions()) {
      if (LiveFacts.isLive(ctx.app(), f) && f.name().isPresent()) {
        String name = f.name().get();
        judge(
            ctx,
            out,
            f,
            Subject.of(f),
            "function " + name,
            "AWS/Lambda",
            metric,
            "FunctionName",
            name,
            consequence);
      }
    }
  }

  /**
   * PASS when an alarm with enabled actions watches {@code namespace}/{@code metric} with {@code
   * dimension}={@code value}; FAIL when none does (naming silent alarms); UNKNOWN when the region's
   * alarms could not be read.
   */
  public static void judge(
      RuleContext ctx,
      Results out,
      Resource resource,
      Subject subject,
      String what,
      String namespace,
      String metric,
      String dimension,
      String value,
      String consequence) {
    Optional<Value<List<Value<Ref>>>> unknown = LiveFacts.alarmsUnknown(ctx.app(), resource);
    if (unknown.isPresent()) {
      out.unknown(
          subject,
          unknown.get().origin(),
          "The alarms of " + what + " are " + unknown.get().describe());
      return;
    }
    List<Alarm> watching =
        LiveFacts.alarms(ctx.app(), resource).stream()
            .filter(a -> a.watches(namespace, metric, dimension, value))
            .toList();
    Optional<Alarm> acting = watching.stream().filter(Alarm::acts).findFirst();
    if (acting.isPresent()) {
      out.pass(
          subject,
          resource.origin(),
          "Alarm " + acting.get().id() + " watches " + metric + " of " + what);
    } else if (!watching.isEmpty()) {
      out.fail(
          subject,
          watching.get(0).origin(),
          "The "
              + metric
              + " alarm "
              + watching.get(0).id()
              + " of "
              + what
              + " notifies no one: it has no enabled actions");
    } else {
      out.fail(
          subject,
          resource.origin(),
          "No alarm watches " + metric + " of " + what + ": " + consequence);
    }
  }
}
