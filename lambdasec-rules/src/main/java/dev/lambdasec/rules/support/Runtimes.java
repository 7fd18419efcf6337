package dev.lambdasec.rules.support;

import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuntimeLifecycle;
import dev.lambdasec.model.LambdaFunction;
import java.util.Optional;

/** Looks up a function's runtime in the lifecycle table, reporting UNKNOWN when it cannot. */
public final class Runtimes {

  private Runtimes() {}

  /**
   * The lifecycle of the function's runtime; empty (after reporting UNKNOWN where due) when the
   * runtime is unresolved, absent (container images) or not in the table.
   */
  public static Optional<RuntimeLifecycle> lifecycle(
      RuleContext ctx, LambdaFunction f, Results out) {
    if (f.runtime().isUnresolved()) {
      out.unknown(
          f, f.runtime().origin(), "The runtime of " + f.id() + " is " + f.runtime().describe());
      return Optional.empty();
    }
    if (!f.runtime().isPresent()) {
      return Optional.empty();
    }
    Optional<RuntimeLifecycle> found = ctx.runtimes().find(f.runtime().get());
    if (found.isEmpty()) {
      out.unknown(
          f,
          f.runtime().origin(),
          "Runtime "
              + f.runtime().get()
              + " of "
              + f.id()
              + " is not in the runtime lifecycle data ("
              + ctx.runtimes().source()
              + ")");
    }
    return found;
  }

  /** "; move to X" or nothing. */
  public static String successor(RuntimeLifecycle life) {
    return life.successor() != null ? "; move to " + life.successor() : "";
  }
}
