package dev.lambdasec.report.console;

import static dev.lambdasec.report.console.Layout.WIDTH;
import static dev.lambdasec.report.console.Layout.cell;

import dev.lambdasec.engine.ChecklistEntry;
import dev.lambdasec.engine.ChecklistStatus;
import dev.lambdasec.engine.Finding;
import dev.lambdasec.engine.Report;
import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Status;
import dev.lambdasec.model.InputError;
import dev.lambdasec.report.ReportSummary;
import dev.lambdasec.report.ReportWriter;
import dev.lambdasec.report.WriterOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The console report: one block per checklist control in checklist order, then the input errors,
 * then one summary line. Lines are laid out for a 100-column terminal; colour is used only when the
 * options ask for it.
 */
public final class ConsoleReportWriter implements ReportWriter {

  private static final int STATUS_WIDTH = 9;
  private static final int CONTROL_WIDTH = 7;
  private static final int TAG_WIDTH = 9;
  private static final int RULE_WIDTH = 11;
  private static final String INDENT = "  ";
  private static final String DETAIL_INDENT = " ".repeat(INDENT.length() + TAG_WIDTH);

  private final WriterOptions options;
  private final Painter painter;

  public ConsoleReportWriter(WriterOptions options) {
    this.options = options;
    this.painter = new Painter(options.color());
  }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    for (String line : render(report)) {
      writer.write(line);
      writer.write('\n');
    }
    writer.flush();
  }

  private List<String> render(Report report) {
    Map<Control, List<Finding>> listed = byFirstControl(report.findings());
    List<String> lines = new ArrayList<>();
    boolean previousHadDetails = false;
    List<ChecklistEntry> entries =
        report.checklist().stream().sorted(Comparator.comparing(ChecklistEntry::control)).toList();
    for (ChecklistEntry entry : entries) {
      List<String> details =
          details(entry, listed.getOrDefault(entry.control(), List.of()), report.findings());
      if (!lines.isEmpty() && (previousHadDetails || !details.isEmpty())) {
        lines.add("");
      }
      lines.add(header(entry));
      lines.addAll(details);
      previousHadDetails = !details.isEmpty();
    }
    List<InputError> inputErrors = report.errors().stream().filter(e -> !e.isNote()).toList();
    if (!inputErrors.isEmpty()) {
      lines.add("");
      lines.add(painter.paint("Input errors", Style.BOLD));
      inputErrors.forEach(e -> lines.addAll(error(e)));
    }
    List<InputError> notes = report.errors().stream().filter(InputError::isNote).toList();
    if (!notes.isEmpty()) {
      lines.add("");
      lines.add(painter.paint("Notes (read, but not evaluated)", Style.BOLD));
      notes.forEach(e -> lines.addAll(error(e)));
    }
    if (!report.ruleErrors().isEmpty()) {
      lines.add("");
      lines.add(painter.paint("Internal errors (please report them)", Style.BOLD));
      report.ruleErrors().forEach(e -> lines.add("  " + painter.paint(e.message(), Style.RED)));
    }
    lines.add("");
    lines.add(summary(report));
    return lines;
  }

  /** Each finding under the first control its rule serves. */
  private static Map<Control, List<Finding>> byFirstControl(List<Finding> findings) {
    Map<Control, List<Finding>> grouped = new EnumMap<>(Control.class);
    for (Finding f : findings) {
      if (!f.controls().isEmpty()) {
        grouped.computeIfAbsent(f.controls().get(0), c -> new ArrayList<>()).add(f);
      }
    }
    return grouped;
  }

  private String header(ChecklistEntry entry) {
    String status = statusLabel(entry.status());
    String id = entry.control().name();
    String counts = " (" + counts(entry) + ")";
    int room =
        WIDTH
            - cell(status, STATUS_WIDTH).length()
            - cell(id, CONTROL_WIDTH).length()
            - counts.length();
    String title = Layout.truncate(entry.control().title(), room);
    return painter.paint(status, statusStyle(entry.status()))
        + cell(status, STATUS_WIDTH).substring(status.length())
        + painter.paint(id, Style.BOLD)
        + cell(id, CONTROL_WIDTH).substring(id.length())
        + title
        + painter.paint(counts, Style.DIM);
  }

  private static String counts(ChecklistEntry entry) {
    List<String> parts = new ArrayList<>();
    if (entry.failed() > 0) {
      parts.add(entry.failed() + " failed");
    }
    if (entry.passed() > 0) {
      parts.add(entry.passed() + " passed");
    }
    if (entry.unknown() > 0) {
      parts.add(entry.unknown() + " unknown");
    }
    return parts.isEmpty() ? "nothing to check" : String.join(", ", parts);
  }

  private List<String> details(ChecklistEntry entry, List<Finding> listed, List<Finding> all) {
    List<String> lines = new ArrayList<>();
    listed.stream()
        .filter(Finding::isActiveFailure)
        .sorted(Comparator.comparing(Finding::severity))
        .forEach(f -> lines.addAll(finding(f)));
    if (options.showPassed()) {
      listed.stream()
          .filter(f -> f.status() == Status.UNKNOWN && !f.isSuppressed())
          .forEach(f -> lines.addAll(finding(f)));
      listed.stream().filter(f -> f.status() == Status.PASS).forEach(f -> lines.addAll(finding(f)));
    } else if (entry.unknown() > 0) {
      lines.addAll(unknownCount(entry, all));
    }
    return lines;
  }

  private List<String> finding(Finding f) {
    String tag = f.status() == Status.FAIL ? f.severity().name() : f.status().name();
    String tagCell = cell(tag, TAG_WIDTH);
    String ruleCell = cell(f.ruleId(), RULE_WIDTH);
    String label = f.subject().label();
    String location = f.origin().display();
    int headWidth = INDENT.length() + tagCell.length() + ruleCell.length() + label.length();
    String head =
        INDENT
            + painter.paint(tag, tagStyle(f))
            + tagCell.substring(tag.length())
            + painter.paint(f.ruleId(), Style.BOLD)
            + ruleCell.substring(f.ruleId().length())
            + label;
    List<String> lines = new ArrayList<>();
    if (location.equals(f.subject().id())) {
      // a live resource: its id is already the ARN the location would repeat
      lines.add(head);
    } else if (headWidth + 2 + location.length() <= WIDTH) {
      lines.add(head + "  " + painter.paint(location, Style.DIM));
    } else {
      lines.add(head);
      lines.add(DETAIL_INDENT + painter.paint(location, Style.DIM));
    }
    for (String line : Layout.wrap(f.message(), WIDTH - DETAIL_INDENT.length())) {
      lines.add(DETAIL_INDENT + line);
    }
    return lines;
  }

  /** "UNKNOWN 2 results undecided: DEPS-001, SECRET-002", for every rule serving the control. */
  private List<String> unknownCount(ChecklistEntry entry, List<Finding> all) {
    TreeSet<String> rules = new TreeSet<>();
    all.stream()
        .filter(f -> f.status() == Status.UNKNOWN && f.controls().contains(entry.control()))
        .forEach(f -> rules.add(f.ruleId()));
    String text =
        entry.unknown()
            + (entry.unknown() == 1 ? " result" : " results")
            + " undecided: "
            + String.join(", ", rules);
    List<String> wrapped = Layout.wrap(text, WIDTH - DETAIL_INDENT.length());
    List<String> lines = new ArrayList<>();
    lines.add(
        INDENT
            + painter.paint("UNKNOWN", Style.YELLOW)
            + cell("UNKNOWN", TAG_WIDTH).substring("UNKNOWN".length())
            + wrapped.get(0));
    wrapped.stream().skip(1).forEach(line -> lines.add(DETAIL_INDENT + line));
    return lines;
  }

  /** "file:line: message", the message wrapped under the location when it does not fit. */
  private List<String> error(InputError e) {
    String where = (e.line() > 0 ? e.file() + ":" + e.line() : e.file()) + ":";
    String head = INDENT + painter.paint(where, Style.RED);
    if (INDENT.length() + where.length() + 1 + e.message().length() <= WIDTH) {
      return List.of(head + " " + e.message());
    }
    String continuation = INDENT + INDENT;
    List<String> lines = new ArrayList<>();
    lines.add(head);
    Layout.wrap(e.message(), WIDTH - continuation.length())
        .forEach(line -> lines.add(continuation + line));
    return lines;
  }

  private String summary(Report report) {
    ReportSummary s = ReportSummary.of(report);
    List<String> severities = new ArrayList<>();
    s.failedBySeverity()
        .forEach((severity, n) -> {
          if (n > 0) {
            severities.add(n + " " + severity.name().toLowerCase(Locale.ROOT));
          }
        });
    String failed = s.failed() + " failed";
    String results =
        painter.paint(failed, s.failed() > 0 ? Style.BOLD_RED : Style.GREEN)
            + (severities.isEmpty() ? "" : " (" + String.join(", ", severities) + ")")
            + ", "
            + s.passed()
            + " passed"
            + (s.unknown() > 0 ? ", " + painter.paint(s.unknown() + " unknown", Style.YELLOW) : "");
    StringBuilder controls =
        new StringBuilder()
            .append(s.controls(ChecklistStatus.MET))
            .append(" of ")
            .append(s.controlCount())
            .append(" controls met");
    if (s.controls(ChecklistStatus.NOT_MET) > 0) {
      controls.append(", ").append(s.controls(ChecklistStatus.NOT_MET)).append(" not met");
    }
    if (s.controls(ChecklistStatus.UNKNOWN) > 0) {
      controls.append(", ").append(s.controls(ChecklistStatus.UNKNOWN)).append(" unknown");
    }
    String line =
        painter.paint("lambdasec:", Style.BOLD)
            + " "
            + results
            + " · "
            + controls
            + " · "
            + Inventory.describe(report);
    if (s.errors() > 0) {
      line += " · " + painter.paint(Inventory.count(s.errors(), "error"), Style.RED);
    }
    if (s.suppressed() > 0) {
      line += " · " + s.suppressed() + " suppressed";
    }
    if (s.notes() > 0) {
      line += " · " + Inventory.count(s.notes(), "note");
    }
    return line;
  }

  private static String statusLabel(ChecklistStatus status) {
    return switch (status) {
      case MET -> "MET";
      case NOT_MET -> "NOT MET";
      case UNKNOWN -> "UNKNOWN";
      case NOT_APPLICABLE -> "N/A";
    };
  }

  private static Style statusStyle(ChecklistStatus status) {
    return switch (status) {
      case MET -> Style.GREEN;
      case NOT_MET -> Style.BOLD_RED;
      case UNKNOWN -> Style.YELLOW;
      case NOT_APPLICABLE -> Style.DIM;
    };
  }

  private static Style tagStyle(Finding f) {
    return switch (f.status()) {
      case PASS -> Style.GREEN;
      case UNKNOWN, NOT_APPLICABLE -> Style.YELLOW;
      case FAIL -> severityStyle(f.severity());
    };
  }

  private static Style severityStyle(Severity severity) {
    return switch (severity) {
      case CRITICAL -> Style.BOLD_RED;
      case HIGH -> Style.RED;
      case MEDIUM -> Style.YELLOW;
      case LOW -> Style.CYAN;
      case INFO -> Style.DIM;
    };
  }
}
