package dev.lambdasec.engine.api;

/**
 * A check over the model. Implementations are final, stateless and annotated with {@link RuleInfo}.
 */
public interface Rule {

  /** Reports a verdict to {@code out} for every resource the rule concerns. */
  void evaluate(RuleContext context, Results out);
}
