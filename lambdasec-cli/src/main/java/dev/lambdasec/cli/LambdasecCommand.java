package dev.lambdasec.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top-level {@code lambdasec} command. */
@Command(
    name = "lambdasec",
    mixinStandardHelpOptions = true,
    versionProvider = LambdasecCommand.Version.class,
    description = "Audits AWS Lambda and serverless applications against a security checklist.",
    subcommands = {
      ScanCommand.class,
      AwsCommand.class,
      RulesCommand.class,
      ChecklistCommand.class,
      PolicyCommand.class,
      DataCommand.class,
      picocli.CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error,",
      "3 input error, 4 internal error."
    })
public final class LambdasecCommand {

  /** Reads the version the build stamped into the jar. */
  public static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"lambdasec " + current()};
    }

    public static String current() {
      try (InputStream in = LambdasecCommand.class.getResourceAsStream("version.properties")) {
        if (in == null) {
          return "dev";
        }
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "dev");
      } catch (IOException e) {
        return "dev";
      }
    }
  }
}
