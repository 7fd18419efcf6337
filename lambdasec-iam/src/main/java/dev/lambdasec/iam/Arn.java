package dev.lambdasec.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The six fields of an ARN. Placeholders for values unknown before deployment ({@code
 * ${AWS::Region}}) may contain colons and stay whole.
 */
public record Arn(
    String partition, String service, String region, String account, String resource) {

  /**
   * Parses {@code arn:partition:service:region:account:resource}; empty when the text is no ARN.
   */
  public static Optional<Arn> parse(String text) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      }
      if (c == ':' && depth == 0 && fields.size() < 5) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    if (fields.size() != 6 || !fields.get(0).equals("arn")) {
      return Optional.empty();
    }
    return Optional.of(
        new Arn(fields.get(1), fields.get(2), fields.get(3), fields.get(4), fields.get(5)));
  }

  /** True when the field is a placeholder for a value known only at deployment. */
  /**
   * The account a deployed resource's ARN names: empty when the text is no ARN, or its account is
   * empty or a placeholder (a template's {@code ${AWS::AccountId}}).
   */
  public static Optional<String> literalAccount(String text) {
    return parse(text).map(Arn::account).filter(a -> !a.isEmpty() && !isPlaceholder(a));
  }

  public static boolean isPlaceholder(String field) {
    return field.startsWith("${") && field.endsWith("}");
  }
}
