package dev.lambdasec.source.aws.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Origin;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Policy documents from the snapshot (JSON text) as model document trees with ARN origins. */
final class JsonDocuments {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonDocuments() {}

  /** The parsed JSON, or {@code null} when it is not JSON. */
  static @Nullable JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /**
   * The document as a tree; every node's origin names {@code resourceId} and its JSON pointer below
   * {@code base}. Text that is not JSON becomes an {@link Node.Unresolved} node.
   */
  static Node toNode(@Nullable String json, String resourceId, String base) {
    Origin origin = Origin.ofResource(resourceId).withPath(base);
    if (json == null) {
      return new Node.Unresolved("the document was not collected", origin);
    }
    JsonNode tree = parse(json);
    if (tree == null) {
      return new Node.Unresolved("the document is not valid JSON", origin);
    }
    return toNode(tree, resourceId, base);
  }

  static Node toNode(JsonNode json, String resourceId, String path) {
    Origin here = Origin.ofResource(resourceId).withPath(path.isEmpty() ? "/" : path);
    if (json.isObject()) {
      List<Node.Entry> entries = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String child = path + "/" + e.getKey();
        entries.add(
            new Node.Entry(
                e.getKey(),
                Origin.ofResource(resourceId).withPath(child),
                toNode(e.getValue(), resourceId, child)));
      }
      return new Node.MapNode(entries, here);
    }
    if (json.isArray()) {
      List<Node> items = new ArrayList<>();
      for (int i = 0; i < json.size(); i++) {
        items.add(toNode(json.get(i), resourceId, path + "/" + i));
      }
      return new Node.ListNode(items, here);
    }
    if (json.isNull()) {
      return new Node.Scalar(null, Node.Scalar.Kind.NULL, here);
    }
    Node.Scalar.Kind kind =
        json.isBoolean()
            ? Node.Scalar.Kind.BOOLEAN
            : json.isNumber() ? Node.Scalar.Kind.NUMBER : Node.Scalar.Kind.STRING;
    return new Node.Scalar(json.asText(), kind, here);
  }
}
