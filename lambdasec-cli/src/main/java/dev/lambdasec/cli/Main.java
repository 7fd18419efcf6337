package dev.lambdasec.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code lambdasec} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line and returns its exit code; output goes to {@code out} and {@code err}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new LambdasecCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine
          .getErr()
          .println(
              "lambdasec: internal error: "
                  + e.getClass().getSimpleName()
                  + (System.getenv("LAMBDASEC_DEBUG") == null
                      ? " (set LAMBDASEC_DEBUG=1 for details)"
                      : ""));
      if (System.getenv("LAMBDASEC_DEBUG") != null) {
        e.printStackTrace(commandLine.getErr());
      }
      return ExitCodes.INTERNAL;
    });
    return cli.execute(args);
  }
}
