package dev.lambdasec.iam;

import dev.lambdasec.model.Role;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Everything that shapes a role's identity-based permissions.
 *
 * @param identity inline and attached managed policies
 * @param boundary the permissions boundary, or {@code null}
 * @param gaps attachments lambdasec could not read; when non-empty, "not allowed" answers become
 *     unknown
 */
public record RolePolicies(
    Role role, List<AttachedPolicy> identity, @Nullable AttachedPolicy boundary, List<Gap> gaps) {

  public RolePolicies {
    identity = List.copyOf(identity);
    gaps = List.copyOf(gaps);
  }

  /** Every statement of the identity policies. */
  public Stream<Grant> grants() {
    return identity.stream()
        .flatMap(p -> p.policy().statements().stream().map(s -> new Grant(p, s)));
  }
}
