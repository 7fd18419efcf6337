package dev.lambdasec.engine.api;

import dev.lambdasec.model.SourceKind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Metadata of a rule. The id is the join key for its doc, fixtures, SARIF rule, history and
 * exceptions.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

  /** {@code <AREA>-<NNN>}, never reused. */
  String id();

  /** The secure condition, in sentence case ("Function URL requires IAM authentication"). */
  String title();

  Severity severity();

  Control[] controls();

  /** The sources this rule is proven on by fixtures. */
  SourceKind[] sources();
}
