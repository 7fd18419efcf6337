package dev.lambdasec.iam.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.lambdasec.iam.Glob;
import dev.lambdasec.iam.Match;
import dev.lambdasec.iam.data.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Every IAM action with its access level and resource types, the ARN formats of those resource
 * types and the types of condition keys, from the AWS Service Authorization Reference in the {@code
 * iam-catalog/v1} format. The copy {@code lambdasec data update} refreshed into the user data
 * directory is preferred when it is present and valid; the bundled {@code iam-catalog.json.gz} (see
 * NOTICE for provenance) is the fallback.
 */
public final class ActionCatalog {

  /** The file name, in the jar and in the user data directory. */
  public static final String FILE = "iam-catalog.json.gz";

  /** A refreshed catalog with fewer actions than this is treated as broken. */
  static final int MINIMUM_ACTIONS = 10_000;

  private static final String BUNDLED = "/dev/lambdasec/iam/data/" + FILE;

  /** Distinct patterns remembered; hostile input with more of them is expanded each time. */
  private static final int MEMO_LIMIT = 20_000;

  private final List<ActionInfo> actions;
  private final Map<String, Map<String, ActionInfo>> byService;
  private final Map<String, Map<String, String>> arnFormats;
  private final Map<String, String> conditionTypes;
  private final String source;
  private final Map<String, ActionSet> expansions = new ConcurrentHashMap<>();

  private ActionCatalog(
      List<ActionInfo> actions,
      Map<String, Map<String, ActionInfo>> byService,
      Map<String, Map<String, String>> arnFormats,
      Map<String, String> conditionTypes,
      String source) {
    this.actions = actions;
    this.byService = byService;
    this.arnFormats = arnFormats;
    this.conditionTypes = conditionTypes;
    this.source = source;
  }

  /** The catalog shipped in the jar; loaded once. */
  public static ActionCatalog bundled() {
    return Bundled.INSTANCE;
  }

  /** The refreshed catalog from the user data directory when valid, else the bundled one. */
  public static ActionCatalog installed() {
    return Installed.INSTANCE;
  }

  private static final class Bundled {
    static final ActionCatalog INSTANCE = load();

    private static ActionCatalog load() {
      try (InputStream raw = ActionCatalog.class.getResourceAsStream(BUNDLED)) {
        if (raw == null) {
          throw new IllegalStateException("bundled IAM catalog is missing from the jar");
        }
        try (InputStream in = new GZIPInputStream(raw)) {
          return read(
              in, "bundled iam-catalog.json (AWS Service Authorization Reference, 2026-06-14)");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class Installed {
    static final ActionCatalog INSTANCE =
        DataDirectory.user()
            .map(dir -> dir.resolve(FILE))
            .flatMap(ActionCatalog::readValid)
            .orElseGet(ActionCatalog::bundled);
  }

  /** Reads a refreshed catalog file; empty when it is missing, unreadable or implausibly small. */
  public static Optional<ActionCatalog> readValid(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      ActionCatalog c = read(in, "refreshed " + file);
      return c.size() >= MINIMUM_ACTIONS ? Optional.of(c) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads a catalog in the {@code iam-catalog/v1} format, streaming: descriptions and other text
   * are skipped.
   */
  public static ActionCatalog read(InputStream in, String source) throws IOException {
    Map<String, Map<String, Draft>> drafts = new TreeMap<>();
    Map<String, Map<String, String>> arns = new HashMap<>();
    Map<String, String> conditionTypes = new HashMap<>();
    try (JsonParser p = new JsonFactory().createParser(in)) {
      expect(p.nextToken(), JsonToken.START_OBJECT, source);
      boolean sawServices = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("services")) {
          sawServices = true;
          readServices(p, drafts, arns, conditionTypes, source);
        } else {
          p.skipChildren();
        }
      }
      if (!sawServices) {
        throw new IOException(source + " is not an iam-catalog document (no services)");
      }
    }
    List<ActionInfo> actions = new ArrayList<>();
    Map<String, Map<String, ActionInfo>> byService = new HashMap<>();
    for (Map.Entry<String, Map<String, Draft>> svc : drafts.entrySet()) {
      Map<String, ActionInfo> named = new HashMap<>();
      for (Draft d : svc.getValue().values()) {
        ActionInfo a = new ActionInfo(actions.size(), svc.getKey(), d.name, d.access, d.types);
        actions.add(a);
        named.put(d.name.toLowerCase(Locale.ROOT), a);
      }
      byService.put(svc.getKey(), Map.copyOf(named));
    }
    Map<String, Map<String, String>> arnFormats = new HashMap<>();
    arns.forEach((k, v) -> arnFormats.put(k, Map.copyOf(v)));
    return new ActionCatalog(
        List.copyOf(actions),
        Map.copyOf(byService),
        Map.copyOf(arnFormats),
        Map.copyOf(conditionTypes),
        source);
  }

  private static final class Draft {
    final String name;
    AccessLevel access = AccessLevel.READ;
    final List<String> types = new ArrayList<>();

    Draft(String name) {
      this.name = name;
    }
  }

  private static void readServices(
      JsonParser p,
      Map<String, Map<String, Draft>> drafts,
      Map<String, Map<String, String>> arns,
      Map<String, String> conditionTypes,
      String source)
      throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT, source);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String prefix = p.currentName().toLowerCase(Locale.ROOT);
      expect(p.nextToken(), JsonToken.START_OBJECT, source);
      Map<String, Draft> actions =
          drafts.computeIfAbsent(prefix, k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "actions" -> readActions(p, actions, source);
          case "resources" ->
              readResources(p, arns.computeIfAbsent(prefix, k -> new HashMap<>()), source);
          case "conditions" -> readConditions(p, conditionTypes, source);
          default -> p.skipChildren();
        }
      }
    }
  }

  private static void readActions(JsonParser p, Map<String, Draft> actions, String source)
      throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT, source);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      Draft d = actions.computeIfAbsent(p.currentName(), Draft::new);
      expect(p.nextToken(), JsonToken.START_OBJECT, source);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("access") && value == JsonToken.VALUE_STRING) {
          d.access = AccessLevel.parse(p.getText());
        } else if (field.equals("resources") && value == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String f = p.currentName();
              JsonToken v = p.nextToken();
              if (f.equals("type") && v == JsonToken.VALUE_STRING && !p.getText().isEmpty()) {
                if (!d.types.contains(p.getText())) {
                  d.types.add(p.getText());
                }
              } else {
                p.skipChildren();
              }
            }
          }
        } else {
          p.skipChildren();
        }
      }
    }
  }

  private static void readResources(JsonParser p, Map<String, String> arns, String source)
      throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT, source);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String type = p.currentName();
      expect(p.nextToken(), JsonToken.START_OBJECT, source);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken v = p.nextToken();
        if (f.equals("arn") && v == JsonToken.VALUE_STRING) {
          arns.put(type, p.getText());
        } else {
          p.skipChildren();
        }
      }
    }
  }

  private static void readConditions(JsonParser p, Map<String, String> types, String source)
      throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT, source);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName().toLowerCase(Locale.ROOT);
      expect(p.nextToken(), JsonToken.START_OBJECT, source);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken v = p.nextToken();
        if (f.equals("type") && v == JsonToken.VALUE_STRING) {
          types.putIfAbsent(key, p.getText());
        } else {
          p.skipChildren();
        }
      }
    }
  }

  private static void expect(@Nullable JsonToken actual, JsonToken expected, String source)
      throws IOException {
    if (actual != expected) {
      throw new IOException(source + ": expected " + expected + " but found " + actual);
    }
  }

  public String source() {
    return source;
  }

  public int size() {
    return actions.size();
  }

  public boolean knowsService(String prefix) {
    return byService.containsKey(prefix.toLowerCase(Locale.ROOT));
  }

  /** The service prefixes, sorted. */
  public Set<String> services() {
    return new java.util.TreeSet<>(byService.keySet());
  }

  /** The action at {@code index}. */
  public ActionInfo action(int index) {
    return actions.get(index);
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

  /** The empty set of this catalog. */
  public ActionSet none() {
    return ActionSet.empty(actions.size());
  }

  /** Every action of this catalog. */
  public ActionSet everything() {
    return ActionSet.all(actions.size());
  }

  /**
   * Every action {@code pattern} matches ({@code s3:Get*}, {@code *:Describe*}, {@code *}); IAM
   * matches actions case-insensitively. Memoized: a scan meets few distinct patterns.
   */
  public ActionSet expand(String pattern) {
    String key = pattern.toLowerCase(Locale.ROOT);
    ActionSet known = expansions.get(key);
    if (known != null) {
      return known;
    }
    ActionSet computed = compute(key);
    if (expansions.size() < MEMO_LIMIT) {
      expansions.put(key, computed);
    }
    return computed;
  }

  private ActionSet compute(String p) {
    if (p.equals("*")) {
      return everything();
    }
    BitSet bits = new BitSet(actions.size());
    int colon = p.indexOf(':');
    if (colon < 0 || Glob.hasPlaceholder(p)) {
      // a placeholder matches a concrete action only for some values, never for sure
      return new ActionSet(bits, actions.size());
    }
    String svcPattern = p.substring(0, colon);
    String namePattern = p.substring(colon + 1);
    boolean wildService = svcPattern.indexOf('*') >= 0 || svcPattern.indexOf('?') >= 0;
    boolean wildName = namePattern.indexOf('*') >= 0 || namePattern.indexOf('?') >= 0;
    for (Map.Entry<String, Map<String, ActionInfo>> svc : byService.entrySet()) {
      if (wildService
          ? Glob.action(svcPattern, svc.getKey()) != Match.YES
          : !svcPattern.equals(svc.getKey())) {
        continue;
      }
      if (!wildName) {
        ActionInfo exact = svc.getValue().get(namePattern);
        if (exact != null) {
          bits.set(exact.index());
        }
        continue;
      }
      for (Map.Entry<String, ActionInfo> a : svc.getValue().entrySet()) {
        if (Glob.action(namePattern, a.getKey()) == Match.YES) {
          bits.set(a.getValue().index());
        }
      }
    }
    return new ActionSet(bits, actions.size());
  }

  /** The actions that satisfy {@code test}. */
  public ActionSet matching(java.util.function.Predicate<ActionInfo> test) {
    BitSet bits = new BitSet(actions.size());
    for (ActionInfo a : actions) {
      if (test.test(a)) {
        bits.set(a.index());
      }
    }
    return new ActionSet(bits, actions.size());
  }

  /** The actions of a set, in catalog order. */
  public Stream<ActionInfo> actions(ActionSet set) {
    return set.indices().mapToObj(actions::get);
  }

  /** The actions of a service, in catalog order. */
  public List<ActionInfo> actionsOf(String prefix) {
    Map<String, ActionInfo> svc = byService.get(prefix.toLowerCase(Locale.ROOT));
    return svc == null
        ? List.of()
        : svc.values().stream().sorted(Comparator.comparingInt(ActionInfo::index)).toList();
  }

  /**
   * The ARN formats of the resource types {@code action} can be scoped to, such as {@code
   * arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}}.
   */
  public List<String> arnFormats(ActionInfo action) {
    Map<String, String> svc = arnFormats.getOrDefault(action.service(), Map.of());
    return action.resourceTypes().stream()
        .map(svc::get)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /**
   * The type of a condition key as the reference lists it ({@code String}, {@code ArrayOfString},
   * {@code Bool}…), for keys without {@code ${TagKey}}-style variables; empty when unknown.
   */
  public Optional<String> conditionType(String key) {
    return Optional.ofNullable(conditionTypes.get(key.toLowerCase(Locale.ROOT)));
  }
}
