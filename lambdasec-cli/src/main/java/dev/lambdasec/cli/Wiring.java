package dev.lambdasec.cli;

import dev.lambdasec.engine.Report;
import dev.lambdasec.engine.RuleSet;
import dev.lambdasec.rules.BuiltInRules;

/** The pieces every command shares. */
final class Wiring {

  private Wiring() {}

  static RuleSet builtInRules() {
    return RuleSet.of(BuiltInRules.all());
  }

  static Report.ToolInfo tool() {
    return new Report.ToolInfo(
        "lambdasec", LambdasecCommand.Version.current(), "https://github.com/lambdasec/lambdasec");
  }
}
