package dev.lambdasec.engine;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.model.SourceKind;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders {@code docs/rules.md}: the rule index, the checklist coverage and every rule's document.
 */
public final class RuleCatalogDoc {

  private RuleCatalogDoc() {}

  public static String markdown(RuleSet rules) {
    StringBuilder md = new StringBuilder();
    md.append("# lambdasec rules\n\n")
        .append("Generated from the rules' `@RuleInfo` and their documents; do not edit by hand.")
        .append(
            " Regenerate with `./mvnw -q -pl lambdasec-rules -am test -Dgolden.update=true`.\n\n")
        .append(rules.rules().size())
        .append(" rules.\n\n")
        .append("| Id | Rule | Severity | Controls | Sources |\n")
        .append("|---|---|---|---|---|\n");
    for (RuleDescriptor r : rules.descriptors()) {
      md.append("| [")
          .append(r.id())
          .append("](#")
          .append(r.id().toLowerCase(java.util.Locale.ROOT))
          .append(") | ")
          .append(r.title())
          .append(" | ")
          .append(r.severity())
          .append(" | ")
          .append(r.controls().stream().map(Enum::name).collect(Collectors.joining(", ")))
          .append(" | ")
          .append(r.sources().stream().map(SourceKind::title).collect(Collectors.joining(", ")))
          .append(" |\n");
    }
    md.append("\n## Checklist coverage\n\n| Control | Title | Rules |\n|---|---|---|\n");
    for (Control c : Control.values()) {
      List<String> serving =
          rules.descriptors().stream()
              .filter(r -> r.controls().contains(c))
              .map(RuleDescriptor::id)
              .toList();
      md.append("| ")
          .append(c.name())
          .append(" | ")
          .append(c.title())
          .append(" | ")
          .append(serving.isEmpty() ? "—" : String.join(", ", serving))
          .append(" |\n");
    }
    for (RuleDescriptor r : rules.descriptors()) {
      md.append("\n---\n\n<a id=\"")
          .append(r.id().toLowerCase(java.util.Locale.ROOT))
          .append("\"></a>\n\n")
          .append(shiftHeadings(r.doc().strip()))
          .append("\n");
    }
    return md.toString();
  }

  /** Rule documents start at {@code #}; inside the catalog they sit one level lower. */
  private static String shiftHeadings(String doc) {
    StringBuilder out = new StringBuilder();
    boolean code = false;
    for (String line : doc.split("\n", -1)) {
      if (line.startsWith("```")) {
        code = !code;
      }
      out.append(!code && line.startsWith("#") ? "#" + line : line).append('\n');
    }
    return out.toString().stripTrailing();
  }
}
