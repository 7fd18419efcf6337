package dev.lambdasec.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormatTest {

  @Test
  void parsesNamesIgnoringCaseAndBlanks() {
    assertThat(Format.parse("console")).isEqualTo(Format.CONSOLE);
    assertThat(Format.parse(" Json ")).isEqualTo(Format.JSON);
    assertThat(Format.parse("SARIF")).isEqualTo(Format.SARIF);
  }

  @Test
  void rejectsAnUnknownNameListingTheValidOnes() {
    assertThatThrownBy(() -> Format.parse("xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown format 'xml'; expected one of console, json, sarif");
  }

  @Test
  void printsAsTheCommandLineName() {
    assertThat(Format.SARIF).hasToString("sarif");
    assertThat(Format.names()).isEqualTo("console, json, sarif");
  }
}
