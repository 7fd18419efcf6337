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
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
