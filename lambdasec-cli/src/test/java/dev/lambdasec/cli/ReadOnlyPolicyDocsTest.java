package dev.lambdasec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/iam/README.md tells users that the AWS managed SecurityAudit policy plus the actions it
 * lists grant everything in the shipped read-only policy: checked against the bundled copy of
 * SecurityAudit.
 */
class ReadOnlyPolicyDocsTest {

  /** Allowed to every principal by AWS; no policy needs to grant it. */
  private static final Set<String> ALWAYS_ALLOWED = Set.of("sts:GetCallerIdentity");

  private static Path docs() {
    String root = System.getProperty("lambdasec.root", "");
    Path base = root.isBlank() || root.contains("${") ? Path.of("..") : Path.of(root);
    return base.resolve("docs/iam");
  }

  private static List<String> actions(JsonNode policy, String effect) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : policy.path("Statement")) {
      if (s.path("Effect").asText().equals(effect)) {
        JsonNode a = s.path("Action");
        if (a.isArray()) {
          a.forEach(x -> out.add(x.asText()));
        } else if (a.isTextual()) {
          out.add(a.asText());
        }
      }
    }
    return out;
  }

  /** IAM action globs: case-insensitive, {@code *} and {@code ?}. */
  private static boolean matches(String glob, String action) {
    String regex =
        Pattern.quote(glob.toLowerCase(Locale.ROOT))
            .replace("*", "\\E.*\\Q")
            .replace("?", "\\E.\\Q");
    return action.toLowerCase(Locale.ROOT).matches(regex);
  }

  private static JsonNode securityAudit() throws IOException {
    try (InputStream in =
        ReadOnlyPolicyDocsTest.class.getResourceAsStream(
            "/dev/lambdasec/iam/data/managed/SecurityAudit.json")) {
      return new ObjectMapper().readTree(Objects.requireNonNull(in, "SecurityAudit not bundled"));
    }
  }

  @Test
  void securityAuditPlusTheDocumentedExtrasGrantTheShippedPolicy() throws IOException {
    JsonNode shipped =
        new ObjectMapper().readTree(docs().resolve("lambdasec-readonly-policy.json").toFile());
    JsonNode audit = securityAudit();
    List<String> allowed = actions(audit, "Allow");
    List<String> denied = actions(audit, "Deny");
    Set<String> notGranted = new TreeSet<>();
    for (String action : actions(shipped, "Allow")) {
      boolean granted =
          allowed.stream().anyMatch(g -> matches(g, action))
              && denied.stream().noneMatch(g -> matches(g, action));
      if (!granted && !ALWAYS_ALLOWED.contains(action)) {
        notGranted.add(action);
      }
    }

    String readme = Files.readString(docs().resolve("README.md"));
    List<String> documented = new ArrayList<>();
    var table = Pattern.compile("^\\| `([a-z0-9-]+:[A-Za-z*]+)` \\|", Pattern.MULTILINE);
    table.matcher(readme).results().forEach(m -> documented.add(m.group(1)));
    assertThat(notGranted).isNotEmpty();
    assertThat(documented).containsExactlyInAnyOrderElementsOf(notGranted);
  }
}
