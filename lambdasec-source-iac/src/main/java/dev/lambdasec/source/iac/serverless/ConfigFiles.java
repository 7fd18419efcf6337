package dev.lambdasec.source.iac.serverless;

import dev.lambdasec.model.Node;
import dev.lambdasec.source.iac.parse.DocumentParser;
import dev.lambdasec.source.iac.parse.ParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The YAML and JSON files a service includes with {@code ${file(…)}}, read relative to the service
 * file, at most {@value #MAX_FILES} of them and each no larger than the file limit. Other files
 * (JavaScript, keys, text) are never read: their content is only known to the framework.
 */
final class ConfigFiles {

  static final int MAX_FILES = 64;

  /** What reading an included file gave. */
  sealed interface Loaded {}

  /** The parsed file ({@code root} is {@code null} when it is empty). */
  record Found(@Nullable Node root) implements Loaded {}

  /** There is no such file: a fallback value may apply. */
  record Missing() implements Loaded {}

  /** The file is not read; {@code reason} says why. */
  record Refused(String reason) implements Loaded {}

  private final String display;
  private final @Nullable Path service;
  private final DocumentParser parser;
  private final long maxBytes;
  private final Map<Path, Found> cache = new HashMap<>();
  private final Set<Path> included = new LinkedHashSet<>();

  /**
   * @param display the service file as shown in findings
   * @param service the service file on disk, or {@code null} when it was read from memory
   */
  ConfigFiles(String display, @Nullable Path service, DocumentParser parser, long maxBytes) {
    this.display = display;
    this.service = service;
    this.parser = parser;
    this.maxBytes = maxBytes;
  }

  /** The files read so far, as normalized absolute paths. */
  Set<Path> included() {
    return Set.copyOf(included);
  }

  Loaded load(String relative) {
    Path base = service;
    if (base == null) {
      return new Refused("the service was read from memory, so " + relative + " is not available");
    }
    String name = relative.strip();
    String lower = name.toLowerCase(Locale.ROOT);
    if (!(lower.endsWith(".yml") || lower.endsWith(".yaml") || lower.endsWith(".json"))) {
      return new Refused(name + " is not a YAML or JSON file");
    }
    Path target;
    try {
      Path given = Path.of(name);
      if (given.isAbsolute()) {
        return new Refused(name + " is an absolute path");
      }
      Path parent = base.getParent();
      target = (parent == null ? given : parent.resolve(given)).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      return new Refused("not a valid path");
    }
    Found known = cache.get(target);
    if (known != null) {
      return known;
    }
    if (!Files.isRegularFile(target)) {
      return new Missing();
    }
    if (cache.size() >= MAX_FILES) {
      return new Refused("more than " + MAX_FILES + " included files");
    }
    try {
      if (Files.size(target) > maxBytes) {
        return new Refused(name + " is larger than " + maxBytes + " bytes");
      }
      String text = new String(Files.readAllBytes(target), StandardCharsets.UTF_8);
      Found found = new Found(parser.parse(shown(name), text));
      cache.put(target, found);
      included.add(target);
      return found;
    } catch (IOException | RuntimeException e) {
      return new Refused(name + " cannot be read");
    } catch (ParseException e) {
      return new Refused(name + " cannot be parsed: " + e.getMessage());
    }
  }

  /** The included file as shown in findings: next to the service file. */
  private String shown(String relative) {
    int slash = display.lastIndexOf('/');
    String dir = slash < 0 ? "" : display.substring(0, slash + 1);
    String joined = dir + relative.replace('\\', '/');
    try {
      return Path.of(joined).normalize().toString().replace('\\', '/');
    } catch (InvalidPathException e) {
      return joined;
    }
  }
}
