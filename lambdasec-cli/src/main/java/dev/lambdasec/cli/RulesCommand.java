package dev.lambdasec.cli;

import dev.lambdasec.engine.LoadedRule;
import dev.lambdasec.engine.RuleDescriptor;
import dev.lambdasec.engine.RuleSet;
import dev.lambdasec.model.SourceKind;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lambdasec rules list|show ID}. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Lists the rules or shows one rule's documentation.",
    subcommands = {RulesCommand.ListRules.class, RulesCommand.ShowRule.class})
final class RulesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }

  /** {@code lambdasec rules list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every rule.")
  static final class ListRules implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      RuleSet rules = Wiring.builtInRules();
      for (RuleDescriptor r : rules.descriptors()) {
        out.printf(
            "%-15s %-9s %-18s %s%n",
            r.id(),
            r.severity(),
            r.controls().stream().map(Enum::name).collect(Collectors.joining(",")),
            r.title());
      }
      out.printf("%d rules%n", rules.rules().size());
      return ExitCodes.OK;
    }
  }

  /** {@code lambdasec rules show ID}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Shows a rule's metadata and documentation.")
  static final class ShowRule implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "A rule id such as LAMBDA-001.")
    String id = "";

    @Override
    public Integer call() {
      Optional<LoadedRule> rule = Wiring.builtInRules().find(id);
      if (rule.isEmpty()) {
        spec.commandLine()
            .getErr()
            .println("lambdasec: no rule " + id + "; see 'lambdasec rules list'");
        return ExitCodes.USAGE;
      }
      RuleDescriptor r = rule.get().descriptor();
      PrintWriter out = spec.commandLine().getOut();
      out.println(r.id() + "  " + r.title());
      out.println("Severity: " + r.severity());
      out.println(
          "Controls: " + r.controls().stream().map(Enum::name).collect(Collectors.joining(", ")));
      out.println(
          "Sources:  "
              + r.sources().stream().map(SourceKind::title).collect(Collectors.joining(", ")));
      out.println();
      out.print(r.doc());
      return ExitCodes.OK;
    }
  }
}
