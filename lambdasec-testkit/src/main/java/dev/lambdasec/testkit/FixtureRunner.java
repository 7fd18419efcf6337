package dev.lambdasec.testkit;

import dev.lambdasec.engine.Engine;
import dev.lambdasec.engine.Finding;
import dev.lambdasec.engine.LoadedRule;
import dev.lambdasec.engine.Report;
import dev.lambdasec.engine.RuleSet;
import dev.lambdasec.engine.api.RuleSettings;
import dev.lambdasec.engine.api.Status;
import dev.lambdasec.engine.data.RuntimeCatalogReader;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.InputError;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.SourceUnit;
import dev.lambdasec.secrets.SecretDetector;
import dev.lambdasec.source.aws.map.LiveSource;
import dev.lambdasec.source.aws.map.SnapshotMapper;
import dev.lambdasec.source.aws.snapshot.InvalidSnapshotException;
import dev.lambdasec.source.aws.snapshot.SnapshotJson;
import dev.lambdasec.source.iac.IacOptions;
import dev.lambdasec.source.iac.IacReader;
import dev.lambdasec.source.iac.SourceResult;
import dev.lambdasec.source.iac.UnreadableInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs one fixture case through the real adapters and one rule, and compares the results exactly.
 */
public final class FixtureRunner {

  private FixtureRunner() {}

  /** What the rule reported for a case. */
  public record Outcome(
      Map<Status, Set<String>> actual,
      List<InputError> errors,
      List<SourceKind> detected,
      List<Finding> findings) {}

  public static Outcome run(FixtureCase c, LoadedRule rule) {
    SourceResult source = read(c);
    Engine engine =
        new Engine(
            RuleSet.of(List.of(rule.rule())),
            RuntimeCatalogReader.bundled(),
            SecretDetector.bundled(),
            Clock.fixed(c.today().atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
            RuleSettings.defaults());
    Report report =
        engine.run(
            source.application(),
            source.errors(),
            new Report.ToolInfo("lambdasec", "test", "https://example.invalid"));
    Map<Status, Set<String>> actual = new EnumMap<>(Status.class);
    for (Finding f : report.findings()) {
      actual.computeIfAbsent(f.status(), k -> new TreeSet<>()).add(f.subject().label());
    }
    List<SourceKind> detected =
        source.application().sources().stream().map(SourceUnit::kind).distinct().toList();
    return new Outcome(actual, report.errors(), detected, report.findings());
  }

  /** Asserts the case: exact sets per status, the detected source kind and the error count. */
  public static void check(FixtureCase c, LoadedRule rule) {
    Outcome o = run(c, rule);
    List<String> problems = new ArrayList<>();
    boolean detected =
        c.source() == SourceKind.AWS && !c.files().isEmpty()
            ? o.detected().contains(SourceKind.AWS) && o.detected().size() == 2
            : o.detected().equals(List.of(c.source()));
    if (!detected) {
      problems.add("source detected as " + o.detected() + ", case says " + c.source());
    }
    for (Status s : List.of(Status.FAIL, Status.PASS, Status.UNKNOWN)) {
      Set<String> want = new TreeSet<>(c.expected(s));
      Set<String> got = o.actual().getOrDefault(s, Set.of());
      if (!want.equals(got)) {
        problems.add(s + " expected " + want + " but was " + got);
      }
    }
    if (o.errors().size() != c.errors()) {
      problems.add(
          "expected "
              + c.errors()
              + " input error(s) but got "
              + o.errors().stream()
                  .map(e -> e.file() + ":" + e.line() + " " + e.message())
                  .toList());
    }
    if (!problems.isEmpty()) {
      StringBuilder msg = new StringBuilder(c.ruleId() + " / " + c.name() + ":\n");
      problems.forEach(p -> msg.append("  ").append(p).append('\n'));
      o.findings()
          .forEach(f ->
              msg.append("  reported ")
                  .append(f.status())
                  .append(' ')
                  .append(f.subject().label())
                  .append(" at ")
                  .append(f.origin().display())
                  .append(": ")
                  .append(f.message())
                  .append('\n'));
      throw new AssertionError(msg.toString());
    }
  }

  private static SourceResult read(FixtureCase c) {
    String json = c.snapshot();
    if (json == null) {
      return readIac(c);
    }
    LiveSource live;
    try {
      live = new SnapshotMapper(SecretDetector.bundled()).map(SnapshotJson.parse(json));
    } catch (InvalidSnapshotException e) {
      throw new IllegalArgumentException(c.ruleId() + " / " + c.name() + ": " + e.getMessage(), e);
    }
    if (c.files().isEmpty()) {
      return new SourceResult(live.application(), live.errors());
    }
    SourceResult iac = readIac(c);
    List<InputError> errors = new ArrayList<>(iac.errors());
    errors.addAll(live.errors());
    return new SourceResult(
        Application.builder().addAll(iac.application()).addAll(live.application()).build(), errors);
  }

  private static SourceResult readIac(FixtureCase c) {
    IacReader reader =
        new IacReader(new IacOptions(c.params(), IacOptions.defaults().maxFileBytes()));
    if (c.files().size() == 1) {
      Map.Entry<String, String> only = c.files().entrySet().iterator().next();
      return reader.readText(only.getKey(), only.getValue());
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("lambdasec-fixture");
      for (Map.Entry<String, String> f : c.files().entrySet()) {
        Path target = dir.resolve(f.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, f.getValue());
      }
      return reader.read(List.of(dir.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UnreadableInputException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } finally {
      if (dir != null) {
        delete(dir);
      }
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
