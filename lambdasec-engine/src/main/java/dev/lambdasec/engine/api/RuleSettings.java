package dev.lambdasec.engine.api;

import java.util.List;

/**
 * Knobs some rules read; the defaults match the checklist and can be changed from the CLI or policy
 * file.
 *
 * @param classificationTagKeys tag keys that classify an asset (any one of them is enough)
 * @param minimumAvailabilityZones the number of availability zones a VPC function should span
 * @param runtimeWarningDays how many days before a runtime's deprecation date it is reported as
 *     soon deprecated
 * @param trustedAccounts account ids whose layers are trusted besides the application's own
 */
public record RuleSettings(
    List<String> classificationTagKeys,
    int minimumAvailabilityZones,
    int runtimeWarningDays,
    List<String> trustedAccounts) {

  public RuleSettings {
    classificationTagKeys = List.copyOf(classificationTagKeys);
    trustedAccounts = List.copyOf(trustedAccounts);
  }

  public static RuleSettings defaults() {
    return new RuleSettings(List.of("data-classification", "asset-class"), 2, 180, List.of());
  }
}
