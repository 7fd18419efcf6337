package dev.lambdasec.iam.risk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A privilege-escalation method: a set of actions that, all granted on resources that reach another
 * principal, let a principal gain that principal's permissions.
 *
 * @param id {@code PE-nnn} in {@code privesc.json}
 * @param category pathfinding.cloud's category ({@code new-passrole}, {@code existing-passrole},
 *     {@code principal-access}, {@code self-escalation}), or {@code null}
 * @param requiredActions the actions (or action patterns, every action of which is needed)
 * @param url a write-up of the method, or {@code null}
 */
public record PrivescMethod(
    String id,
    String name,
    @Nullable String category,
    List<String> requiredActions,
    boolean lambdaRelevant,
    @Nullable String url) {

  public PrivescMethod {
    requiredActions = List.copyOf(requiredActions);
  }

  /** {@code PE-011 PassExistingRoleToNewLambdaThenInvoke}. */
  public String label() {
    return id + " " + name;
  }
}
