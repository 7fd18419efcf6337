package dev.lambdasec.bench;

import java.util.List;

/**
 * How lambdasec did on one label.
 *
 * @param hit for a FAIL label, whether it was reported; for a PASS label, whether it was (wrongly)
 *     reported
 * @param covered whether some rule serves the label's category at all
 * @param evidence what lambdasec reported on that file and resource, for the miss lists
 */
public record Outcome(Label label, boolean hit, boolean covered, List<String> evidence) {

  public Outcome {
    evidence = List.copyOf(evidence);
  }

  /** A FAIL label found, or a PASS label left alone. */
  public boolean correct() {
    return label.expectFail() == hit;
  }
}
