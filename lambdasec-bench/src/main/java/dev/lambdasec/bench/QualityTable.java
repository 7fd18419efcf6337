package dev.lambdasec.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prints the quality figures: per category, per label file, overall, then every miss. */
final class QualityTable {

  private QualityTable() {}

  /** Counts for one group of labels. */
  record Tally(int failRows, int found, int passRows, int flagged) {
    Tally plus(Outcome o) {
      boolean fail = o.label().expectFail();
      return new Tally(
          failRows + (fail ? 1 : 0),
          found + (fail && o.hit() ? 1 : 0),
          passRows + (fail ? 0 : 1),
          flagged + (!fail && o.hit() ? 1 : 0));
    }

    String recall() {
      return failRows == 0 ? "-" : Math.round(100.0 * found / failRows) + "%";
    }
  }

  static Tally tally(List<Outcome> outcomes) {
    Tally t = new Tally(0, 0, 0, 0);
    for (Outcome o : outcomes) {
      t = t.plus(o);
    }
    return t;
  }

  static void print(PrintWriter out, Corpus corpus, List<Outcome> outcomes) {
    List<Outcome> covered = outcomes.stream().filter(Outcome::covered).toList();
    out.printf(
        "Labelled rows scored: %d (%d in categories lambdasec covers); stale peer labels inverted: %d%n%n",
        outcomes.size(), covered.size(), corpus.staleRows());
    out.printf(
        "%-40s %9s %6s %7s %9s %8s%n",
        "category", "FAIL rows", "found", "recall", "PASS rows", "flagged");
    Map<String, Tally> byCategory = new TreeMap<>();
    for (Outcome o : covered) {
      byCategory.merge(o.label().category(), new Tally(0, 0, 0, 0).plus(o), QualityTable::sum);
    }
    byCategory.forEach((c, t) -> row(out, c, t));
    out.println();
    Map<String, Tally> byOrigin = new TreeMap<>();
    for (Outcome o : covered) {
      byOrigin.merge(
          "covered, from " + o.label().origin(), new Tally(0, 0, 0, 0).plus(o), QualityTable::sum);
    }
    byOrigin.forEach((c, t) -> row(out, c, t));
    Map<String, Tally> byFormat = new TreeMap<>();
    for (Outcome o : covered) {
      byFormat.merge(
          "covered, " + format(o.label().file()), new Tally(0, 0, 0, 0).plus(o), QualityTable::sum);
    }
    byFormat.forEach((c, t) -> row(out, c, t));
    row(out, "OVERALL (covered categories)", tally(covered));
    row(out, "all labelled rows, incl. not covered", tally(outcomes));
    Map<String, Integer> notCovered = new TreeMap<>();
    outcomes.stream()
        .filter(o -> !o.covered() && o.label().expectFail())
        .forEach(o -> notCovered.merge(o.label().category(), 1, Integer::sum));
    if (!notCovered.isEmpty()) {
      out.println();
      out.println("Not covered by any rule (FAIL rows): " + notCovered);
    }
    out.println();
    out.println("Missed (FAIL rows in covered categories that were not reported):");
    covered.stream().filter(o -> o.label().expectFail() && !o.hit()).forEach(o -> detail(out, o));
    out.println();
    out.println("Wrongly flagged (PASS rows that were reported):");
    covered.stream().filter(o -> !o.label().expectFail() && o.hit()).forEach(o -> detail(out, o));
  }

  /** The source format a labelled file is written in, by its name. */
  static String format(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    if (name.endsWith(".tf") || name.endsWith(".tfvars") || file.contains("/terraform/")) {
      return "Terraform";
    }
    if (name.startsWith("serverless.")) {
      return "Serverless Framework";
    }
    if (name.endsWith(".py")
        || name.endsWith(".js")
        || name.endsWith(".go")
        || name.equals("package.json")
        || name.equals("METADATA")) {
      return "code and packages";
    }
    return "CloudFormation/SAM";
  }

  private static void row(PrintWriter out, String name, Tally t) {
    out.printf(
        "%-40s %9d %6d %7s %9d %8d%n",
        name, t.failRows(), t.found(), t.recall(), t.passRows(), t.flagged());
  }

  private static Tally sum(Tally a, Tally b) {
    return new Tally(
        a.failRows() + b.failRows(),
        a.found() + b.found(),
        a.passRows() + b.passRows(),
        a.flagged() + b.flagged());
  }

  private static void detail(PrintWriter out, Outcome o) {
    out.printf(
        "  %s | %s | %s%n      reported: %s%n",
        o.label().file(),
        o.label().resource(),
        o.label().category(),
        o.evidence().isEmpty() ? "nothing on this resource" : String.join("; ", o.evidence()));
  }
}
