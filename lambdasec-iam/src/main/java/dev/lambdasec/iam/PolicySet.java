package dev.lambdasec.iam;

import dev.lambdasec.model.Resource;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Policies that together shape one set of identity-based permissions: a principal's (role, user,
 * group) inline and attached managed policies with its permissions boundary, or the statements one
 * resource holds (a customer managed policy on its own).
 *
 * @param holder the principal or policy resource
 * @param identity inline and attached managed policies
 * @param boundary the permissions boundary, or {@code null}
 * @param gaps attachments lambdasec could not read; when non-empty, "not allowed" answers become
 *     unknown
 */
public record PolicySet(
    Resource holder,
    List<AttachedPolicy> identity,
    @Nullable AttachedPolicy boundary,
    List<Gap> gaps) {

  public PolicySet {
    identity = List.copyOf(identity);
    gaps = List.copyOf(gaps);
  }

  /** Every statement of the identity policies. */
  public Stream<Grant> grants() {
    return identity.stream()
        .flatMap(p -> p.policy().statements().stream().map(s -> new Grant(p, s)));
  }
}
