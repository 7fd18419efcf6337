package dev.lambdasec.source.aws.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** The actions of the shipped {@code docs/iam/lambdasec-readonly-policy.json}. */
final class ReadOnlyPolicy {

  private ReadOnlyPolicy() {}

  static Path file() {
    String root = System.getProperty("lambdasec.root", "");
    Path base = root.isBlank() || root.contains("${") ? Path.of("..") : Path.of(root);
    return base.resolve("docs/iam/lambdasec-readonly-policy.json");
  }

  static Set<String> actions() throws IOException {
    Set<String> out = new TreeSet<>();
    for (JsonNode s : new ObjectMapper().readTree(file().toFile()).path("Statement")) {
      JsonNode a = s.path("Action");
      if (a.isArray()) {
        a.forEach(x -> out.add(x.asText()));
      } else {
        out.add(a.asText());
      }
    }
    return out;
  }
}
