package dev.lambdasec.source.iac.cfn;

/**
 * How many nodes evaluating and expanding one template may create. Parameters, mappings and {@code
 * Globals} are copied wherever they are used, so a small hostile template could otherwise grow
 * without bound.
 */
public final class NodeBudget {

  /** Nodes one template may grow to; real templates stay far below. */
  public static final long DEFAULT_LIMIT = 4_000_000;

  private long left;

  public NodeBudget(long limit) {
    this.left = limit;
  }

  /**
   * Takes {@code nodes} from the budget.
   *
   * @throws TemplateTooLargeException when the budget is spent
   */
  public void charge(long nodes) {
    left -= nodes;
    if (left < 0) {
      throw new TemplateTooLargeException();
    }
  }

  /** Thrown when a template expands beyond its budget; the reader reports it as an input error. */
  public static final class TemplateTooLargeException extends RuntimeException {
    TemplateTooLargeException() {
      super("template expands to more than " + DEFAULT_LIMIT + " nodes", null, false, false);
    }
  }
}
