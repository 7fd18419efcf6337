package dev.lambdasec.iam.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.PolicyDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads policy JSON text (a policy file given on the command line, a live policy, fuzz input) into
 * a model document tree. Streaming, with a line and column on every node and a JSON pointer as its
 * path; duplicate keys are kept as separate entries so the parser can report them; size and depth
 * are bounded. Every problem surfaces as a {@link PolicyJsonException}, never as another exception.
 */
public final class PolicyJson {

  /** Deeper than any policy IAM accepts. */
  public static final int MAX_DEPTH = 64;

  /** IAM's largest policies are tens of kilobytes; anything far beyond is not a policy. */
  public static final int MAX_CHARS = 2_000_000;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxStringLength(MAX_CHARS)
                  .maxNumberLength(100)
                  .build())
          .build();

  private PolicyJson() {}

  /** Reads {@code text} as one JSON value; {@code file} names it in origins (may be null). */
  public static Node read(String text, @Nullable String file) throws PolicyJsonException {
    if (text.length() > MAX_CHARS) {
      throw new PolicyJsonException(
          "policy text is " + text.length() + " characters, more than " + MAX_CHARS, file, 0, 0);
    }
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new PolicyJsonException("empty input: no JSON value", file, 1, 1);
      }
      Node root = new Reader(p, file).value("");
      if (p.nextToken() != null) {
        JsonLocation at = p.currentTokenLocation();
        throw new PolicyJsonException(
            "unexpected content after the JSON value", file, at.getLineNr(), at.getColumnNr());
      }
      return root;
    } catch (PolicyJsonException e) {
      throw e;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new PolicyJsonException(
          e.getOriginalMessage(),
          file,
          at == null ? 0 : Math.max(0, at.getLineNr()),
          at == null ? 0 : Math.max(0, at.getColumnNr()));
    } catch (IOException | RuntimeException e) {
      throw new PolicyJsonException(String.valueOf(e.getMessage()), file, 0, 0);
    }
  }

  /** Reads and names a policy document. */
  public static PolicyDocument document(String name, String text, @Nullable String file)
      throws PolicyJsonException {
    return new PolicyDocument(name, read(text, file));
  }

  private record Reader(JsonParser p, @Nullable String file) {

    private Origin here(String path) {
      JsonLocation at = p.currentTokenLocation();
      return new Origin(
          file,
          Math.max(0, at.getLineNr()),
          Math.max(0, at.getColumnNr()),
          null,
          path.isEmpty() ? "/" : path);
    }

    /** Reads the value at the current token. */
    Node value(String path) throws IOException {
      Origin origin = here(path);
      JsonToken t = p.currentToken();
      return switch (t) {
        case START_OBJECT -> {
          List<Node.Entry> entries = new ArrayList<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            String childPath = path + "/" + escape(key);
            Origin keyOrigin = here(childPath);
            p.nextToken();
            entries.add(new Node.Entry(key, keyOrigin, value(childPath)));
          }
          yield new Node.MapNode(entries, origin);
        }
        case START_ARRAY -> {
          List<Node> items = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(path + "/" + items.size()));
          }
          yield new Node.ListNode(items, origin);
        }
        case VALUE_STRING -> new Node.Scalar(p.getText(), Node.Scalar.Kind.STRING, origin);
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
            new Node.Scalar(p.getText(), Node.Scalar.Kind.NUMBER, origin);
        case VALUE_TRUE, VALUE_FALSE ->
            new Node.Scalar(p.getText(), Node.Scalar.Kind.BOOLEAN, origin);
        case VALUE_NULL -> new Node.Scalar(null, Node.Scalar.Kind.NULL, origin);
        default ->
            throw new PolicyJsonException("unexpected " + t, file, origin.line(), origin.column());
      };
    }

    private static String escape(String key) {
      return key.replace("~", "~0").replace("/", "~1");
    }
  }
}
