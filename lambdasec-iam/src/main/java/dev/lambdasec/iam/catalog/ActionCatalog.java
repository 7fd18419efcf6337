package dev.lambdasec.iam.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.lambdasec.iam.Glob;
import dev.lambdasec.iam.Match;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Every IAM action with its access level and resource types, from the AWS Service Authorization
 * Reference (bundled {@code iam-catalog.json.gz}; see NOTICE for provenance).
 */
public final class ActionCatalog {

  private static final String BUNDLED = "/dev/lambdasec/iam/data/iam-catalog.json.gz";

  private final Map<String, Map<String, ActionInfo>> byService;
  private final String source;
  private final Map<String, List<ActionInfo>> expansions = new ConcurrentHashMap<>();

  private ActionCatalog(Map<String, Map<String, ActionInfo>> byService, String source) {
    this.byService = byService;
    this.source = source;
  }

  /** The catalog shipped in the jar; loaded once. */
  public static ActionCatalog bundled() {
    return Bundled.INSTANCE;
  }

  private static final class Bundled {
    static final ActionCatalog INSTANCE = load();

    private static ActionCatalog load() {
      try (InputStream raw = ActionCatalog.class.getResourceAsStream(BUNDLED)) {
        if (raw == null) {
          throw new IllegalStateException("bundled IAM catalog is missing from the jar");
        }
        try (InputStream in = new GZIPInputStream(raw)) {
          return read(in, "bundled iam-catalog.json");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Reads a catalog in the {@code iam-catalog/v1} format, streaming: only the fields lookups need
   * are kept (descriptions, ARN formats and condition-key tables are skipped).
   */
  public static ActionCatalog read(InputStream in, String source) throws IOException {
    Map<String, Map<String, ActionInfo>> byService = new HashMap<>();
    try (JsonParser p = new JsonFactory().createParser(in)) {
      expect(p.nextToken(), JsonToken.START_OBJECT, source);
      boolean sawServices = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("services")) {
          sawServices = true;
          readServices(p, byService, source);
        } else {
          p.skipChildren();
        }
      }
      if (!sawServices) {
        throw new IOException(source + " is not an iam-catalog document (no services)");
      }
    }
    return new ActionCatalog(Map.copyOf(byService), source);
  }

  private static void readServices(
      JsonParser p, Map<String, Map<String, ActionInfo>> byService, String source)
      throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT, source);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String prefix = p.currentName().toLowerCase(Locale.ROOT);
      expect(p.nextToken(), JsonToken.START_OBJECT, source);
      Map<String, ActionInfo> actions = byService.computeIfAbsent(prefix, k -> new HashMap<>());
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("actions")) {
          readActions(p, prefix, actions, source);
        } else {
          p.skipChildren();
        }
      }
    }
  }

  private static void readActions(
      JsonParser p, String prefix, Map<String, ActionInfo> actions, String source)
      throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT, source);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      expect(p.nextToken(), JsonToken.START_OBJECT, source);
      String access = "Read";
      List<String> types = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("access") && value == JsonToken.VALUE_STRING) {
          access = p.getText();
        } else if (field.equals("resources") && value == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String f = p.currentName();
              JsonToken v = p.nextToken();
              if (f.equals("type") && v == JsonToken.VALUE_STRING && !p.getText().isEmpty()) {
                types.add(p.getText());
              } else {
                p.skipChildren();
              }
            }
          }
        } else {
          p.skipChildren();
        }
      }
      actions.put(
          name.toLowerCase(Locale.ROOT),
          new ActionInfo(prefix, name, AccessLevel.parse(access), types));
    }
  }

  private static void expect(JsonToken actual, JsonToken expected, String source)
      throws IOException {
    if (actual != expected) {
      throw new IOException(source + ": expected " + expected + " but found " + actual);
    }
  }

  public String source() {
    return source;
  }

  public int size() {
    return byService.values().stream().mapToInt(Map::size).sum();
  }

  public boolean knowsService(String prefix) {
    return byService.containsKey(prefix.toLowerCase(Locale.ROOT));
  }

  /** The action named exactly (case-insensitive), such as {@code s3:getobject}. */
  public Optional<ActionInfo> find(String action) {
    int colon = action.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    Map<String, ActionInfo> svc =
        byService.get(action.substring(0, colon).toLowerCase(Locale.ROOT));
    return svc == null
        ? Optional.empty()
        : Optional.ofNullable(svc.get(action.substring(colon + 1).toLowerCase(Locale.ROOT)));
  }

  /**
   * Every action {@code pattern} matches for sure ({@code s3:Get*}, {@code *:Describe*}, {@code
   * *}).
   */
  public List<ActionInfo> expand(String pattern) {
    String p = pattern.toLowerCase(Locale.ROOT);
    if (p.equals("*")) {
      return all();
    }
    int colon = p.indexOf(':');
    if (colon < 0) {
      return List.of();
    }
    String svcPattern = p.substring(0, colon);
    List<ActionInfo> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, ActionInfo>> svc : byService.entrySet()) {
      if (Glob.action(svcPattern, svc.getKey()) != Match.YES) {
        continue;
      }
      if (!svcPattern.contains("*")
          && !svcPattern.contains("?")
          && p.indexOf('*', colon) < 0
          && p.indexOf('?', colon) < 0) {
        ActionInfo exact = svc.getValue().get(p.substring(colon + 1));
        if (exact != null) {
          out.add(exact);
        }
        continue;
      }
      for (ActionInfo a : svc.getValue().values()) {
        if (Glob.action(pattern, a.fullName()) == Match.YES) {
          out.add(a);
        }
      }
    }
    return List.copyOf(out);
  }

  /** Every action in the catalog. */
  public List<ActionInfo> all() {
    return byService.values().stream().map(Map::values).flatMap(Collection::stream).toList();
  }
}
