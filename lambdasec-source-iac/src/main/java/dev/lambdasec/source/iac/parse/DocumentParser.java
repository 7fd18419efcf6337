package dev.lambdasec.source.iac.parse;

import dev.lambdasec.model.Node;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Parses a YAML or JSON document, choosing JSON when the text starts with a brace. */
public final class DocumentParser {

  private final YamlParser yaml;
  private final JsonParser json;

  /**
   * @param maxChars the largest document accepted, in characters
   */
  public DocumentParser(int maxChars) {
    this.yaml = new YamlParser(maxChars);
    this.json = new JsonParser(maxChars);
  }

  /** The document's tree, or {@code null} when the document is empty. */
  public @Nullable Node parse(String file, String text) throws ParseException {
    return read(file, text).root();
  }

  /** The document's tree and the comments that may carry inline suppressions. */
  public ParsedDocument read(String file, String text) throws ParseException {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return looksLikeJson(body)
        ? new ParsedDocument(json.parse(file, body), List.of())
        : yaml.read(file, body);
  }

  private static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{';
      }
    }
    return false;
  }
}
