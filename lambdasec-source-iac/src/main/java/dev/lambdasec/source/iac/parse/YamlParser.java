package dev.lambdasec.source.iac.parse;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Scalar.Kind;
import dev.lambdasec.model.Origin;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Parses YAML with SnakeYAML's compose API (YAML 1.1 scalar typing, positions on every node) into a
 * {@link Node} tree, turning CloudFormation short-form tags into their long form. Comments that may
 * be inline suppressions ({@code # lambdasec:…}) are kept with the path of the node they are
 * written on or above.
 */
public final class YamlParser {

  private final int codePointLimit;

  /**
   * @param codePointLimit the largest document accepted, in code points
   */
  public YamlParser(int codePointLimit) {
    this.codePointLimit = codePointLimit;
  }

  /**
   * The document's tree, or {@code null} when the document is empty.
   *
   * @throws ParseException for syntax errors and documents over the limits; the message never
   *     quotes the document
   */
  public @Nullable Node parse(String file, String text) throws ParseException {
    return read(file, text).root();
  }

  /**
   * The document's tree and its {@code lambdasec:} comments.
   *
   * @throws ParseException as {@link #parse}
   */
  public ParsedDocument read(String file, String text) throws ParseException {
    org.yaml.snakeyaml.nodes.Node root;
    try {
      root = new Yaml(loaderOptions()).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : "syntax error";
      throw new ParseException(
          SafeMessages.redact(problem),
          mark == null ? 0 : mark.getLine() + 1,
          mark == null ? 0 : mark.getColumn() + 1);
    } catch (RuntimeException e) {
      // SnakeYAML also throws unmarked YAMLExceptions (limits) and leaks IllegalArgumentException
      // on malformed tag URIs such as "!%A".
      throw new ParseException(
          "invalid YAML (" + SafeMessages.redact(String.valueOf(e.getMessage())) + ")", 0, 0);
    }
    if (root == null || commentsOnly(root)) {
      return new ParsedDocument(null, List.of());
    }
    Converter converter = new Converter(new Origins(file));
    Node tree = converter.convert(root, "", null, 0);
    converter.comments.sort(
        java.util.Comparator.comparingInt(Comment::line).thenComparingInt(Comment::column));
    return new ParsedDocument(tree, converter.comments);
  }

  /** With comments kept, a document of comments alone composes to an empty block mapping. */
  private static boolean commentsOnly(org.yaml.snakeyaml.nodes.Node root) {
    return root instanceof MappingNode m
        && m.getValue().isEmpty()
        && m.getFlowStyle() != org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW;
  }

  private LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setNestingDepthLimit(Limits.MAX_DEPTH);
    options.setMaxAliasesForCollections(Limits.MAX_ALIASES);
    options.setCodePointLimit(codePointLimit);
    options.setAllowDuplicateKeys(true);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(true);
    return options;
  }

  /** Converts one composed document; counts nodes so alias expansion stays bounded. */
  private static final class Converter {
    private static final String MARKER = "lambdasec:";

    private final Origins origins;
    private final List<Comment> comments = new ArrayList<>();
    private final Set<Long> seenComments = new HashSet<>();
    private int count;

    Converter(Origins origins) {
      this.origins = origins;
    }

    Node convert(
        org.yaml.snakeyaml.nodes.Node node, String path, @Nullable String resourceId, int depth)
        throws ParseException {
      Mark start = node.getStartMark();
      int line = start == null ? 0 : start.getLine() + 1;
      int column = start == null ? 0 : start.getColumn() + 1;
      if (depth > Limits.MAX_DEPTH) {
        throw new ParseException("nesting deeper than " + Limits.MAX_DEPTH, line, column);
      }
      if (++count > Limits.MAX_NODES) {
        throw new ParseException(
            "document expands to more than " + Limits.MAX_NODES + " nodes (aliases?)",
            line,
            column);
      }
      Origin origin = origins.at(line, column, resourceId, path);
      keep(node.getBlockComments(), path);
      keep(node.getInLineComments(), path);
      keep(node.getEndComments(), path);
      String tag = node.getTag().getValue();
      String shortForm = tag.startsWith("!") && !tag.startsWith("!!") ? tag : null;
      if (shortForm != null) {
        String longForm = ShortForms.longForm(shortForm).orElse(null);
        if (longForm == null) {
          return new Node.Unresolved("unknown YAML tag " + shortForm, origin);
        }
        String innerPath = Origins.child(path, longForm);
        Node content = convertContent(node, innerPath, resourceId, depth + 1, origin);
        if ("Fn::GetAtt".equals(longForm) && content instanceof Node.Scalar s) {
          content = splitGetAtt(s);
        }
        return new Node.MapNode(List.of(new Node.Entry(longForm, origin, content)), origin);
      }
      return convertContent(node, path, resourceId, depth, origin);
    }

    private Node convertContent(
        org.yaml.snakeyaml.nodes.Node node,
        String path,
        @Nullable String resourceId,
        int depth,
        Origin origin)
        throws ParseException {
      Origin here = origin.withPath(path);
      return switch (node) {
        case ScalarNode s -> scalar(s, here);
        case SequenceNode seq -> {
          List<Node> items = new ArrayList<>();
          List<org.yaml.snakeyaml.nodes.Node> values = seq.getValue();
          for (int i = 0; i < values.size(); i++) {
            items.add(convert(values.get(i), Origins.child(path, i), resourceId, depth + 1));
          }
          yield new Node.ListNode(items, here);
        }
        case MappingNode map -> {
          List<Node.Entry> entries = new ArrayList<>();
          String previous = null;
          for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
              Mark m = tuple.getKeyNode().getStartMark();
              throw new ParseException(
                  "complex mapping keys are not supported",
                  m == null ? 0 : m.getLine() + 1,
                  m == null ? 0 : m.getColumn() + 1);
            }
            String key = keyNode.getValue();
            Mark km = keyNode.getStartMark();
            String childPath = Origins.child(path, key);
            keyComments(keyNode, km, childPath, previous);
            previous = childPath;
            String childResource = Origins.resourceOf(path, key, resourceId);
            Origin keyOrigin =
                origins.at(
                    km == null ? 0 : km.getLine() + 1,
                    km == null ? 0 : km.getColumn() + 1,
                    childResource,
                    childPath);
            entries.add(
                new Node.Entry(
                    key,
                    keyOrigin,
                    convert(tuple.getValueNode(), childPath, childResource, depth + 1)));
          }
          yield new Node.MapNode(entries, here);
        }
        default -> new Node.Unresolved("unsupported YAML node", here);
      };
    }

    /**
     * Comments on a mapping key: inline ones belong to the entry; a comment block above it belongs
     * to it too, unless the block is indented deeper than the key, which makes it the tail of the
     * previous entry.
     */
    private void keyComments(
        ScalarNode key, @Nullable Mark mark, String path, @Nullable String previous) {
      keep(key.getInLineComments(), path);
      List<CommentLine> block = key.getBlockComments();
      if (block == null) {
        return;
      }
      int keyColumn = mark == null ? 0 : mark.getColumn();
      for (CommentLine c : block) {
        Mark at = c.getStartMark();
        String owner =
            previous != null && at != null && at.getColumn() > keyColumn ? previous : path;
        keep(List.of(c), owner);
      }
    }

    private void keep(@Nullable List<CommentLine> lines, String path) {
      if (lines == null) {
        return;
      }
      for (CommentLine c : lines) {
        String text = c.getValue();
        Mark at = c.getStartMark();
        if (text == null || at == null || !text.contains(MARKER)) {
          continue;
        }
        long position = ((long) at.getLine() << 20) | at.getColumn();
        if (seenComments.add(position)) {
          comments.add(
              new Comment(
                  path.isEmpty() ? "/" : path, at.getLine() + 1, at.getColumn() + 1, text.strip()));
        }
      }
    }

    private static Node scalar(ScalarNode s, Origin origin) {
      Tag tag = s.getTag();
      String text = s.getValue();
      if (Tag.BOOL.equals(tag)) {
        return new Node.Scalar(String.valueOf(isTrue(text)), Kind.BOOLEAN, origin);
      }
      if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
        return new Node.Scalar(text, Kind.NUMBER, origin);
      }
      if (Tag.NULL.equals(tag)) {
        return new Node.Scalar(null, Kind.NULL, origin);
      }
      return Node.Scalar.string(text, origin);
    }

    /** YAML 1.1 booleans: yes/true/on are true, no/false/off are false. */
    private static boolean isTrue(String text) {
      String t = text.toLowerCase(java.util.Locale.ROOT);
      return t.equals("yes") || t.equals("true") || t.equals("on");
    }

    /** {@code !GetAtt A.B.C} means {@code [A, "B.C"]}: split on the first dot. */
    private static Node splitGetAtt(Node.Scalar s) {
      String text = s.text() == null ? "" : s.text();
      int dot = text.indexOf('.');
      if (dot < 0) {
        return new Node.ListNode(List.of(s), s.origin());
      }
      return new Node.ListNode(
          List.of(
              Node.Scalar.string(text.substring(0, dot), s.origin()),
              Node.Scalar.string(text.substring(dot + 1), s.origin())),
          s.origin());
    }
  }
}
