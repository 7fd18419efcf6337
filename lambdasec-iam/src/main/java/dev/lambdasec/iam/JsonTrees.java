package dev.lambdasec.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Origin;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Converts Jackson trees of bundled data into model document trees. */
final class JsonTrees {

  private JsonTrees() {}

  /** {@code origin} is given to every node, with its path inside the document. */
  static Node toNode(JsonNode json, Origin origin) {
    return convert(json, origin, "");
  }

  private static Node convert(JsonNode json, Origin base, String path) {
    Origin here = base.withPath(path.isEmpty() ? "/" : path);
    if (json.isObject()) {
      List<Node.Entry> entries = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String childPath = path + "/" + e.getKey();
        entries.add(
            new Node.Entry(
                e.getKey(), base.withPath(childPath), convert(e.getValue(), base, childPath)));
      }
      return new Node.MapNode(entries, here);
    }
    if (json.isArray()) {
      List<Node> items = new ArrayList<>();
      for (int i = 0; i < json.size(); i++) {
        items.add(convert(json.get(i), base, path + "/" + i));
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
