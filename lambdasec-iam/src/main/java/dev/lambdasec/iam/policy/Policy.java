package dev.lambdasec.iam.policy;

import dev.lambdasec.model.Origin;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed policy.
 *
 * @param name the inline policy name, managed policy name or a fixed label
 * @param version the {@code Version} as written, or {@code null} when absent or not a string
 * @param id the {@code Id} as written, or {@code null}
 * @param unresolvedReason why the whole document could not be read, or {@code null}
 */
public record Policy(
    String name,
    @Nullable String version,
    @Nullable String id,
    List<Statement> statements,
    List<PolicyIssue> issues,
    Origin origin,
    @Nullable String unresolvedReason) {

  public Policy {
    statements = List.copyOf(statements);
    issues = List.copyOf(issues);
  }

  public boolean isResolved() {
    return unresolvedReason == null;
  }
}
