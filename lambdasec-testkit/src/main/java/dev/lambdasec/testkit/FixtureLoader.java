package dev.lambdasec.testkit;

import dev.lambdasec.engine.api.Status;
import dev.lambdasec.model.SourceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads {@code cases.yaml}:
 *
 * <pre>
 * cases:
 *   - name: url with AuthType NONE
 *     source: sam                # cloudformation | sam | serverless | terraform | terraform_plan | aws
 *     template: |                # one file (template.yaml); or files: {name: content, ...}
 *     snapshot: |                # source aws: a live snapshot (JSON, docs/aws-snapshot.md); with a
 *       {"version": 1, ...}      #   template too, both are scanned together (drift rules)
 *       ...
 *     params: {Stage: prod}      # optional parameter overrides
 *     today: 2026-11-22          # optional scan date (default 2026-11-22)
 *     errors: 0                  # optional number of expected input errors
 *     expect:
 *       FAIL: [OpenUrl]
 *       PASS: [IamUrl]
 *       UNKNOWN: []
 * </pre>
 */
public final class FixtureLoader {

  /** The default scan date of fixtures, so that date-dependent rules are reproducible. */
  public static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 11, 22);

  private FixtureLoader() {}

  /**
   * Every case of a rule: all {@code cases*.yaml} files of its fixture folder, in name order (one
   * file per source format keeps parallel work on formats apart).
   */
  public static List<FixtureCase> loadAll(String ruleId, Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      List<FixtureCase> out = new ArrayList<>();
      for (Path f :
          files
              .filter(p -> p.getFileName().toString().matches("cases.*\\.ya?ml"))
              .sorted()
              .toList()) {
        out.addAll(load(ruleId, f));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<FixtureCase> load(String ruleId, Path casesYaml) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(casesYaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!(root instanceof Map<?, ?> top) || !(top.get("cases") instanceof List<?> cases)) {
      throw new IllegalArgumentException(casesYaml + ": expected a top-level 'cases' list");
    }
    List<FixtureCase> out = new ArrayList<>();
    for (Object item : cases) {
      if (!(item instanceof Map<?, ?> c)) {
        throw new IllegalArgumentException(casesYaml + ": every case must be a mapping");
      }
      out.add(read(ruleId, casesYaml, c));
    }
    return out;
  }

  private static FixtureCase read(String ruleId, Path file, Map<?, ?> c) {
    String name = text(c, "name", file);
    String where = file + " case '" + name + "'";
    SourceKind source = SourceKind.valueOf(text(c, "source", file).toUpperCase(Locale.ROOT));
    Map<String, String> files = new LinkedHashMap<>();
    String snapshot = c.get("snapshot") instanceof String s ? s : null;
    if (c.get("template") instanceof String t) {
      files.put(source == SourceKind.AWS ? "template.yaml" : defaultFileName(source), t);
    } else if (c.get("files") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> files.put(String.valueOf(k), String.valueOf(v)));
    } else if (source != SourceKind.AWS) {
      throw new IllegalArgumentException(where + ": needs 'template' or 'files'");
    }
    if ((source == SourceKind.AWS) != (snapshot != null)) {
      throw new IllegalArgumentException(
          where + ": 'snapshot' goes with source aws, and source aws needs one");
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (c.get("params") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
    }
    LocalDate today =
        switch (c.get("today")) {
          case null -> DEFAULT_TODAY;
          case Date d -> d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
          case Object o -> LocalDate.parse(String.valueOf(o));
        };
    Map<Status, Set<String>> expected = new EnumMap<>(Status.class);
    if (!(c.get("expect") instanceof Map<?, ?> expect)) {
      throw new IllegalArgumentException(where + ": needs 'expect'");
    }
    for (Map.Entry<?, ?> e : expect.entrySet()) {
      Status status = Status.valueOf(String.valueOf(e.getKey()).toUpperCase(Locale.ROOT));
      Set<String> labels = new LinkedHashSet<>();
      if (e.getValue() instanceof List<?> list) {
        list.forEach(v -> labels.add(String.valueOf(v)));
      } else if (e.getValue() != null) {
        throw new IllegalArgumentException(where + ": expect." + e.getKey() + " must be a list");
      }
      expected.put(status, labels);
    }
    int errors = c.get("errors") instanceof Integer n ? n : 0;
    return new FixtureCase(ruleId, name, source, files, snapshot, params, today, expected, errors);
  }

  private static String defaultFileName(SourceKind source) {
    return switch (source) {
      case SERVERLESS -> "serverless.yml";
      case TERRAFORM -> "main.tf";
      case TERRAFORM_PLAN -> "plan.json";
      default -> "template.yaml";
    };
  }

  private static String text(Map<?, ?> c, String key, Path file) {
    Object v = c.get(key);
    if (v == null) {
      throw new IllegalArgumentException(file + ": a case has no '" + key + "'");
    }
    return String.valueOf(v);
  }
}
