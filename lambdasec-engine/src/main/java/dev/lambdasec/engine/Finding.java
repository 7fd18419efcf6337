package dev.lambdasec.engine;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Status;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Suppression;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A rule verdict as reported: with its effective severity, its controls and a fingerprint that
 * survives edits to the file (no line numbers in it).
 */
public record Finding(
    String ruleId,
    String title,
    Status status,
    Severity severity,
    List<Control> controls,
    Subject subject,
    Origin origin,
    String message,
    String fingerprint,
    Map<String, String> evidence,
    @Nullable Suppression suppression) {

  public Finding {
    controls = List.copyOf(controls);
    evidence = Map.copyOf(evidence);
  }

  public boolean isSuppressed() {
    return suppression != null;
  }

  /** A failure that counts: FAIL and not suppressed. */
  public boolean isActiveFailure() {
    return status == Status.FAIL && suppression == null;
  }
}
