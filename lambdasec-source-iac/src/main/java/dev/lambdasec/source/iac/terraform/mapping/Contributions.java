package dev.lambdasec.source.iac.terraform.mapping;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Terraform resources that configure another resource of the model rather than one of their own
 * ({@code aws_iam_role_policy} configures its role, {@code aws_api_gateway_integration} its
 * method): an inline suppression written on them applies to what they configure.
 */
final class Contributions {

  private final Map<String, Set<String>> targets = new LinkedHashMap<>();

  void add(String from, String to) {
    targets.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
  }

  Set<String> of(String address) {
    return targets.getOrDefault(address, Set.of());
  }
}
