package dev.lambdasec.engine.api;

import java.util.Map;
import java.util.Optional;

/**
 * The Lambda runtime lifecycle table.
 *
 * @param runtimes lifecycle by runtime id
 * @param source where the table came from, for messages and docs
 */
public record RuntimeCatalog(Map<String, RuntimeLifecycle> runtimes, String source) {

  public RuntimeCatalog {
    runtimes = Map.copyOf(runtimes);
  }

  public Optional<RuntimeLifecycle> find(String runtimeId) {
    return Optional.ofNullable(runtimes.get(runtimeId));
  }
}
