package dev.lambdasec.bench;

import dev.lambdasec.cli.Wiring;
import dev.lambdasec.engine.Engine;
import dev.lambdasec.engine.Report;
import dev.lambdasec.engine.api.RuleSettings;
import dev.lambdasec.engine.data.RuntimeCatalogReader;
import dev.lambdasec.secrets.SecretDetector;
import dev.lambdasec.source.aws.collect.ApiStats;
import dev.lambdasec.source.aws.collect.AwsCollector;
import dev.lambdasec.source.aws.collect.CollectException;
import dev.lambdasec.source.aws.collect.CollectOptions;
import dev.lambdasec.source.aws.collect.Progress;
import dev.lambdasec.source.aws.emulator.AccountSeeder;
import dev.lambdasec.source.aws.emulator.Emulators;
import dev.lambdasec.source.aws.map.LiveSource;
import dev.lambdasec.source.aws.map.SnapshotMapper;
import dev.lambdasec.source.aws.snapshot.Snapshot;
import dev.lambdasec.source.aws.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The live-account benchmark against an emulator ({@code scripts/bench aws} starts moto): {@code
 * aws-seed} creates a large account through the SDK; {@code aws-scan} collects it with the default
 * options and audits it with every built-in rule, as {@code lambdasec scan --aws} does, and prints
 * the wall time of each phase and the API calls per function.
 */
final class AwsBench {

  private AwsBench() {}

  /** {@code aws-seed}: functions, roles and REST APIs created in the emulator. */
  @Command(
      name = "aws-seed",
      mixinStandardHelpOptions = true,
      description = "Creates a large synthetic account in an emulator (moto).")
  static final class Seed implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Default: moto's port.")
    URI endpoint = URI.create("http://127.0.0.1:5000");

    @Option(names = "--functions", paramLabel = "N")
    int functions = 2_000;

    @Option(names = "--roles", paramLabel = "N")
    int roles = 400;

    @Option(names = "--apis", paramLabel = "N")
    int apis = 50;

    @Override
    public Integer call() {
      long start = System.nanoTime();
      try (AccountSeeder seeder = new AccountSeeder(endpoint)) {
        seeder.seedBulk(functions, roles, apis);
      }
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "seeded %d functions, %d roles, %d REST APIs in %.1fs%n",
              functions,
              roles,
              apis,
              seconds(start));
      return 0;
    }
  }

  /** {@code aws-scan}: collection and audit of the emulated account, timed and counted. */
  @Command(
      name = "aws-scan",
      mixinStandardHelpOptions = true,
      description = "Collects an emulated account and audits it; prints times and API calls.")
  static final class Scan implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Default: moto's port.")
    URI endpoint = URI.create("http://127.0.0.1:5000");

    @Option(
        names = {"-o", "--snapshot"},
        paramLabel = "FILE",
        description = "Also write it.")
    @Nullable Path snapshotFile;

    @Override
    public Integer call() throws CollectException, IOException {
      PrintWriter out = spec.commandLine().getOut();
      Emulators.useTestCredentials();
      CollectOptions options =
          CollectOptions.defaults()
              .withEndpoint(endpoint)
              .withRegions(List.of(AccountSeeder.REGION));
      ApiStats stats = new ApiStats();
      long start = System.nanoTime();
      Snapshot snapshot =
          new AwsCollector(SecretDetector.bundled(), Clock.systemUTC(), "bench")
              .collect(options, Progress.NONE, stats);
      double collect = seconds(start);
      if (snapshotFile != null) {
        Files.writeString(snapshotFile, SnapshotJson.toJson(snapshot));
      }
      start = System.nanoTime();
      LiveSource live = new SnapshotMapper(SecretDetector.bundled()).map(snapshot);
      Report report =
          new Engine(
                  Wiring.builtInRules(),
                  RuntimeCatalogReader.bundled(),
                  SecretDetector.bundled(),
                  Clock.systemUTC(),
                  RuleSettings.defaults())
              .run(live.application(), live.errors(), Wiring.tool());
      double audit = seconds(start);
      Snapshot.Account account = snapshot.accounts().get(0);
      Snapshot.Region region = account.regions().get(0);
      long functions = stats.functions();
      out.printf(
          Locale.ROOT,
          "account: %d functions, %d roles, %d APIs; %d findings%n",
          functions,
          account.iam().roles().size(),
          region.apis().size(),
          report.findings().size());
      out.printf(Locale.ROOT, "collection: %.1fs, audit: %.1fs%n", collect, audit);
      out.printf(
          Locale.ROOT,
          "API calls: %d (%d attempts, %d throttled, %d failed); per function: %.2f%n",
          stats.calls(),
          stats.attempts(),
          stats.throttled(),
          stats.failed(),
          functions == 0 ? 0.0 : (double) stats.calls() / functions);
      stats.byAction().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
          .forEach(e -> out.printf(Locale.ROOT, "  %-45s %6d%n", e.getKey(), e.getValue()));
      return 0;
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
