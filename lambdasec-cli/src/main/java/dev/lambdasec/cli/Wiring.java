package dev.lambdasec.cli;

import dev.lambdasec.engine.Report;
import dev.lambdasec.engine.RuleSet;
import dev.lambdasec.rules.BuiltInRules;

/** The pieces every command and tool shares: the built-in rule set and the tool identity. */
public final class Wiring {

  private Wiring() {}

  public static RuleSet builtInRules() {
    return RuleSet.of(BuiltInRules.all());
  }

  public static Report.ToolInfo tool() {
    return new Report.ToolInfo(
        "lambdasec", LambdasecCommand.Version.current(), "https://github.com/lambdasec/lambdasec");
  }
}
