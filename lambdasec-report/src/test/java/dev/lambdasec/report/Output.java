package dev.lambdasec.report;

import dev.lambdasec.engine.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Runs a writer into memory. */
public final class Output {

  private Output() {}

  public static String of(ReportWriter writer, Report report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
