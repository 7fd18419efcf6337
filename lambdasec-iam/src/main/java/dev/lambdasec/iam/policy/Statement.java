package dev.lambdasec.iam.policy;

import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Value;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One policy statement. Exactly one of {@code action}/{@code notAction} and at most one of {@code
 * resource}/{@code notResource} and {@code principal}/{@code notPrincipal} are present in a valid
 * statement; the parser reports violations as {@link PolicyIssue}s and keeps what it can.
 *
 * @param index the statement's position in its policy, for labels
 * @param effect ALLOW or DENY; UNRESOLVED when the source does not say something lambdasec can read
 */
public record Statement(
    int index,
    @Nullable String sid,
    Value<Effect> effect,
    @Nullable Principals principal,
    @Nullable Principals notPrincipal,
    Element action,
    Element notAction,
    Element resource,
    Element notResource,
    List<Condition> conditions,
    Origin origin) {

  public Statement {
    conditions = List.copyOf(conditions);
  }

  public boolean isAllow() {
    return effect.known().filter(e -> e == Effect.ALLOW).isPresent();
  }

  public boolean isDeny() {
    return effect.known().filter(e -> e == Effect.DENY).isPresent();
  }

  /** {@code Sid} when present, else {@code #<index>}. */
  public String label() {
    return sid != null && !sid.isBlank() ? sid : "#" + index;
  }

  /** True when every resource is covered: {@code Resource: "*"} (and no other entry narrows it). */
  public boolean appliesToAllResources() {
    return resource.present() && resource.contains("*");
  }
}
