package dev.lambdasec.cli;

import dev.lambdasec.engine.RuleDescriptor;
import dev.lambdasec.engine.RuleSet;
import dev.lambdasec.engine.api.Control;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lambdasec checklist}: the controls and the rules that serve each. */
@Command(
    name = "checklist",
    mixinStandardHelpOptions = true,
    description = "Shows the checklist controls and which rules serve each.")
final class ChecklistCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RuleSet rules = Wiring.builtInRules();
    for (Control c : Control.values()) {
      List<RuleDescriptor> serving =
          rules.descriptors().stream().filter(r -> r.controls().contains(c)).toList();
      out.printf("%-6s %s%n", c.name(), c.title());
      if (serving.isEmpty()) {
        out.println("       (not checked automatically yet)");
      }
      for (RuleDescriptor r : serving) {
        out.printf("       %-15s %s%n", r.id(), r.title());
      }
    }
    return ExitCodes.OK;
  }
}
