package dev.lambdasec.bench;

import dev.lambdasec.model.Node;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.parse.ParseException;
import dev.lambdasec.source.iac.parse.YamlParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a setting that a label names by its {@code serverless.yml} path ({@code provider.runtime})
 * is written: a label on a provider setting is met by a finding reported at that setting, whichever
 * function inherits it.
 */
final class SettingLines {

  private final Map<Path, Optional<Node>> documents = new HashMap<>();

  /** The 1-based line of the setting, when the file is a service and the path names a value. */
  Optional<Integer> line(Path file, String resource) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (!name.startsWith("serverless.") || !resource.startsWith("provider.")) {
      return Optional.empty();
    }
    Node value = documents.computeIfAbsent(file, SettingLines::parse).orElse(null);
    for (String key : resource.split("\\.")) {
      value = value == null ? null : Nodes.get(value, key);
    }
    return value == null || value.origin().line() <= 0
        ? Optional.empty()
        : Optional.of(value.origin().line());
  }

  private static Optional<Node> parse(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      @Nullable Node root = new YamlParser(1 << 24).parse(file.toString(), text);
      return Optional.ofNullable(root);
    } catch (IOException | ParseException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
