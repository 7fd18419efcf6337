package dev.lambdasec.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the {@code lambdasec} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(
        run(
            args,
            new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
            new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
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
