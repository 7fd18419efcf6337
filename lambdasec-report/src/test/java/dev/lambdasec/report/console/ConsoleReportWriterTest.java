package dev.lambdasec.report.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.engine.Report;
import dev.lambdasec.report.Output;
import dev.lambdasec.report.SampleReport;
import dev.lambdasec.report.WriterOptions;
import dev.lambdasec.testkit.Golden;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsoleReportWriterTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final String ESC = "\u001B[";
  private static final Pattern HEADER = Pattern.compile("(?:MET|NOT MET|UNKNOWN|N/A) +([A-Z]+) .*");

  private final Report report = SampleReport.create();

  private String render(boolean color, boolean showPassed) {
    return Output.of(new ConsoleReportWriter(new WriterOptions(color, showPassed)), report);
  }

  @Test
  void matchesTheGoldenReport() {
    Golden.assertMatches(GOLDEN.resolve("console.txt"), render(false, false));
  }

  @Test
  void matchesTheGoldenReportWithPassedResults() {
    Golden.assertMatches(GOLDEN.resolve("console-show-passed.txt"), render(false, true));
  }

  @Test
  void usesNoEscapeSequencesWithoutColour() {
    assertThat(render(false, false)).doesNotContain(ESC);
    assertThat(render(false, true)).doesNotContain(ESC);
  }

  @Test
  void colourOnlyAddsEscapeSequences() {
    String colored = render(true, true);

    assertThat(colored).contains(ESC + "1;31mNOT MET" + ESC + "0m");
    assertThat(colored).contains(ESC + "1;31mCRITICAL" + ESC + "0m");
    assertThat(colored).contains(ESC + "32mPASS" + ESC + "0m");
    assertThat(colored.replaceAll("\u001B\\[[0-9;]*m", "")).isEqualTo(render(false, true));
  }

  @Test
  void keepsEveryLineButTheSummaryWithinOneHundredColumns() {
    List<String> lines = render(false, true).lines().toList();

    assertThat(lines.subList(0, lines.size() - 1))
        .allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(100));
  }

  @Test
  void endsWithOneSummaryLine() {
    List<String> lines = render(false, false).lines().toList();

    assertThat(lines.get(lines.size() - 1))
        .isEqualTo(
            "lambdasec: 6 failed (1 critical, 3 high, 1 medium, 1 low), 7 passed, 2 unknown"
                + " · 1 of 12 controls met, 5 not met, 2 unknown"
                + " · 2 templates, 1 Terraform configuration, 1 account region, 5 functions"
                + " · 2 errors · 1 suppressed · 1 note");
    assertThat(lines.stream().filter(l -> l.startsWith("lambdasec:"))).hasSize(1);
  }

  @Test
  void listsAFindingOfSeveralControlsUnderItsFirstControlOnly() {
    String text = render(false, false);

    assertThat(text.split("ENC-001", -1)).hasSize(2);
    assertThat(block(text, "ENC")).contains("ENC-001");
    assertThat(block(text, "SECRET")).doesNotContain("ENC-001").contains("SECRET-001");
  }

  @Test
  void listsFailuresMostSevereFirst() {
    String lp = block(render(false, false), "LP");

    assertThat(lp.indexOf("HIGH")).isLessThan(lp.indexOf("MEDIUM"));
  }

  @Test
  void countsUnknownResultsWithTheirRulesUnlessPassedResultsAreShown() {
    String plain = render(false, false);
    String all = render(false, true);

    assertThat(block(plain, "DEPS")).contains("UNKNOWN  1 result undecided: DEPS-001");
    assertThat(block(plain, "DEPS")).doesNotContain("var.runtime").doesNotContain("PASS");
    assertThat(block(all, "DEPS"))
        .contains("UNKNOWN  DEPS-001   aws_lambda_function.report_builder")
        .contains("var.runtime")
        .contains("PASS     DEPS-001   OrdersApiFunction");
  }

  @Test
  void pointsALiveFindingAtItsArn() {
    assertThat(block(render(false, false), "DEPS"))
        .contains("HIGH     DEPS-001   " + SampleReport.LEGACY_ARN);
  }

  @Test
  void printsInputErrorsAsFileLineMessage() {
    assertThat(render(false, false))
        .contains(
            "\nInput errors\n  templates/inventory.yaml:7: Could not parse YAML: a mapping value"
                + " is not allowed here\n");
  }

  /** The header of {@code control} and the lines under it. */
  private static String block(String text, String control) {
    StringBuilder block = new StringBuilder();
    boolean inside = false;
    for (String line : text.lines().toList()) {
      Matcher header = HEADER.matcher(line);
      boolean isHeader = header.matches();
      if (inside && (isHeader || line.isEmpty())) {
        break;
      }
      inside = inside || (isHeader && header.group(1).equals(control));
      if (inside) {
        block.append(line).append('\n');
      }
    }
    assertThat(block).as("block of %s", control).isNotEmpty();
    return block.toString();
  }
}
