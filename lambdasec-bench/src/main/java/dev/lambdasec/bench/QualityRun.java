package dev.lambdasec.bench;

import dev.lambdasec.cli.Scanner;
import dev.lambdasec.engine.Finding;
import dev.lambdasec.engine.Report;
import dev.lambdasec.engine.api.Status;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.source.iac.IacOptions;
import dev.lambdasec.source.iac.IacReader;
import dev.lambdasec.source.iac.UnreadableInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Scores lambdasec against a labelled corpus. Each labelled file is scanned once per scan date (a
 * Terraform file with its folder, which is one configuration); a label is met when a finding of a
 * rule serving its category fails on the same file and resource (or, for a label on a {@code
 * serverless.yml} provider setting, at that setting; for a label on a function, also on the
 * execution role it runs as, where tools that check a function's permissions report them). Matching
 * is strict: same file, same resource, same category.
 */
public final class QualityRun {

  private final Scanner scanner;
  private final CategoryMap categories;
  private final LocalDate defaultDate;

  public QualityRun(Scanner scanner, CategoryMap categories, LocalDate defaultDate) {
    this.scanner = scanner;
    this.categories = categories;
    this.defaultDate = defaultDate;
  }

  /** Scores every label of the corpus. */
  public List<Outcome> score(Corpus corpus) {
    Map<String, Scan> scans = new HashMap<>();
    SettingLines settings = new SettingLines();
    List<Outcome> out = new ArrayList<>();
    for (Label label : corpus.labels()) {
      boolean covered = categories.covered().contains(label.category());
      LocalDate date = Objects.requireNonNullElse(label.asOf(), defaultDate);
      Path unit = unit(corpus.root(), label.file());
      Scan scan = scans.computeIfAbsent(unit + "@" + date, k -> scan(unit, date));
      List<Finding> onResource = findingsOn(corpus.root(), scan, label, settings);
      boolean hit =
          onResource.stream()
              .anyMatch(f ->
                  f.status() == Status.FAIL
                      && categories.categories(f.ruleId()).contains(label.category()));
      List<String> evidence =
          onResource.stream()
              .map(f -> f.status() + " " + f.ruleId() + " " + f.subject().label())
              .distinct()
              .toList();
      out.add(new Outcome(label, hit, covered, evidence));
    }
    return out;
  }

  /** A Terraform file is scanned with its folder (one configuration); anything else on its own. */
  static Path unit(Path root, String file) {
    Path path = root.resolve(file);
    String name = path.getFileName().toString();
    if ((name.endsWith(".tf") || name.endsWith(".tfvars")) && path.getParent() != null) {
      return path.getParent();
    }
    return path;
  }

  /** A scan's report, and for each execution role the names of the functions that run as it. */
  private record Scan(Report report, Map<ResourceKey, Set<String>> roleUsers) {}

  private Scan scan(Path unit, LocalDate date) {
    if (!Files.exists(unit)) {
      return new Scan(emptyReport(), Map.of());
    }
    try {
      Report report = scanner.asOf(date).scan(List.of(unit.toString()));
      Application app =
          new IacReader(IacOptions.defaults()).read(List.of(unit.toString())).application();
      Map<ResourceKey, Set<String>> users = new HashMap<>();
      for (LambdaFunction f : app.functions()) {
        Ref role = f.role().isPresent() ? f.role().get() : null;
        if (role != null && role.key() != null) {
          users
              .computeIfAbsent(role.key(), k -> new LinkedHashSet<>())
              .addAll(ResourceNames.ofSubject(Subject.of(f)));
        }
      }
      return new Scan(report, users);
    } catch (UnreadableInputException e) {
      return new Scan(emptyReport(), Map.of());
    }
  }

  private Report emptyReport() {
    return new Report(
        new Report.ToolInfo("lambdasec", "bench", ""),
        java.time.Instant.EPOCH,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Map.of());
  }

  private static List<Finding> findingsOn(
      Path root, Scan scan, Label label, SettingLines settings) {
    Report report = scan.report();
    Set<String> names = ResourceNames.ofLabel(label.resource());
    Optional<Integer> setting = settings.line(root.resolve(label.file()), label.resource());
    Map<String, Finding> out = new LinkedHashMap<>();
    for (Finding f : report.findings()) {
      String file = f.origin().file();
      String relative = file == null ? "" : relative(root, file);
      String declared = f.subject().key().scope();
      boolean sameFile =
          relative.equals(label.file()) || relative(root, declared).equals(label.file());
      if (!sameFile) {
        continue;
      }
      Set<String> subject = new LinkedHashSet<>(ResourceNames.ofSubject(f.subject()));
      subject.addAll(scan.roleUsers().getOrDefault(f.subject().key(), Set.of()));
      if (subject.stream().anyMatch(names::contains)
          || setting.filter(line -> line == f.origin().line()).isPresent()) {
        out.putIfAbsent(f.fingerprint() + f.status(), f);
      }
    }
    return new ArrayList<>(out.values());
  }

  private static String relative(Path root, String file) {
    Path p = Path.of(file);
    Path abs = p.isAbsolute() ? p.normalize() : p.toAbsolutePath().normalize();
    Path base = root.toAbsolutePath().normalize();
    return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : file;
  }
}
