package dev.lambdasec.source.aws.collect;

/**
 * Hears how a collection advances, for a progress bar. Called from many threads; implementations
 * must be thread-safe and cheap.
 */
public interface Progress {

  /** A silent listener. */
  Progress NONE = new Progress() {};

  /** Work on {@code service} started in an account and region ({@code region} may be global). */
  default void started(String account, String region, String service) {}

  /** {@code count} more functions were found. */
  default void functionsFound(int count) {}

  /** One more function has all its per-function facts. */
  default void functionDone() {}
}
