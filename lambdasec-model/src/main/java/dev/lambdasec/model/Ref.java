package dev.lambdasec.model;

import org.jspecify.annotations.Nullable;

/**
 * A pointer from one resource to another. {@code key} is set when the target is a resource of the
 * same application (resolved by the adapter); {@code literal} holds what the source wrote when it
 * is an ARN or a name, such as {@code arn:aws:iam::aws:policy/AdministratorAccess} or a role ARN
 * from another stack.
 */
public record Ref(@Nullable ResourceKey key, @Nullable String literal) {

  public Ref {
    if (key == null && literal == null) {
      throw new IllegalArgumentException("a Ref needs a key or a literal");
    }
  }

  public static Ref to(ResourceKey key) {
    return new Ref(key, null);
  }

  public static Ref literal(String arnOrName) {
    return new Ref(null, arnOrName);
  }

  /** The key when resolved, else the literal; for messages and grouping. */
  public String display() {
    ResourceKey k = key;
    if (k != null) {
      return k.id();
    }
    return String.valueOf(literal);
  }
}
