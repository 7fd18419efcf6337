package dev.lambdasec.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.engine.ChecklistStatus;
import dev.lambdasec.engine.api.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportSummaryTest {

  @Test
  void countsResultsSeveritiesControlsAndErrors() {
    ReportSummary s = ReportSummary.of(SampleReport.create());

    assertThat(s.failed()).isEqualTo(6);
    assertThat(s.passed()).isEqualTo(7);
    assertThat(s.unknown()).isEqualTo(2);
    assertThat(s.failedBySeverity())
        .containsExactly(
            Map.entry(Severity.CRITICAL, 1),
            Map.entry(Severity.HIGH, 3),
            Map.entry(Severity.MEDIUM, 1),
            Map.entry(Severity.LOW, 1),
            Map.entry(Severity.INFO, 0));
    assertThat(s.controls(ChecklistStatus.MET)).isEqualTo(1);
    assertThat(s.controls(ChecklistStatus.NOT_MET)).isEqualTo(5);
    assertThat(s.controls(ChecklistStatus.UNKNOWN)).isEqualTo(2);
    assertThat(s.controls(ChecklistStatus.NOT_APPLICABLE)).isEqualTo(4);
    assertThat(s.controlCount()).isEqualTo(12);
    assertThat(s.errors()).as("one input error and one rule error").isEqualTo(2);
  }
}
