package dev.lambdasec.rules.support;

import dev.lambdasec.model.Value;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Wording of UNKNOWN verdicts: what cannot be read and why, so that a denied call names the missing
 * permission and an unresolved template expression names the expression.
 */
public final class Unreadable {

  private Unreadable() {}

  /** "{@code what} cannot be read (why)", the reason taken from the first unresolved value. */
  public static String message(String what, Value<?>... values) {
    for (Value<?> v : values) {
      if (v.isUnresolved()) {
        return message(what, v.reason());
      }
    }
    return message(what, (String) null);
  }

  /** "{@code what} cannot be read (reason)", or without the parenthesis when no reason is known. */
  public static String message(String what, @Nullable String reason) {
    return what
        + " cannot be read"
        + (Objects.requireNonNullElse(reason, "").isBlank() ? "" : " (" + reason + ")");
  }
}
