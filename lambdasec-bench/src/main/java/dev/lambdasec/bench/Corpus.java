package dev.lambdasec.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A labelled corpus in the layout of {@code ../shared/corpus}: {@code
 * vulnapps/expected_findings.csv}, {@code peer-fixtures/labels.csv} with {@code check_map.csv}, and
 * {@code runtime_labels.csv}. Any of the three may be missing. Rows that are neither FAIL nor PASS
 * are not scored.
 */
public record Corpus(Path root, List<Label> labels, int staleRows) {

  public static Corpus load(Path root) throws IOException {
    Map<String, Label> byKey = new LinkedHashMap<>();
    int stale = 0;
    Path vulnapps = root.resolve("vulnapps/expected_findings.csv");
    if (Files.exists(vulnapps)) {
      for (Map<String, String> r : Csv.read(vulnapps)) {
        Boolean fail = expectation(r.get("expected"));
        if (fail != null) {
          add(
              byKey,
              new Label(
                  "vulnapps",
                  "vulnapps/" + r.get("app") + "/" + r.get("file"),
                  r.getOrDefault("resource", ""),
                  r.getOrDefault("category", ""),
                  fail,
                  r.getOrDefault("layer", "iac"),
                  r.getOrDefault("issue", ""),
                  null));
        }
      }
    }
    Path peers = root.resolve("peer-fixtures/labels.csv");
    if (Files.exists(peers)) {
      Map<String, String> categories = new HashMap<>();
      Path map = root.resolve("peer-fixtures/check_map.csv");
      if (Files.exists(map)) {
        for (Map<String, String> r : Csv.read(map)) {
          categories.put(r.get("tool") + "/" + r.get("check_id"), r.getOrDefault("category", ""));
        }
      }
      for (Map<String, String> r : Csv.read(peers)) {
        Boolean fail = expectation(r.get("expected"));
        if (fail == null) {
          continue;
        }
        String note = r.getOrDefault("note", "");
        if (note.contains("STALE PEER LABEL")) {
          // The corpus marks these as wrong as of today; the right answer is the opposite.
          fail = !fail;
          stale++;
        }
        String category =
            categories.getOrDefault(r.get("tool") + "/" + r.get("check_id"), "UNMAPPED");
        add(
            byKey,
            new Label(
                "peer-fixtures",
                "peer-fixtures/" + r.get("file"),
                r.getOrDefault("resource", ""),
                category,
                fail,
                "iac",
                r.get("tool") + " " + r.get("check_id") + ": " + r.getOrDefault("meaning", ""),
                null));
      }
    }
    Path runtimes = root.resolve("runtime_labels.csv");
    if (Files.exists(runtimes)) {
      for (Map<String, String> r : Csv.read(runtimes)) {
        Boolean fail = expectation(r.get("expected_as_of"));
        if (fail != null) {
          add(
              byKey,
              new Label(
                  "runtime",
                  r.getOrDefault("file", ""),
                  r.getOrDefault("resource", ""),
                  "DEPRECATED_RUNTIME",
                  fail,
                  "iac",
                  r.getOrDefault("runtime", "") + " deprecated " + r.getOrDefault("deprecated", ""),
                  date(r.get("as_of"))));
        }
      }
    }
    return new Corpus(root, new ArrayList<>(byKey.values()), stale);
  }

  private static void add(Map<String, Label> byKey, Label label) {
    Label known = byKey.get(label.key());
    if (known == null || (known.asOf() == null && label.asOf() != null)) {
      byKey.put(label.key(), label);
    }
  }

  private static @Nullable Boolean expectation(@Nullable String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    return switch (t) {
      case "FAIL" -> true;
      case "PASS" -> false;
      default -> null;
    };
  }

  private static @Nullable LocalDate date(@Nullable String text) {
    try {
      return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
