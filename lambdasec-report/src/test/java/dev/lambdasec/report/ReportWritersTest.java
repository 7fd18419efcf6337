package dev.lambdasec.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.engine.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportWritersTest {

  private final Report report = SampleReport.create();

  @ParameterizedTest
  @EnumSource(Format.class)
  void everyFormatWritesAndLeavesTheStreamOpen(Format format) throws IOException {
    CloseTrackingStream out = new CloseTrackingStream();

    ReportWriters.forFormat(format, new WriterOptions(false, false)).write(report, out);

    assertThat(out.closed).as("the caller owns the stream").isFalse();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n");
    switch (format) {
      case CONSOLE -> assertThat(text).contains("lambdasec: 6 failed");
      case JSON -> assertThat(text).startsWith("{").contains("\"checklist\": [");
      case SARIF -> assertThat(text).contains("\"version\": \"2.1.0\"");
    }
  }

  private static final class CloseTrackingStream extends ByteArrayOutputStream {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }
}
