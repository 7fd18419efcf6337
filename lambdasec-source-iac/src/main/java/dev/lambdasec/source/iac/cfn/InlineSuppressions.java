package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.Suppression;
import dev.lambdasec.source.iac.parse.Comment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the inline suppressions of one file: a resource's {@code Metadata: {lambdasec: {skip: [{id,
 * reason}]}}}, and {@code # lambdasec:ignore RULE-ID[,RULE-ID…] reason} comments on or above a
 * resource. A suppression without a reason is kept (with a {@code null} reason): it does not apply,
 * and POLICY-001 reports it.
 */
public final class InlineSuppressions {

  private static final String DIRECTIVE = "lambdasec:";
  private static final String IGNORE = "lambdasec:ignore";
  private static final Pattern IDS =
      Pattern.compile("^([A-Za-z][A-Za-z0-9]*-\\d+(?:\\s*,\\s*[A-Za-z][A-Za-z0-9]*-\\d+)*)(.*)$");
  private static final Pattern SEPARATOR = Pattern.compile("^[\\s:\\-–—]+");

  private final String scope;
  private final Notes notes;
  private final List<Suppression> found = new ArrayList<>();

  /**
   * @param scope the scope of the file's resource keys
   */
  public InlineSuppressions(String scope, Notes notes) {
    this.scope = scope;
    this.notes = notes;
  }

  /** The suppressions read so far, in the order they are written. */
  public List<Suppression> all() {
    return List.copyOf(found);
  }

  /** Reads {@code Metadata.lambdasec.skip} of the resource {@code targetId}. */
  public void metadata(String targetId, @Nullable Node metadata) {
    Node lambdasec = Nodes.get(metadata, "lambdasec");
    if (lambdasec == null) {
      return;
    }
    Node skip = Nodes.get(lambdasec, "skip");
    if (skip == null) {
      notes.add(lambdasec.origin(), "Metadata.lambdasec of " + targetId + " has no skip list");
      return;
    }
    for (Node item : Nodes.items(skip)) {
      Optional<String> id = Nodes.text(item, "id").map(String::strip).filter(s -> !s.isEmpty());
      if (id.isEmpty()) {
        notes.add(item.origin(), "a lambdasec skip entry of " + targetId + " has no id; ignored");
        continue;
      }
      String reason = Nodes.text(item, "reason").map(String::strip).orElse(null);
      add(id.get(), targetId, reason, item.origin().withResource(targetId));
    }
  }

  /**
   * Reads a {@code lambdasec:ignore} comment; {@code targetId} is the resource it is written on or
   * above, or {@code null} when it is outside every resource.
   */
  public void comment(Comment comment, @Nullable String targetId) {
    String text = comment.text().strip();
    Origin at = new Origin(scope, comment.line(), comment.column(), targetId, comment.path());
    if (!text.startsWith(DIRECTIVE)) {
      return;
    }
    if (!text.startsWith(IGNORE)
        || (text.length() > IGNORE.length()
            && !Character.isWhitespace(text.charAt(IGNORE.length())))) {
      notes.add(at, "unknown lambdasec comment directive; only lambdasec:ignore is read");
      return;
    }
    Matcher m = IDS.matcher(text.substring(IGNORE.length()).strip());
    if (!m.matches()) {
      notes.add(at, "lambdasec:ignore without a rule id; ignored");
      return;
    }
    if (targetId == null) {
      notes.add(at, "lambdasec:ignore is not on or above a resource; ignored");
      return;
    }
    String reason = SEPARATOR.matcher(m.group(2)).replaceFirst("").strip();
    for (String id : m.group(1).split(",")) {
      add(id.strip(), targetId, reason, at);
    }
  }

  private void add(String ruleId, String targetId, @Nullable String reason, Origin at) {
    String stated = reason == null || reason.isBlank() ? null : reason;
    found.add(
        new Suppression(
            ruleId.toUpperCase(Locale.ROOT), new ResourceKey(scope, targetId), stated, at));
  }

  /**
   * The logical id a JSON-pointer path below {@code section} names: {@code
   * /Resources/Fn/Properties} → {@code Fn}.
   */
  public static Optional<String> resourceOf(String path, String section) {
    String prefix = section + "/";
    if (!path.startsWith(prefix)) {
      return Optional.empty();
    }
    String rest = path.substring(prefix.length());
    int slash = rest.indexOf('/');
    String segment = slash < 0 ? rest : rest.substring(0, slash);
    return segment.isEmpty()
        ? Optional.empty()
        : Optional.of(segment.replace("~1", "/").replace("~0", "~"));
  }
}
