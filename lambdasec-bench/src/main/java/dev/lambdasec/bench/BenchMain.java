package dev.lambdasec.bench;

import dev.lambdasec.cli.Scanner;
import dev.lambdasec.model.Application;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lambdasec-bench quality|robustness|iam|synth|aws-seed|aws-scan}: the project's measuring
 * instruments.
 */
@Command(
    name = "lambdasec-bench",
    mixinStandardHelpOptions = true,
    subcommands = {
      BenchMain.Quality.class,
      BenchMain.Robustness.class,
      BenchMain.IamThroughput.class,
      SyntheticTemplate.Command.class,
      AwsBench.Seed.class,
      AwsBench.Scan.class
    })
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(BenchMain.class).execute(args));
  }

  static Path defaultCorpus() {
    return Path.of("..", "shared", "corpus").toAbsolutePath().normalize();
  }

  /** Recall and false positives over the labelled corpus. */
  @Command(
      name = "quality",
      mixinStandardHelpOptions = true,
      description = "Scores detection quality on a labelled corpus.")
  static final class Quality implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--corpus",
        paramLabel = "DIR",
        description = "Corpus root (default ../shared/corpus).")
    Path corpus = defaultCorpus();

    @Option(
        names = "--as-of",
        paramLabel = "DATE",
        description =
            "Scan date for labels without one (default 2026-11-22, the corpus labels' date).")
    LocalDate asOf = LocalDate.of(2026, 11, 22);

    @Option(
        names = "--only",
        paramLabel = "PREFIX",
        description = "Score only labels whose file starts with PREFIX (e.g. vulnapps/).")
    String only = "";

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      if (!Files.isDirectory(corpus)) {
        spec.commandLine().getErr().println("lambdasec-bench: no corpus at " + corpus);
        return 3;
      }
      Corpus all = Corpus.load(corpus);
      Corpus loaded =
          new Corpus(
              all.root(),
              all.labels().stream().filter(l -> l.file().startsWith(only)).toList(),
              all.staleRows());
      List<Outcome> outcomes =
          new QualityRun(Scanner.defaults(), CategoryMap.bundled(), asOf).score(loaded);
      out.println(
          "lambdasec quality on " + corpus + " (labels without a date judged as of " + asOf + ")");
      QualityTable.print(out, loaded, outcomes);
      out.flush();
      return 0;
    }
  }

  /** Every file of the corpus, scanned alone; crashes counted. */
  @Command(
      name = "robustness",
      mixinStandardHelpOptions = true,
      description = "Scans every file of a corpus and counts crashes.")
  static final class Robustness implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--corpus",
        paramLabel = "DIR",
        description = "Corpus root (default ../shared/corpus).")
    Path corpus = defaultCorpus();

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      if (!Files.isDirectory(corpus)) {
        spec.commandLine().getErr().println("lambdasec-bench: no corpus at " + corpus);
        return 3;
      }
      RobustnessRun.Result r = new RobustnessRun(Scanner.defaults()).run(corpus);
      out.printf(
          "robustness: %d files scanned one by one: %d templates, %d not infrastructure code,"
              + " %d malformed (reported with their line), %d notes, %d crashes (%d ms)%n",
          r.files(),
          r.templates(),
          r.notIac(),
          r.malformed(),
          r.notes(),
          r.crashes().size(),
          r.millis());
      r.crashes().forEach(c -> out.println("  crash: " + c));
      out.flush();
      return r.crashes().isEmpty() ? 0 : 1;
    }
  }

  /** The IAM engine over every role of the corpus and every AWS managed policy. */
  @Command(
      name = "iam",
      mixinStandardHelpOptions = true,
      description =
          "Effective permissions, escalation methods and risky actions for every principal of the"
              + " corpus and every AWS managed policy; policies per second.")
  static final class IamThroughput implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--corpus",
        paramLabel = "DIR",
        description = "Corpus root (default ../shared/corpus).")
    Path corpus = defaultCorpus();

    @Option(names = "--rounds", paramLabel = "N", description = "Measured rounds (default 3).")
    int rounds = 3;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      if (!Files.isDirectory(corpus)) {
        spec.commandLine().getErr().println("lambdasec-bench: no corpus at " + corpus);
        return 3;
      }
      IamRun run = new IamRun();
      List<Application> apps = run.read(corpus);
      out.printf("iam: %d templates with IAM resources read (not timed)%n", apps.size());
      for (int round = 1; round <= rounds; round++) {
        for (IamRun.Pass p : List.of(run.corpus(apps), run.awsManaged())) {
          out.printf(
              "round %d %-22s %5d policy sets, %5d policies, %4d escalating, %7.0f ms, %8.0f policies/s%n",
              round,
              p.what(),
              p.sets(),
              p.policies(),
              p.escalations(),
              p.nanos() / 1e6,
              p.policiesPerSecond());
        }
      }
      out.flush();
      return 0;
    }
  }
}
