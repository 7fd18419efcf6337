package dev.lambdasec.iam.policy;

import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Value;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One condition key test: {@code "ForAnyValue:StringLikeIfExists": {"aws:SourceArn": [...]}} gives
 * base {@code StringLike}, qualifier {@code FOR_ANY_VALUE}, ifExists true.
 *
 * @param operator the written operator, such as {@code ForAnyValue:StringLikeIfExists}
 * @param base the operator without set qualifier and {@code IfExists}, such as {@code StringLike}
 * @param op the operator {@code base} names (ignoring letter case), or {@code null} when it names
 *     none
 * @param key the condition key as written
 */
public record Condition(
    String operator,
    String base,
    @Nullable Operator op,
    SetQualifier qualifier,
    boolean ifExists,
    String key,
    List<Value<String>> values,
    Origin origin) {

  /** Multi-valued key qualifiers. */
  public enum SetQualifier {
    NONE(""),
    FOR_ALL_VALUES("ForAllValues:"),
    FOR_ANY_VALUE("ForAnyValue:");

    private final String prefix;

    SetQualifier(String prefix) {
      this.prefix = prefix;
    }

    /** The prefix as written before the operator, empty for none. */
    public String prefix() {
      return prefix;
    }
  }

  public Condition {
    values = List.copyOf(values);
  }

  /** The key in lower case, for case-insensitive comparisons as IAM does for key names. */
  public String normalizedKey() {
    return key.toLowerCase(Locale.ROOT);
  }

  /** True when the operator is one IAM knows. */
  public boolean knownOperator() {
    return op != null;
  }

  public boolean hasUnresolved() {
    return values.stream().anyMatch(Value::isUnresolved);
  }

  /** The known values. */
  public List<String> known() {
    return values.stream().flatMap(v -> v.known().stream()).toList();
  }

  /** Parses an operator name into a condition with the given key and values. */
  public static Condition of(
      String operator, String key, List<Value<String>> values, Origin origin) {
    String rest = operator;
    SetQualifier qualifier = SetQualifier.NONE;
    if (rest.startsWith(SetQualifier.FOR_ALL_VALUES.prefix())) {
      qualifier = SetQualifier.FOR_ALL_VALUES;
      rest = rest.substring(SetQualifier.FOR_ALL_VALUES.prefix().length());
    } else if (rest.startsWith(SetQualifier.FOR_ANY_VALUE.prefix())) {
      qualifier = SetQualifier.FOR_ANY_VALUE;
      rest = rest.substring(SetQualifier.FOR_ANY_VALUE.prefix().length());
    }
    boolean ifExists = rest.endsWith("IfExists");
    if (ifExists) {
      rest = rest.substring(0, rest.length() - "IfExists".length());
    }
    Operator op = Operator.parseIgnoringCase(rest).orElse(null);
    return new Condition(operator, rest, op, qualifier, ifExists, key, values, origin);
  }
}
