package dev.lambdasec.iam.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The condition operators of the IAM policy language, without the {@code ForAllValues:}/{@code
 * ForAnyValue:} qualifier and the {@code IfExists} suffix.
 */
public enum Operator {
  STRING_EQUALS("StringEquals", Family.STRING, false),
  STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true),
  STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, false),
  STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, true),
  STRING_LIKE("StringLike", Family.STRING, false),
  STRING_NOT_LIKE("StringNotLike", Family.STRING, true),
  NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, false),
  NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, true),
  NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, false),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, false),
  NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, false),
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, false),
  DATE_EQUALS("DateEquals", Family.DATE, false),
  DATE_NOT_EQUALS("DateNotEquals", Family.DATE, true),
  DATE_LESS_THAN("DateLessThan", Family.DATE, false),
  DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, false),
  DATE_GREATER_THAN("DateGreaterThan", Family.DATE, false),
  DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, false),
  BOOL("Bool", Family.BOOL, false),
  BINARY_EQUALS("BinaryEquals", Family.BINARY, false),
  IP_ADDRESS("IpAddress", Family.IP_ADDRESS, false),
  NOT_IP_ADDRESS("NotIpAddress", Family.IP_ADDRESS, true),
  ARN_EQUALS("ArnEquals", Family.ARN, false),
  ARN_LIKE("ArnLike", Family.ARN, false),
  ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, true),
  ARN_NOT_LIKE("ArnNotLike", Family.ARN, true),
  NULL("Null", Family.NULL, false);

  /** Operator families, which decide how values are compared and which values are legal. */
  public enum Family {
    STRING,
    NUMERIC,
    DATE,
    BOOL,
    BINARY,
    IP_ADDRESS,
    ARN,
    NULL
  }

  private static final Map<String, Operator> BY_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(o -> o.text, Function.identity()));
  private static final Map<String, Operator> BY_LOWER_NAME =
      Arrays.stream(values())
          .collect(
              Collectors.toUnmodifiableMap(
                  o -> o.text.toLowerCase(Locale.ROOT), Function.identity()));

  private final String text;
  private final Family family;
  private final boolean negated;

  Operator(String text, Family family, boolean negated) {
    this.text = text;
    this.family = family;
    this.negated = negated;
  }

  /** The operator as AWS spells it, such as {@code StringLike}. */
  public String text() {
    return text;
  }

  public Family family() {
    return family;
  }

  /**
   * True for the negated operators ({@code StringNotEquals}, {@code NotIpAddress}…), which match
   * when the request value matches none of the policy values.
   */
  public boolean negated() {
    return negated;
  }

  /** True for the operators that treat {@code *} and {@code ?} in policy values as wildcards. */
  public boolean wildcards() {
    return this == STRING_LIKE || this == STRING_NOT_LIKE || family == Family.ARN;
  }

  /** The operator written exactly so; IAM matches operator names case-sensitively. */
  public static Optional<Operator> parse(String text) {
    return Optional.ofNullable(BY_NAME.get(text));
  }

  /** The operator whose name differs from {@code text} only in letter case, for messages. */
  public static Optional<Operator> parseIgnoringCase(String text) {
    return Optional.ofNullable(BY_LOWER_NAME.get(text.toLowerCase(Locale.ROOT)));
  }
}
