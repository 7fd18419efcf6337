package dev.lambdasec.report;

import dev.lambdasec.report.console.ConsoleReportWriter;
import dev.lambdasec.report.json.JsonReportWriter;
import dev.lambdasec.report.sarif.SarifReportWriter;

/** Creates the writer for a format. */
public final class ReportWriters {

  private ReportWriters() {}

  public static ReportWriter forFormat(Format format, WriterOptions options) {
    return switch (format) {
      case CONSOLE -> new ConsoleReportWriter(options);
      case JSON -> new JsonReportWriter();
      case SARIF -> new SarifReportWriter(options);
    };
  }
}
