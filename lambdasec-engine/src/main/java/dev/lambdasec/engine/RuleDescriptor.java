package dev.lambdasec.engine;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.SourceKind;
import java.util.List;

/**
 * A rule's metadata and documentation, for listings, SARIF rule descriptors and generated docs.
 *
 * @param doc the rule's markdown document (Rationale, Remediation, References)
 */
public record RuleDescriptor(
    String id,
    String title,
    Severity severity,
    List<Control> controls,
    List<SourceKind> sources,
    String doc) {

  public RuleDescriptor {
    controls = List.copyOf(controls);
    sources = List.copyOf(sources);
  }

  /** The doc's first paragraph under "Rationale", for short help texts. */
  public String summary() {
    String[] lines = doc.split("\n", -1);
    StringBuilder out = new StringBuilder();
    boolean inRationale = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        if (inRationale) {
          break;
        }
        inRationale = line.substring(3).trim().equalsIgnoreCase("Rationale");
        continue;
      }
      if (inRationale) {
        if (line.isBlank()) {
          if (!out.isEmpty()) {
            break;
          }
        } else {
          out.append(out.isEmpty() ? "" : " ").append(line.trim());
        }
      }
    }
    return out.isEmpty() ? title : out.toString();
  }
}
