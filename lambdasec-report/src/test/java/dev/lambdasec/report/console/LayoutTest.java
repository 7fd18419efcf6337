package dev.lambdasec.report.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LayoutTest {

  @Test
  void wrapsAtSpacesWithinTheWidth() {
    assertThat(Layout.wrap("alpha beta gamma delta", 11))
        .containsExactly("alpha beta", "gamma delta");
  }

  @Test
  void givesAWordLongerThanTheWidthALineOfItsOwn() {
    assertThat(Layout.wrap("see arn:aws:lambda:eu-west-1:1:function:x now", 10))
        .containsExactly("see", "arn:aws:lambda:eu-west-1:1:function:x", "now");
  }

  @Test
  void truncatesWithAnEllipsisOnlyWhenTooLong() {
    assertThat(Layout.truncate("Logging", 7)).isEqualTo("Logging");
    assertThat(Layout.truncate("Logging and audit", 8)).isEqualTo("Logging…").hasSize(8);
  }

  @Test
  void padsCellsAndKeepsOneSpaceAfterLongText() {
    assertThat(Layout.cell("HIGH", 9)).isEqualTo("HIGH     ");
    assertThat(Layout.cell("SERVERLESS-001", 11)).isEqualTo("SERVERLESS-001 ");
  }
}
