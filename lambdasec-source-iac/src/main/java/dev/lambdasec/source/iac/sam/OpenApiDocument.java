package dev.lambdasec.source.iac.sam;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * An OpenAPI definition being edited the way SAM edits one: paths and their operations can be added
 * and rewritten, other keys are kept as written, and everything keeps its origin.
 */
final class OpenApiDocument {

  private final Origin origin;
  private final Map<String, Entry> topLevel = new LinkedHashMap<>();
  private final Map<String, PathItem> paths = new LinkedHashMap<>();
  private final Origin pathsOrigin;

  private static final class PathItem {
    final Origin keyOrigin;
    final Origin origin;
    final Map<String, Entry> entries = new LinkedHashMap<>();

    PathItem(Origin keyOrigin, Origin origin) {
      this.keyOrigin = keyOrigin;
      this.origin = origin;
    }
  }

  OpenApiDocument(MapNode base) {
    this.origin = base.origin();
    for (Entry e : base.entries()) {
      if (e.key().equals("paths") && e.value() instanceof MapNode p) {
        for (Entry path : p.entries()) {
          PathItem item = new PathItem(path.keyOrigin(), path.value().origin());
          if (path.value() instanceof MapNode ops) {
            ops.entries().forEach(op -> item.entries.put(op.key(), op));
          }
          paths.put(path.key(), item);
        }
      } else {
        topLevel.put(e.key(), e);
      }
    }
    this.pathsOrigin = base.get("paths").map(Node::origin).orElse(base.origin());
  }

  /** Sets operation {@code method} of {@code path}, creating the path when it is new. */
  void put(String path, String method, Node operation) {
    paths
        .computeIfAbsent(path, k -> new PathItem(operation.origin(), operation.origin()))
        .entries
        .put(method, new Entry(method, operation.origin(), operation));
  }

  boolean has(String path, String method) {
    PathItem item = paths.get(path);
    return item != null && item.entries.containsKey(method);
  }

  List<String> paths() {
    return new ArrayList<>(paths.keySet());
  }

  /** The keys of a path item: methods, and {@code parameters} when it has them. */
  List<String> methods(String path) {
    PathItem item = paths.get(path);
    return item == null ? List.of() : new ArrayList<>(item.entries.keySet());
  }

  /** Rewrites every operation: {@code (method, operation) -> new operation}. */
  void rewrite(BiFunction<String, Node, Node> rewriter) {
    for (PathItem item : paths.values()) {
      for (Map.Entry<String, Entry> e : item.entries.entrySet()) {
        Entry op = e.getValue();
        e.setValue(new Entry(op.key(), op.keyOrigin(), rewriter.apply(op.key(), op.value())));
      }
    }
  }

  /** The operations of every path, for inspection. */
  List<Node> operations() {
    List<Node> out = new ArrayList<>();
    paths.values().forEach(item -> item.entries.values().forEach(e -> out.add(e.value())));
    return out;
  }

  Node top(String key) {
    Entry e = topLevel.get(key);
    return e == null ? Nodes.map(origin).build() : e.value();
  }

  void putTop(String key, Node value) {
    topLevel.put(key, new Entry(key, value.origin(), value));
  }

  MapNode build() {
    List<Entry> entries = new ArrayList<>(topLevel.values());
    List<Entry> pathEntries = new ArrayList<>();
    paths.forEach((path, item) ->
        pathEntries.add(
            new Entry(
                path,
                item.keyOrigin,
                new MapNode(new ArrayList<>(item.entries.values()), item.origin))));
    entries.add(new Entry("paths", pathsOrigin, new MapNode(pathEntries, pathsOrigin)));
    return new MapNode(entries, origin);
  }
}
