package dev.lambdasec.report.json;

import dev.lambdasec.engine.Report;
import dev.lambdasec.report.JsonSupport;
import dev.lambdasec.report.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the JSON report: every finding (PASS, FAIL and UNKNOWN), the checklist and the input
 * errors. The document follows {@code report.schema.json}; fields are only ever added to it.
 */
public final class JsonReportWriter implements ReportWriter {

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    JsonSupport.write(JsonReport.of(report), out);
  }
}
