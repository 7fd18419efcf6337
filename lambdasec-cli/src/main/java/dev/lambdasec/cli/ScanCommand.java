package dev.lambdasec.cli;

import dev.lambdasec.engine.Finding;
import dev.lambdasec.engine.Report;
import dev.lambdasec.engine.RuleSet;
import dev.lambdasec.engine.api.RuleSettings;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.report.Format;
import dev.lambdasec.report.ReportWriters;
import dev.lambdasec.report.WriterOptions;
import dev.lambdasec.secrets.SecretDetector;
import dev.lambdasec.source.aws.collect.CollectException;
import dev.lambdasec.source.aws.map.LiveSource;
import dev.lambdasec.source.aws.map.SnapshotMapper;
import dev.lambdasec.source.aws.snapshot.InvalidSnapshotException;
import dev.lambdasec.source.aws.snapshot.Snapshot;
import dev.lambdasec.source.aws.snapshot.SnapshotJson;
import dev.lambdasec.source.iac.IacOptions;
import dev.lambdasec.source.iac.UnreadableInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lambdasec scan PATH…}: reads the sources, runs the rules, writes the reports. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scans CloudFormation and SAM templates, Serverless Framework services, Terraform"
          + " configurations and plans (files or folders, recursively), a live AWS account (--aws)"
          + " or a snapshot of one (--aws-snapshot), and reports the checklist filled in.",
      "A folder of .tf files is one Terraform configuration. Files that are not infrastructure"
          + " code are skipped in folders; malformed files are reported as errors with their line"
          + " and the scan goes on."
    })
final class ScanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description =
          "Templates, serverless.yml, .tf files, plan JSON files or folders (optional with --aws"
              + " or --aws-snapshot).")
  List<String> paths = new ArrayList<>();

  @Option(
      names = "--aws",
      description =
          "Also collect a live AWS account (read-only) and audit it; with templates, also report"
              + " drift between them. Credentials: the default chain, --profile, --assume-role.")
  boolean aws;

  @Option(
      names = "--aws-snapshot",
      paramLabel = "FILE",
      description = "Audit a snapshot written by 'lambdasec aws collect' instead of the account.")
  @Nullable Path awsSnapshot;

  @Option(
      names = "--save-snapshot",
      paramLabel = "FILE",
      description = "With --aws, also write the collected snapshot to FILE.")
  @Nullable Path saveSnapshot;

  @Mixin AwsOptions awsOptions = new AwsOptions();

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      split = ",",
      description = "Output format, repeatable: ${COMPLETION-CANDIDATES} (default: console).")
  List<Format> formats = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "PATH",
      description =
          "Write the report to PATH instead of standard output. With several file formats, PATH is"
              + " a folder that receives lambdasec.<format> files.")
  @Nullable Path output;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "high",
      description =
          "Exit with 1 when a finding fails at or above this severity: critical, high, medium,"
              + " low, info, or none (default: ${DEFAULT-VALUE}).")
  String failOn = "high";

  @Option(
      names = "--rules",
      split = ",",
      paramLabel = "ID",
      description = "Run only these rules (ids or prefixes such as IAM or LAMBDA-00).")
  List<String> rules = new ArrayList<>();

  @Option(
      names = "--skip-rules",
      split = ",",
      paramLabel = "ID",
      description = "Do not run these rules (ids or prefixes).")
  List<String> skipRules = new ArrayList<>();

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description = "CloudFormation parameter value, repeatable; overrides the template default.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--var",
      paramLabel = "NAME=VALUE",
      description =
          "Terraform variable value for the root configurations, repeatable; overrides .tfvars"
              + " files and defaults.")
  Map<String, String> vars = new LinkedHashMap<>();

  @Option(
      names = "--var-file",
      paramLabel = "FILE",
      description =
          "Terraform variables file (.tfvars or .tfvars.json), repeatable; read after"
              + " terraform.tfvars and *.auto.tfvars.")
  List<String> varFiles = new ArrayList<>();

  @Option(names = "--show-passed", description = "List passed checks too (console and SARIF).")
  boolean showPassed;

  @Option(names = "--no-color", description = "Never colour the console output.")
  boolean noColor;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Judge dates (runtime deprecation) as of this day, e.g. 2027-01-31.")
  @Nullable LocalDate asOf;

  @Option(
      names = "--classification-tag",
      paramLabel = "KEY",
      description =
          "Tag key that classifies an asset, repeatable (default: data-classification, asset-class).")
  List<String> classificationTags = new ArrayList<>();

  @Option(
      names = "--trusted-account",
      paramLabel = "ACCOUNT",
      description = "Account id whose layers are trusted, repeatable.")
  List<String> trustedAccounts = new ArrayList<>();

  @Option(
      names = "--runtime-warning-days",
      paramLabel = "DAYS",
      defaultValue = "180",
      description =
          "Warn this many days before a runtime's deprecation (default: ${DEFAULT-VALUE}).")
  int runtimeWarningDays = 180;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Severity threshold = threshold();
    List<Format> chosen = formats.isEmpty() ? List.of(Format.CONSOLE) : List.copyOf(formats);
    RuleSet selected = selectRules();

    if (paths.isEmpty() && !aws && awsSnapshot == null) {
      throw new ParameterException(
          spec.commandLine(), "give template paths, --aws or --aws-snapshot FILE");
    }
    if (aws && awsSnapshot != null) {
      throw new ParameterException(
          spec.commandLine(), "--aws collects the account; --aws-snapshot reads one: choose one");
    }
    LiveSource live;
    try {
      live = live(chosen);
    } catch (CollectException | InvalidSnapshotException e) {
      err.println("lambdasec: " + e.getMessage());
      return ExitCodes.INPUT;
    }
    Report report;
    try {
      IacOptions sources =
          new IacOptions(params, vars, varFiles, IacOptions.DEFAULT_MAX_FILE_BYTES);
      report = new Scanner(selected, sources, asOf, settings()).scan(paths, live);
    } catch (UnreadableInputException e) {
      err.println("lambdasec: " + e.getMessage());
      return ExitCodes.INPUT;
    }
    write(report, chosen);
    if (!report.ruleErrors().isEmpty()) {
      return ExitCodes.INTERNAL;
    }
    return failed(report, threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /** The live source: collected now, read from a snapshot file, or none. */
  private @Nullable LiveSource live(List<Format> chosen)
      throws CollectException, InvalidSnapshotException, IOException {
    Path file = awsSnapshot;
    Snapshot snapshot;
    if (aws) {
      boolean machine = chosen.stream().anyMatch(f -> f != Format.CONSOLE);
      snapshot =
          LiveCollection.collect(
              awsOptions.toCollectOptions(),
              CollectionProgress.wanted(machine),
              spec.commandLine().getErr());
      Path save = saveSnapshot;
      if (save != null) {
        try (OutputStream os = Files.newOutputStream(save)) {
          SnapshotJson.write(snapshot, os);
        }
      }
    } else if (file != null) {
      if (!Files.isReadable(file)) {
        throw new InvalidSnapshotException(file + ": no such file or not readable");
      }
      try {
        snapshot = SnapshotJson.read(file);
      } catch (InvalidSnapshotException e) {
        throw new InvalidSnapshotException(file + ": " + e.getMessage());
      }
    } else {
      return null;
    }
    return new SnapshotMapper(SecretDetector.bundled()).map(snapshot);
  }

  private RuleSet selectRules() {
    try {
      return Wiring.builtInRules().select(rules, skipRules);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private @Nullable Severity threshold() {
    if (failOn.equalsIgnoreCase("none")) {
      return null;
    }
    try {
      return Severity.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--fail-on must be critical, high, medium, low, info or none, not '" + failOn + "'");
    }
  }

  private RuleSettings settings() {
    RuleSettings d = RuleSettings.defaults();
    return new RuleSettings(
        classificationTags.isEmpty() ? d.classificationTagKeys() : classificationTags,
        d.minimumAvailabilityZones(),
        runtimeWarningDays,
        trustedAccounts);
  }

  private static boolean failed(Report report, @Nullable Severity threshold) {
    if (threshold == null) {
      return false;
    }
    for (Finding f : report.findings()) {
      if (f.isActiveFailure() && f.severity().atLeast(threshold)) {
        return true;
      }
    }
    return false;
  }

  private void write(Report report, List<Format> chosen) throws IOException {
    List<Format> files = chosen.stream().filter(f -> f != Format.CONSOLE).distinct().toList();
    boolean console = chosen.contains(Format.CONSOLE);
    Path out = output;
    if (out == null && files.size() + (console ? 1 : 0) > 1) {
      throw new ParameterException(
          spec.commandLine(), "several formats need --output to name a folder for the files");
    }
    if (console) {
      if (out != null && files.isEmpty()) {
        writeFile(report, Format.CONSOLE, out, new WriterOptions(false, showPassed));
      } else {
        toStdout(report, Format.CONSOLE, new WriterOptions(useColor(), showPassed));
      }
    }
    WriterOptions plain = new WriterOptions(false, showPassed);
    if (files.size() == 1) {
      if (out == null) {
        toStdout(report, files.get(0), plain);
      } else {
        writeFile(report, files.get(0), out, plain);
      }
    } else if (files.size() > 1 && out != null) {
      Files.createDirectories(out);
      for (Format f : files) {
        writeFile(report, f, out.resolve("lambdasec." + f.name().toLowerCase(Locale.ROOT)), plain);
      }
    }
  }

  private void toStdout(Report report, Format format, WriterOptions options) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ReportWriters.forFormat(format, options).write(report, buffer);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(buffer.toString(StandardCharsets.UTF_8));
    stdout.flush();
  }

  private static void writeFile(Report report, Format format, Path file, WriterOptions options)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream os = Files.newOutputStream(file)) {
      ReportWriters.forFormat(format, options).write(report, os);
    }
  }

  private boolean useColor() {
    if (noColor || System.getenv("NO_COLOR") != null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    return Terminal.isInteractive();
  }
}
