package dev.lambdasec.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lambdasec data update …}. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Reference data: the IAM action catalog, Lambda runtimes, AWS managed policies.",
    subcommands = {DataUpdateCommand.class})
final class DataCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }
}
