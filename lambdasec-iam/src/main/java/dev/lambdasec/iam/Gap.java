package dev.lambdasec.iam;

import dev.lambdasec.model.Origin;

/**
 * A part of a role's permissions that lambdasec cannot see (an imported policy, an unknown ARN).
 */
public record Gap(String reason, Origin origin) {}
