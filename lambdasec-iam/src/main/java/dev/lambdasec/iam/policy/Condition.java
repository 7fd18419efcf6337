package dev.lambdasec.iam.policy;

import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Value;
import java.util.List;
import java.util.Locale;

/**
 * One condition key test: {@code "ForAnyValue:StringLikeIfExists": {"aws:SourceArn": [...]}} gives
 * operator {@code StringLike}, qualifier {@code FOR_ANY_VALUE}, ifExists true.
 *
 * @param operator the written operator, such as {@code ForAnyValue:StringLikeIfExists}
 * @param base the operator without set qualifier and {@code IfExists}, such as {@code StringLike}
 * @param key the condition key as written
 */
public record Condition(
    String operator,
    String base,
    SetQualifier qualifier,
    boolean ifExists,
    String key,
    List<Value<String>> values,
    Origin origin) {

  /** Multi-valued key qualifiers. */
  public enum SetQualifier {
    NONE,
    FOR_ALL_VALUES,
    FOR_ANY_VALUE
  }

  public Condition {
    values = List.copyOf(values);
  }

  /** The key in lower case, for case-insensitive comparisons as IAM does for key names. */
  public String normalizedKey() {
    return key.toLowerCase(Locale.ROOT);
  }

  /** Parses an operator name into a condition with the given key and values. */
  public static Condition of(
      String operator, String key, List<Value<String>> values, Origin origin) {
    String rest = operator;
    SetQualifier qualifier = SetQualifier.NONE;
    if (rest.startsWith("ForAllValues:")) {
      qualifier = SetQualifier.FOR_ALL_VALUES;
      rest = rest.substring("ForAllValues:".length());
    } else if (rest.startsWith("ForAnyValue:")) {
      qualifier = SetQualifier.FOR_ANY_VALUE;
      rest = rest.substring("ForAnyValue:".length());
    }
    boolean ifExists = rest.endsWith("IfExists");
    if (ifExists) {
      rest = rest.substring(0, rest.length() - "IfExists".length());
    }
    return new Condition(operator, rest, qualifier, ifExists, key, values, origin);
  }
}
