package dev.lambdasec.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lambdasec policy suggest …}. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Least-privilege help for execution roles.",
    subcommands = {PolicySuggestCommand.class})
final class PolicyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }
}
