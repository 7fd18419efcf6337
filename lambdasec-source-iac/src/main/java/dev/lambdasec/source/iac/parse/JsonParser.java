package dev.lambdasec.source.iac.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Scalar.Kind;
import dev.lambdasec.model.Origin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses JSON with Jackson's streaming API into a {@link Node} tree with 1-based positions.
 * Duplicate keys are kept as separate entries.
 */
public final class JsonParser {

  private final JsonFactory factory;

  /**
   * @param maxStringLength the longest string value accepted, in characters
   */
  public JsonParser(int maxStringLength) {
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(Limits.MAX_DEPTH)
                    .maxStringLength(maxStringLength)
                    .build())
            .build();
  }

  /**
   * The document's tree, or {@code null} when the document holds no value.
   *
   * @throws ParseException for syntax errors; the message never quotes the document
   */
  public @Nullable Node parse(String file, String text) throws ParseException {
    try (com.fasterxml.jackson.core.JsonParser p = factory.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return null;
      }
      Node root = new Reader(p, new Origins(file)).value("", null);
      if (p.nextToken() != null) {
        JsonLocation loc = p.currentTokenLocation();
        throw new ParseException(
            "unexpected content after the JSON document", loc.getLineNr(), loc.getColumnNr());
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new ParseException(
          SafeMessages.redact(String.valueOf(e.getOriginalMessage())),
          loc == null ? 0 : Math.max(loc.getLineNr(), 0),
          loc == null ? 0 : Math.max(loc.getColumnNr(), 0));
    } catch (IOException e) {
      throw new ParseException("could not read JSON", 0, 0);
    }
  }

  /** Reads one value at the current token, recursively. */
  private static final class Reader {
    private final com.fasterxml.jackson.core.JsonParser p;
    private final Origins origins;
    private int count;

    Reader(com.fasterxml.jackson.core.JsonParser p, Origins origins) {
      this.p = p;
      this.origins = origins;
    }

    Node value(String path, @Nullable String resourceId) throws IOException, ParseException {
      JsonLocation loc = p.currentTokenLocation();
      Origin origin = origins.at(loc.getLineNr(), loc.getColumnNr(), resourceId, path);
      if (++count > Limits.MAX_NODES) {
        throw new ParseException(
            "document has more than " + Limits.MAX_NODES + " nodes",
            loc.getLineNr(),
            loc.getColumnNr());
      }
      JsonToken token = p.currentToken();
      if (token == null) {
        throw new ParseException("unexpected end of input", loc.getLineNr(), loc.getColumnNr());
      }
      return switch (token) {
        case START_OBJECT -> object(path, resourceId, origin);
        case START_ARRAY -> array(path, resourceId, origin);
        case VALUE_STRING -> Node.Scalar.string(p.getText(), origin);
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
            new Node.Scalar(p.getText(), Kind.NUMBER, origin);
        case VALUE_TRUE -> new Node.Scalar("true", Kind.BOOLEAN, origin);
        case VALUE_FALSE -> new Node.Scalar("false", Kind.BOOLEAN, origin);
        case VALUE_NULL -> new Node.Scalar(null, Kind.NULL, origin);
        default ->
            throw new ParseException(
                "unexpected JSON token " + token.name(), loc.getLineNr(), loc.getColumnNr());
      };
    }

    private Node object(String path, @Nullable String resourceId, Origin origin)
        throws IOException, ParseException {
      List<Node.Entry> entries = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonLocation kl = p.currentTokenLocation();
        String childPath = Origins.child(path, key);
        String childResource = Origins.resourceOf(path, key, resourceId);
        Origin keyOrigin = origins.at(kl.getLineNr(), kl.getColumnNr(), childResource, childPath);
        p.nextToken();
        entries.add(new Node.Entry(key, keyOrigin, value(childPath, childResource)));
      }
      return new Node.MapNode(entries, origin);
    }

    private Node array(String path, @Nullable String resourceId, Origin origin)
        throws IOException, ParseException {
      List<Node> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(value(Origins.child(path, items.size()), resourceId));
      }
      return new Node.ListNode(items, origin);
    }
  }
}
