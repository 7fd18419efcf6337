package dev.lambdasec.engine.data;

import dev.lambdasec.engine.api.RuntimeCatalog;
import dev.lambdasec.engine.api.RuntimeLifecycle;
import dev.lambdasec.iam.data.Csv;
import dev.lambdasec.iam.data.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the runtime lifecycle table ({@code lambda-runtimes.csv}: runtime_id, language,
 * operating_system, deprecation_date, block_function_create_date, block_function_update_date,
 * successor, source, notes). Dates that are not ISO dates ("not scheduled", "n/a (container only)")
 * mean no date.
 */
public final class RuntimeCatalogReader {

  /** The file name, in the jar and in the user data directory. */
  public static final String FILE = "lambda-runtimes.csv";

  private static final String BUNDLED = FILE;

  /** A refreshed table with fewer runtimes than this is treated as broken. */
  private static final int MINIMUM_RUNTIMES = 20;

  private RuntimeCatalogReader() {}

  /**
   * The table {@code lambdasec data update} refreshed into the user data directory when it is
   * present and valid, else the bundled one.
   */
  public static RuntimeCatalog installed() {
    return DataDirectory.user()
        .map(dir -> dir.resolve(FILE))
        .flatMap(RuntimeCatalogReader::readValid)
        .orElseGet(RuntimeCatalogReader::bundled);
  }

  /** Reads a refreshed table; empty when it is missing, unreadable or implausibly small. */
  public static Optional<RuntimeCatalog> readValid(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      RuntimeCatalog c = parse(Files.readString(file, StandardCharsets.UTF_8), "refreshed " + file);
      return c.runtimes().size() >= MINIMUM_RUNTIMES ? Optional.of(c) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public static RuntimeCatalog bundled() {
    try (InputStream in = RuntimeCatalogReader.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("bundled " + BUNDLED + " is missing from the jar");
      }
      return parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8),
          "bundled " + BUNDLED + " (cfn-lint LmbdRuntimeLifecycle.json, 2026-06-02)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RuntimeCatalog parse(String csv, String source) {
    Map<String, RuntimeLifecycle> out = new LinkedHashMap<>();
    List<List<String>> rows = Csv.parse(csv);
    if (rows.isEmpty() || !rows.get(0).get(0).equals("runtime_id")) {
      throw new IllegalArgumentException(
          "not a runtime lifecycle table: header runtime_id expected");
    }
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() < 7 || row.get(0).isBlank()) {
        continue;
      }
      String id = row.get(0).trim();
      out.put(
          id,
          new RuntimeLifecycle(
              id,
              row.get(1).trim(),
              date(row.get(3)),
              date(row.get(4)),
              date(row.get(5)),
              row.get(6).isBlank() ? null : row.get(6).trim()));
    }
    return new RuntimeCatalog(out, source);
  }

  private static @Nullable LocalDate date(String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
