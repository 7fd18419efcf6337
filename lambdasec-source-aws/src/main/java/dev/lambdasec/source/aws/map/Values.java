package dev.lambdasec.source.aws.map;

import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Value;
import org.jspecify.annotations.Nullable;

/** Live values: a collected fact is SET at the resource's ARN; a missing one is absent. */
final class Values {

  private Values() {}

  static Origin at(String arn, String path) {
    return Origin.ofResource(arn).withPath(path);
  }

  static <T> Value<T> of(@Nullable T value, Origin origin) {
    return value == null ? Value.absent(origin) : Value.set(value, origin);
  }

  static <T> Value<T> orDefault(@Nullable T value, T fallback, Origin origin) {
    return value == null ? Value.defaulted(fallback, origin) : Value.set(value, origin);
  }
}
