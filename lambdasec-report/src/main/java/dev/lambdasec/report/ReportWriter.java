package dev.lambdasec.report;

import dev.lambdasec.engine.Report;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Renders a {@link Report} in one format. Writers write UTF-8 to the stream they are given, never
 * close it and never touch {@code System.out} or the environment.
 */
public interface ReportWriter {

  void write(Report report, OutputStream out) throws IOException;
}
