package dev.lambdasec.model;

import org.jspecify.annotations.Nullable;

/**
 * An inline suppression written in a source: CloudFormation {@code Metadata: {lambdasec: {skip:
 * [{id, reason}]}}} or a {@code # lambdasec:ignore RULE-ID reason} comment in YAML or HCL.
 *
 * @param ruleId the rule it silences, such as {@code LAMBDA-001}
 * @param target the resource it applies to; it also covers resources that resource generated (a SAM
 *     function's role and URL)
 * @param reason why the finding is accepted; {@code null} or blank when the author gave none, in
 *     which case the suppression does not apply and is reported itself
 * @param origin where the suppression is written
 */
public record Suppression(
    String ruleId, ResourceKey target, @Nullable String reason, Origin origin) {

  public boolean hasReason() {
    return reason != null && !reason.isBlank();
  }
}
