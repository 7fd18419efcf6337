package dev.lambdasec.source.iac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.InputError;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.parse.ParseException;
import dev.lambdasec.source.iac.parse.YamlParser;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Helpers shared by the adapter tests: read a template from a text block, look things up. */
public final class Fixtures {

  public static final String FILE = "template.yaml";

  private Fixtures() {}

  /** Reads a template as the fixture runner does, under {@link #FILE}. */
  public static SourceResult read(String text) {
    return new IacReader(IacOptions.defaults()).readText(FILE, text);
  }

  public static SourceResult read(String text, Map<String, String> parameters) {
    return new IacReader(new IacOptions(parameters, IacOptions.DEFAULT_MAX_FILE_BYTES))
        .readText(FILE, text);
  }

  /** Reads a template that must produce no input errors. */
  public static Application app(String text) {
    SourceResult result = read(text);
    assertThat(result.errors()).as("input errors").isEmpty();
    return result.application();
  }

  public static List<InputError> errors(String text) {
    return read(text).errors();
  }

  /** The resource of the given type and logical id. */
  public static <T extends Resource> T get(Application app, Class<T> type, String id) {
    return app.byKey(key(id))
        .filter(type::isInstance)
        .map(type::cast)
        .orElseThrow(
            () -> new AssertionError("no " + type.getSimpleName() + " " + id + " in " + ids(app)));
  }

  public static List<String> ids(Application app) {
    return app.resources().map(Resource::id).toList();
  }

  public static ResourceKey key(String id) {
    return new ResourceKey(FILE, id);
  }

  /** A reference to a resource of the template. */
  public static Ref to(String id) {
    return Ref.to(key(id));
  }

  /**
   * Asserts that the template written as JSON gives the same model as written in YAML, positions
   * aside: both formats go through the same tree.
   */
  public static void assertJsonParity(String yaml) {
    Node tree;
    try {
      tree = Objects.requireNonNull(new YamlParser(1 << 24).parse(FILE, yaml));
    } catch (ParseException e) {
      throw new AssertionError(e);
    }
    SourceResult fromYaml = read(yaml);
    SourceResult fromJson = new IacReader(IacOptions.defaults()).readText(FILE, json(tree));
    assertThat(withoutPositions(fromJson.application()))
        .isEqualTo(withoutPositions(fromYaml.application()));
    assertThat(fromJson.errors())
        .extracting(InputError::message)
        .isEqualTo(fromYaml.errors().stream().map(InputError::message).toList());
  }

  private static String withoutPositions(Application app) {
    return app.resources()
        .map(Object::toString)
        .map(s -> POSITION.matcher(s).replaceAll("Origin"))
        .collect(Collectors.joining("\n"));
  }

  private static final Pattern POSITION =
      Pattern.compile("Origin\\[file=[^,]*, line=\\d+, column=\\d+");

  /** A parsed tree written as JSON text. */
  public static String json(Node node) {
    return switch (node) {
      case Node.Scalar s ->
          switch (s.kind()) {
            case STRING -> quote(String.valueOf(s.text()));
            case NUMBER, BOOLEAN -> String.valueOf(s.text());
            case NULL -> "null";
          };
      case Node.MapNode m ->
          m.entries().stream()
              .map(e -> quote(e.key()) + ": " + json(e.value()))
              .collect(Collectors.joining(", ", "{", "}"));
      case Node.ListNode l ->
          l.items().stream().map(Fixtures::json).collect(Collectors.joining(", ", "[", "]"));
      default -> throw new AssertionError("not data: " + node);
    };
  }

  private static String quote(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** The node at a path of keys, which must exist. */
  public static Node at(Node node, String... path) {
    return Objects.requireNonNull(
        Nodes.at(node, path), () -> "nothing at " + String.join("/", path));
  }

  /** The value under {@code key}, which must exist. */
  public static <V> V entry(Map<String, V> map, String key) {
    return Objects.requireNonNull(map.get(key), () -> "no " + key + " in " + map.keySet());
  }

  /** {@code line:column} of a value, for compact origin assertions. */
  public static String pos(Value<?> value) {
    return value.origin().line() + ":" + value.origin().column();
  }

  public static String pos(Node node) {
    return node.origin().line() + ":" + node.origin().column();
  }
}
