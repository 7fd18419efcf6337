package dev.lambdasec.iam.catalog;

import java.util.List;

/**
 * One IAM action.
 *
 * @param index the action's position in its catalog, for {@link ActionSet}s
 * @param service the service prefix, such as {@code s3}
 * @param name the action name as AWS spells it, such as {@code GetObject}
 * @param resourceTypes the resource types the action can be scoped to; empty when the action only
 *     works with {@code "Resource": "*"}
 */
public record ActionInfo(
    int index, String service, String name, AccessLevel access, List<String> resourceTypes) {

  public ActionInfo {
    resourceTypes = List.copyOf(resourceTypes);
  }

  /** {@code service:Name}. */
  public String fullName() {
    return service + ":" + name;
  }

  /** True when a policy can name specific resources for this action. */
  public boolean supportsResourceScoping() {
    return !resourceTypes.isEmpty();
  }
}
