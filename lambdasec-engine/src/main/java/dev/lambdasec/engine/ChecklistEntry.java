package dev.lambdasec.engine;

import dev.lambdasec.engine.api.Control;
import java.util.List;

/**
 * One checklist control filled in.
 *
 * @param suppressed failures and unknowns accepted by an inline suppression with a reason; they do
 *     not make the control NOT_MET
 * @param rules the ids of the rules that serve the control
 */
public record ChecklistEntry(
    Control control,
    ChecklistStatus status,
    int failed,
    int passed,
    int unknown,
    int suppressed,
    List<String> rules) {

  public ChecklistEntry {
    rules = List.copyOf(rules);
  }
}
