package dev.lambdasec.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A property value together with how it is known and where it came from.
 *
 * <p>{@link State#SET} means the source states the value. {@link State#DEFAULTED} means the source
 * is silent and the value is what AWS applies by default ({@code null} when AWS applies nothing,
 * such as no KMS key). {@link State#UNRESOLVED} means the source sets something lambdasec cannot
 * evaluate (an import, a parameter without a value, a Terraform value known only after apply);
 * rules report UNKNOWN for those.
 */
public record Value<T>(State state, @Nullable T value, Origin origin, @Nullable String reason) {

  /** How a value is known. */
  public enum State {
    SET,
    DEFAULTED,
    UNRESOLVED
  }

  public Value {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(origin, "origin");
    if (state == State.SET && value == null) {
      throw new IllegalArgumentException("a SET value needs a value");
    }
  }

  public static <T> Value<T> set(T value, Origin origin) {
    return new Value<>(State.SET, value, origin, null);
  }

  /** The source is silent; {@code value} is what AWS applies then, or {@code null} for nothing. */
  public static <T> Value<T> defaulted(@Nullable T value, Origin origin) {
    return new Value<>(State.DEFAULTED, value, origin, null);
  }

  /** The source is silent and AWS applies nothing. */
  public static <T> Value<T> absent(Origin origin) {
    return new Value<>(State.DEFAULTED, null, origin, null);
  }

  public static <T> Value<T> unresolved(Origin origin, String reason) {
    return new Value<>(State.UNRESOLVED, null, origin, reason);
  }

  public boolean isSet() {
    return state == State.SET;
  }

  public boolean isUnresolved() {
    return state == State.UNRESOLVED;
  }

  /** True when the value is known (SET or DEFAULTED) and not {@code null}. */
  public boolean isPresent() {
    return state != State.UNRESOLVED && value != null;
  }

  /**
   * True when the value is known to be nothing: the property is absent and AWS applies no default.
   */
  public boolean isAbsent() {
    return state != State.UNRESOLVED && value == null;
  }

  public Optional<T> known() {
    return state == State.UNRESOLVED ? Optional.empty() : Optional.ofNullable(value);
  }

  public T orElse(T fallback) {
    T v = value;
    return state != State.UNRESOLVED && v != null ? v : fallback;
  }

  /** The value; call only after {@link #isPresent()} returned true. */
  public T get() {
    T v = value;
    if (state == State.UNRESOLVED || v == null) {
      throw new IllegalStateException("value is not present: " + this);
    }
    return v;
  }

  public <U> Value<U> map(Function<? super T, ? extends U> mapper) {
    T v = value;
    if (state == State.UNRESOLVED || v == null) {
      return new Value<>(state, null, origin, reason);
    }
    return new Value<>(state, mapper.apply(v), origin, reason);
  }

  /**
   * Short human description of the state, for messages: the value, "unset" or "unresolved (why)".
   */
  public String describe() {
    return switch (state) {
      case SET -> String.valueOf(value);
      case DEFAULTED -> value == null ? "unset" : value + " (default)";
      case UNRESOLVED -> "unresolved" + (reason != null ? " (" + reason + ")" : "");
    };
  }
}
