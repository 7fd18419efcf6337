package dev.lambdasec.cli;

import dev.lambdasec.source.aws.collect.CollectException;
import dev.lambdasec.source.aws.snapshot.Snapshot;
import dev.lambdasec.source.aws.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lambdasec aws}: work with live AWS accounts. */
@Command(
    name = "aws",
    mixinStandardHelpOptions = true,
    description = "Works with live AWS accounts (read-only).",
    subcommands = {AwsCommand.Collect.class})
final class AwsCommand {

  /** {@code lambdasec aws collect -o snapshot.json}. */
  @Command(
      name = "collect",
      mixinStandardHelpOptions = true,
      description = {
        "Collects an account (or an organization) into a snapshot that 'lambdasec scan"
            + " --aws-snapshot' audits offline. Read-only: the calls it needs are in"
            + " docs/iam/lambdasec-readonly-policy.json.",
        "Secret values of environment variables are never written: the snapshot keeps a"
            + " fingerprint and what the secret detector found."
      })
  static final class Collect implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin AwsOptions aws = new AwsOptions();

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        required = true,
        description = "Where to write the snapshot (JSON).")
    Path output = Path.of("snapshot.json");

    @Override
    public Integer call() throws IOException {
      Snapshot snapshot;
      try {
        snapshot =
            LiveCollection.collect(
                aws.toCollectOptions(),
                CollectionProgress.wanted(false),
                spec.commandLine().getErr());
      } catch (CollectException e) {
        spec.commandLine().getErr().println("lambdasec: " + e.getMessage());
        return ExitCodes.INPUT;
      }
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream out = Files.newOutputStream(output)) {
        SnapshotJson.write(snapshot, out);
      }
      spec.commandLine().getErr().println("lambdasec: snapshot written to " + output);
      return ExitCodes.OK;
    }
  }
}
