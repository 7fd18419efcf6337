package dev.lambdasec.source.iac.parse;

/** Bounds that keep hostile documents from exhausting the stack or the heap. */
final class Limits {

  /** Deepest nesting of maps and lists accepted. */
  static final int MAX_DEPTH = 200;

  /** Most aliases to collections in one YAML document. */
  static final int MAX_ALIASES = 50;

  /** Most nodes one document may expand to, aliases included. */
  static final int MAX_NODES = 1_000_000;

  private Limits() {}
}
