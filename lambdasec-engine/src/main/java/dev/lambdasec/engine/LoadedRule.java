package dev.lambdasec.engine;

import dev.lambdasec.engine.api.Rule;

/** A rule together with its validated metadata and documentation. */
public record LoadedRule(Rule rule, RuleDescriptor descriptor) {
  public String id() {
    return descriptor.id();
  }
}
