package dev.lambdasec.source.aws.map;

import dev.lambdasec.model.ResourceKey;
import org.jspecify.annotations.Nullable;

/**
 * Resource key scopes of the live source: {@code aws:<account>} for global resources (IAM) and the
 * account-level view, {@code aws:<account>:<region>} for regional ones.
 */
final class Scopes {

  private Scopes() {}

  static String account(String account) {
    return "aws:" + account;
  }

  static String region(String account, String region) {
    return "aws:" + account + ":" + region;
  }

  static ResourceKey key(String scope, String id) {
    return new ResourceKey(scope, id);
  }

  /** Where a gap is shown in the report's errors: the scope, or {@code aws} for the collection. */
  static String display(@Nullable String account, @Nullable String region) {
    if (account == null) {
      return "aws";
    }
    return region == null ? account(account) : region(account, region);
  }
}
