package dev.lambdasec.source.iac.serverless;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.NodeBudget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the variables of a service ({@code ${self:…}}, {@code ${opt:…}}, {@code ${env:…}},
 * {@code ${sls:stage}}, {@code ${param:…}}, {@code ${file(…)}}, {@code ${aws:region}}) as far as
 * they can be known before deployment, fallbacks included.
 *
 * <ul>
 *   <li>{@code opt:} reads the values given with {@code --param name=value}; {@code env:} never
 *       reads the scanner's environment (the deployment's differs), so only its fallback applies.
 *   <li>Values known only at deployment ({@code ${ssm:…}}, {@code ${cf:…}}, {@code ${s3:…}}, {@code
 *       ${aws:accountId}}) stay references: a {@link Reference} when they are the whole value,
 *       their placeholder text inside a longer string.
 *   <li>Anything else becomes {@link Unresolved} with the reason; CloudFormation placeholders
 *       ({@code ${AWS::Region}}, {@code ${Bucket.Arn}}) are left for the CloudFormation evaluation.
 * </ul>
 *
 * Every container the resolution creates or copies by reference is charged to the node budget, so
 * references that multiply each other stop at the budget.
 */
final class Variables {

  private static final int MAX_DEPTH = 64;
  private static final int MAX_TEXT = 16_384;
  private static final Set<String> DEPLOY_TIME = Set.of("ssm", "cf", "s3");
  private static final Pattern SOURCE =
      Pattern.compile("^([a-zA-Z][A-Za-z0-9]*)(\\.[A-Za-z0-9-]+)?\\s*([:(])(.*)$", Pattern.DOTALL);
  private static final Pattern VARIABLE_START =
      Pattern.compile("^\\s*[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9-]+)?\\s*(\\(|:(?!:))");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  /**
   * Whether {@code r} is a value the framework reads from outside the service at deployment ({@code
   * ${ssm:…}}, {@code ${cf:…}}, {@code ${s3:…}}), not a resource of the service.
   */
  static boolean isDeployTime(Reference r) {
    int colon = r.target().indexOf(':');
    return colon > 0 && DEPLOY_TIME.contains(r.target().substring(0, colon));
  }

  private final MapNode root;
  private final Map<String, String> options;
  private final ConfigFiles files;
  private final NodeBudget budget;
  private final Map<Node, Node> resolved = new IdentityHashMap<>();
  private final Map<Node, Long> sizes = new IdentityHashMap<>();
  private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
  private int depth;
  private @Nullable Node stage;
  private @Nullable Node region;

  /** What one candidate of a variable (the value or a fallback) gave. */
  private sealed interface Outcome {}

  private record Found(Node value) implements Outcome {}

  /** No value here, so the next fallback applies. */
  private record NotFound(String reason) implements Outcome {}

  /**
   * @param root the service as written
   * @param options the framework's CLI options ({@code --stage}, {@code --region}, custom ones)
   */
  Variables(MapNode root, Map<String, String> options, ConfigFiles files, NodeBudget budget) {
    this.root = root;
    this.options = Map.copyOf(options);
    this.files = files;
    this.budget = budget;
  }

  /** The whole service with its variables resolved. */
  MapNode resolveAll() {
    return resolve(root) instanceof MapNode m ? m : root;
  }

  /** The resolved value at a dotted path of the service ({@code provider.name}), if written. */
  @Nullable Node lookup(String address) {
    return navigate(root, address.split("\\."), root.origin()) instanceof Found f
        ? f.value()
        : null;
  }

  /** The stage: {@code --stage}, else {@code provider.stage}, else {@code dev}. */
  Node stage() {
    Node known = stage;
    if (known == null) {
      known = setting("stage", "dev");
      stage = known;
    }
    return known;
  }

  /** The region: {@code --region}, else {@code provider.region}, else {@code us-east-1}. */
  Node region() {
    Node known = region;
    if (known == null) {
      known = setting("region", "us-east-1");
      region = known;
    }
    return known;
  }

  private Node setting(String name, String fallback) {
    String given = options.get(name);
    if (given != null) {
      return Scalar.string(given, root.origin());
    }
    if (navigate(root, new String[] {"provider", name}, root.origin()) instanceof Found f) {
      return f.value();
    }
    return Scalar.string(fallback, root.origin());
  }

  /** A node with its variables resolved; resolved nodes are shared, never copied. */
  Node resolve(Node raw) {
    Node known = resolved.get(raw);
    if (known != null) {
      return known;
    }
    if (sizes.containsKey(raw)) {
      return raw; // already an output of the resolution
    }
    if (depth >= MAX_DEPTH) {
      return new Unresolved("variables nest deeper than " + MAX_DEPTH + " levels", raw.origin());
    }
    if (!inProgress.add(raw)) {
      return new Unresolved("a variable refers to itself", raw.origin());
    }
    depth++;
    try {
      Node out =
          switch (raw) {
            case Scalar s when s.text() != null && s.text().contains("${") -> string(s);
            case MapNode m -> {
              List<Entry> entries = new ArrayList<>();
              long size = 1;
              for (Entry e : m.entries()) {
                Node value = resolve(e.value());
                size += sizeOf(value);
                entries.add(new Entry(e.key(), e.keyOrigin(), value));
              }
              budget.charge(1);
              yield sized(new MapNode(entries, m.origin()), size);
            }
            case ListNode l -> {
              List<Node> items = new ArrayList<>();
              long size = 1;
              for (Node item : l.items()) {
                Node value = resolve(item);
                size += sizeOf(value);
                items.add(value);
              }
              budget.charge(1);
              yield sized(new ListNode(items, l.origin()), size);
            }
            default -> raw;
          };
      resolved.put(raw, out);
      sizes.putIfAbsent(out, 1L);
      return out;
    } finally {
      depth--;
      inProgress.remove(raw);
    }
  }

  private Node sized(Node node, long size) {
    sizes.put(node, size);
    return node;
  }

  private long sizeOf(Node node) {
    return sizes.getOrDefault(node, 1L);
  }

  /** A string with variables: the variable's value when it is the whole string, else a string. */
  private Node string(Scalar s) {
    String text = String.valueOf(s.text());
    List<Part> parts = parts(text);
    if (parts.size() == 1 && parts.getFirst().variable()) {
      Node value = variable(parts.getFirst().text(), s.origin());
      if (value instanceof MapNode || value instanceof ListNode) {
        budget.charge(sizeOf(value));
      }
      return value;
    }
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (!part.variable()) {
        out.append(part.text());
        continue;
      }
      Node value = variable(part.text(), s.origin());
      switch (value) {
        case Scalar v -> out.append(v.text() == null ? "" : v.text());
        case Reference r -> out.append(r.placeholder());
        case Unresolved u -> {
          return new Unresolved(u.reason(), s.origin());
        }
        default -> {
          return new Unresolved(
              "${" + part.text() + "} is not a string inside a longer string", s.origin());
        }
      }
      if (out.length() > MAX_TEXT) {
        return new Unresolved("a variable makes a string longer than " + MAX_TEXT, s.origin());
      }
    }
    budget.charge(1 + out.length() / 8L);
    return Scalar.string(out.toString(), s.origin());
  }

  /** A literal piece of a string, or the inside of a {@code ${…}} variable. */
  private record Part(String text, boolean variable) {}

  /** Splits a string into literal text and variables; CloudFormation placeholders stay literal. */
  private static List<Part> parts(String text) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf("${", i);
      int end = start < 0 ? -1 : closing(text, start + 2);
      if (start < 0 || end < 0) {
        literal.append(text, i, text.length());
        break;
      }
      String inner = text.substring(start + 2, end);
      if (VARIABLE_START.matcher(inner).find()) {
        literal.append(text, i, start);
        if (!literal.isEmpty()) {
          parts.add(new Part(literal.toString(), false));
          literal.setLength(0);
        }
        parts.add(new Part(inner, true));
      } else {
        literal.append(text, i, end + 1);
      }
      i = end + 1;
    }
    if (!literal.isEmpty() || parts.isEmpty()) {
      parts.add(new Part(literal.toString(), false));
    }
    return parts;
  }

  /** The index of the brace that closes a {@code ${} opened before {@code from}, or -1. */
  private static int closing(String text, int from) {
    int open = 1;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        open++;
      } else if (c == '}' && --open == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The value of {@code ${inner}}: the first of its candidates that has one. */
  private Node variable(String inner, Origin at) {
    String reason = "${" + inner + "} has no value before deployment";
    for (String candidate : splitTopLevel(inner, ',')) {
      Outcome outcome = candidate(candidate.strip(), at);
      if (outcome instanceof Found f) {
        return f.value();
      }
      reason = ((NotFound) outcome).reason();
    }
    return new Unresolved(reason, at);
  }

  private Outcome candidate(String c, Origin at) {
    if (c.isEmpty()) {
      return new NotFound("an empty variable has no value");
    }
    char first = c.charAt(0);
    if ((first == '\'' || first == '"') && c.length() >= 2 && c.charAt(c.length() - 1) == first) {
      String text = c.substring(1, c.length() - 1);
      Scalar literal = Scalar.string(text, at);
      return new Found(text.contains("${") ? string(literal) : literal);
    }
    if (c.startsWith("${") && c.endsWith("}")) {
      return new Found(string(Scalar.string(c, at)));
    }
    if (NUMBER.matcher(c).matches()) {
      return new Found(new Scalar(c, Scalar.Kind.NUMBER, at));
    }
    if (c.equals("true") || c.equals("false")) {
      return new Found(new Scalar(c, Scalar.Kind.BOOLEAN, at));
    }
    if (c.equals("null")) {
      return new Found(new Scalar(null, Scalar.Kind.NULL, at));
    }
    Matcher m = SOURCE.matcher(c);
    if (!m.matches()) {
      return new NotFound("${" + c + "} is not a variable lambdasec can read");
    }
    return source(m.group(1), m.group(3).equals("("), m.group(4), c, at);
  }

  private Outcome source(String name, boolean call, String rest, String whole, Origin at) {
    if (DEPLOY_TIME.contains(name)) {
      Node address = text(whole, at);
      return new Found(
          address instanceof Scalar a && a.text() != null
              ? new Reference(a.text(), null, at)
              : address);
    }
    if (name.equals("file") && call) {
      return file(rest, at);
    }
    if (name.equals("strToBool") && call) {
      int close = rest.lastIndexOf(')');
      Node value = text(close < 0 ? rest : rest.substring(0, close), at);
      if (value instanceof Scalar s && s.text() != null) {
        String t = s.text().strip();
        return new Found(new Scalar(String.valueOf(t.equals("true")), Scalar.Kind.BOOLEAN, at));
      }
      return new Found(value);
    }
    if (call) {
      return new Found(new Unresolved("${" + name + "(…)} is not read by lambdasec", at));
    }
    Node address = text(rest.strip(), at);
    if (!(address instanceof Scalar a) || a.text() == null) {
      return new Found(address);
    }
    String key = a.text().strip();
    return switch (name) {
      case "self" -> self(key, at);
      case "opt" -> {
        String given = options.get(key);
        yield given != null
            ? new Found(Scalar.string(given, at))
            : new NotFound("option --" + key + " is not given; pass --param " + key + "=…");
      }
      case "env" -> new NotFound("${env:" + key + "} is read from the environment at deployment");
      case "sls" ->
          key.equals("stage")
              ? new Found(stage())
              : new Found(new Unresolved("${sls:" + key + "} is known only at deployment", at));
      case "aws" ->
          switch (key) {
            case "region" -> new Found(region());
            case "accountId" -> new Found(new Reference("AWS::AccountId", null, at));
            default -> new Found(new Unresolved("${aws:" + key + "} is not known", at));
          };
      case "param" -> param(key, at);
      default -> new Found(new Unresolved("${" + name + ":…} is not read by lambdasec", at));
    };
  }

  /** {@code ${self:a.b}}: the service's own value; the stage and region have their defaults. */
  private Outcome self(String address, Origin at) {
    if (address.isEmpty()) {
      return new Found(new Unresolved("${self:} stands for the whole service", at));
    }
    Outcome found = navigate(root, address.split("\\."), at);
    if (found instanceof NotFound) {
      if (address.equals("provider.stage")) {
        return new Found(stage());
      }
      if (address.equals("provider.region")) {
        return new Found(region());
      }
    }
    return found;
  }

  /** {@code ${param:key}}: the stage's parameters, then the default ones (v3 and v4 layouts). */
  private Outcome param(String key, Origin at) {
    if (!(stage() instanceof Scalar s) || s.text() == null) {
      return new Found(new Unresolved("${param:" + key + "} depends on the stage", at));
    }
    for (String[] path :
        List.of(
            new String[] {"stages", s.text(), "params", key},
            new String[] {"params", s.text(), key},
            new String[] {"stages", "default", "params", key},
            new String[] {"params", "default", key})) {
      Outcome found = navigate(root, path, at);
      if (found instanceof Found) {
        return found;
      }
    }
    return new NotFound("${param:" + key + "} is not set for the stage");
  }

  /** {@code ${file(./x.yml):a.b}}: an included YAML or JSON file, or a value inside it. */
  private Outcome file(String rest, Origin at) {
    int close = closingParenthesis(rest);
    if (close < 0) {
      return new Found(new Unresolved("${file(…)} is not closed", at));
    }
    Node path = text(rest.substring(0, close), at);
    if (!(path instanceof Scalar p) || p.text() == null) {
      return new Found(path);
    }
    String after = rest.substring(close + 1).strip();
    return switch (files.load(p.text())) {
      case ConfigFiles.Missing m -> new NotFound("file " + p.text() + " does not exist");
      case ConfigFiles.Refused r -> new Found(new Unresolved(r.reason(), at));
      case ConfigFiles.Found f -> {
        Node content = f.root();
        if (content == null) {
          yield new NotFound("file " + p.text() + " is empty");
        }
        if (!after.startsWith(":") || after.length() == 1) {
          yield new Found(resolve(content));
        }
        Node address = text(after.substring(1).strip(), at);
        if (!(address instanceof Scalar a) || a.text() == null) {
          yield new Found(address);
        }
        yield navigate(content, a.text().strip().split("\\."), at);
      }
    };
  }

  private static int closingParenthesis(String text) {
    int open = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        open++;
      } else if (c == ')' && --open == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Follows a dotted address from {@code start}, resolving only the values on the way (never the
   * containers around them, which may themselves refer to the value asked for).
   */
  private Outcome navigate(Node start, String[] address, Origin at) {
    Node current = start;
    for (String key : address) {
      if (current instanceof Scalar s && s.text() != null && s.text().contains("${")) {
        current = resolve(current);
      }
      Node next =
          switch (current) {
            case MapNode m -> m.get(key).orElse(null);
            case ListNode l ->
                index(key, l.items().size()) < 0
                    ? null
                    : l.items().get(index(key, l.items().size()));
            case Unresolved u -> u;
            case Reference r ->
                new Unresolved(r.placeholder() + " is known only after deployment", at);
            default -> null;
          };
      if (next == null) {
        return new NotFound(String.join(".", address) + " is not set");
      }
      if (next instanceof Unresolved u) {
        return new Found(new Unresolved(u.reason(), at));
      }
      current = next;
    }
    return new Found(resolve(current));
  }

  private static int index(String key, int size) {
    if (key.isEmpty() || key.length() > 9 || !key.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    int i = Integer.parseInt(key);
    return i < size ? i : -1;
  }

  /** A variable's address or argument, which may hold variables itself. */
  private Node text(String text, Origin at) {
    if (!text.contains("${")) {
      return Scalar.string(text, at);
    }
    Node value = string(Scalar.string(text, at));
    return value instanceof Scalar || value instanceof Unresolved
        ? value
        : new Unresolved("${" + text + "} is not a name", at);
  }

  /** Splits on {@code separator} outside quotes, parentheses and nested variables. */
  private static List<String> splitTopLevel(String text, char separator) {
    List<String> out = new ArrayList<>();
    int nesting = 0;
    char quote = 0;
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '{' || c == '(') {
        nesting++;
      } else if (c == '}' || c == ')') {
        nesting = Math.max(0, nesting - 1);
      } else if (c == separator && nesting == 0) {
        out.add(text.substring(from, i));
        from = i + 1;
      }
    }
    out.add(text.substring(from));
    return out;
  }
}
