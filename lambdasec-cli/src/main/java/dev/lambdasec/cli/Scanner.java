package dev.lambdasec.cli;

import dev.lambdasec.engine.Engine;
import dev.lambdasec.engine.Report;
import dev.lambdasec.engine.RuleSet;
import dev.lambdasec.engine.api.RuleSettings;
import dev.lambdasec.engine.api.RuntimeCatalog;
import dev.lambdasec.engine.data.RuntimeCatalogReader;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.InputError;
import dev.lambdasec.secrets.SecretDetector;
import dev.lambdasec.source.aws.map.LiveSource;
import dev.lambdasec.source.iac.IacOptions;
import dev.lambdasec.source.iac.IacReader;
import dev.lambdasec.source.iac.SourceResult;
import dev.lambdasec.source.iac.UnreadableInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One scan from paths to report: reads the sources, runs the rules. Used by {@code lambdasec scan}
 * and by the benchmark and quality tools, so they measure exactly what users run.
 *
 * @param sources how the sources are read: CloudFormation parameters, Terraform variables
 * @param asOf the scan date, or {@code null} for today
 */
public record Scanner(
    RuleSet rules, IacOptions sources, @Nullable LocalDate asOf, RuleSettings settings) {

  /** All built-in rules with default settings, as of today. */
  public static Scanner defaults() {
    return new Scanner(Wiring.builtInRules(), IacOptions.defaults(), null, RuleSettings.defaults());
  }

  public Scanner asOf(@Nullable LocalDate date) {
    return new Scanner(rules, sources, date, settings);
  }

  /** Scans files or folders given as on the command line. */
  public Report scan(List<String> paths) throws UnreadableInputException {
    return scan(paths, null);
  }

  /**
   * Scans templates and, when given, a live account (from a collection or a snapshot) together: one
   * model, so drift rules can compare them.
   */
  public Report scan(List<String> paths, @Nullable LiveSource live)
      throws UnreadableInputException {
    SourceResult source =
        paths.isEmpty()
            ? new SourceResult(Application.empty(), List.of())
            : new IacReader(sources).read(paths);
    if (live != null) {
      List<InputError> errors = new ArrayList<>(source.errors());
      errors.addAll(live.errors());
      source =
          new SourceResult(
              Application.builder().addAll(source.application()).addAll(live.application()).build(),
              errors);
    }
    LocalDate date = asOf;
    Clock clock =
        date == null
            ? Clock.systemUTC()
            : Clock.fixed(date.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    return new Engine(rules, Data.RUNTIMES, Data.SECRETS, clock, settings)
        .run(source.application(), source.errors(), Wiring.tool());
  }

  /** Reference data (refreshed copies when valid, else bundled), loaded once per process. */
  private static final class Data {
    static final RuntimeCatalog RUNTIMES = RuntimeCatalogReader.installed();
    static final SecretDetector SECRETS = SecretDetector.bundled();
  }
}
