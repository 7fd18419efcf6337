package dev.lambdasec.source.iac.terraform;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.parse.ParseException;
import dev.lambdasec.source.iac.terraform.hcl.Expr;
import dev.lambdasec.source.iac.terraform.hcl.HclParser;
import dev.lambdasec.source.iac.terraform.mapping.JsonText;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Terraform's built-in functions, as far as an audit needs them: strings, collections, type
 * conversions, JSON, and files of the configuration ({@code file}, {@code templatefile}). Functions
 * whose result depends on the machine or the moment ({@code timestamp}, {@code uuid}, file hashes)
 * or that lambdasec does not implement give an unresolved value saying so.
 */
final class Functions {

  /** Largest file {@code file()} and {@code templatefile()} read. */
  private static final long MAX_FILE = 1 << 20;

  private static final Set<String> MACHINE =
      Set.of(
          "timestamp",
          "plantimestamp",
          "uuid",
          "uuidv5",
          "bcrypt",
          "filemd5",
          "filesha1",
          "filesha256",
          "filesha512",
          "filebase64sha256",
          "filebase64sha512",
          "filebase64",
          "fileset",
          "abspath",
          "pathexpand",
          "md5",
          "sha1",
          "sha256",
          "sha512",
          "base64sha256",
          "base64sha512",
          "rsadecrypt",
          "timeadd",
          "formatdate");

  private final Session session;

  Functions(Session session) {
    this.session = session;
  }

  Node call(String name, List<Node> args, Origin at, Scope scope, Evaluator evaluator) {
    if (MACHINE.contains(name)) {
      return new Unresolved(name + "() is known only when Terraform runs", at);
    }
    return switch (name) {
      case "jsonencode" -> jsonencode(args, at);
      case "jsondecode" -> jsondecode(args, at);
      case "file" -> file(args, at, scope);
      case "templatefile" -> templatefile(args, at, scope, evaluator);
      case "fileexists" -> fileexists(args, at, scope);
      case "sensitive", "nonsensitive", "tolist", "toset", "tomap", "one" ->
          passThrough(name, args, at);
      case "tostring" -> tostring(args, at);
      case "tonumber" -> primitive(args, at, true);
      case "tobool" -> primitive(args, at, false);
      case "merge" -> merge(args, at);
      case "concat" -> concat(args, at);
      case "flatten" -> flatten(args, at);
      case "lookup" -> lookup(args, at);
      case "element" -> element(args, at);
      case "length" -> length(args, at);
      case "keys", "values" -> keysOrValues(name.equals("keys"), args, at);
      case "contains" -> contains(args, at);
      case "coalesce" -> coalesce(args, at);
      case "compact", "distinct", "reverse", "sort" -> listOperation(name, args, at);
      case "zipmap" -> zipmap(args, at);
      case "slice" -> slice(args, at);
      case "range" -> range(args, at);
      default -> strings(name, args, at);
    };
  }

  // ---------------------------------------------------------------- JSON and files

  private static Node jsonencode(List<Node> args, Origin at) {
    if (args.size() != 1) {
      return arity("jsonencode", at);
    }
    Node v = args.getFirst();
    if (v instanceof MapNode || v instanceof ListNode) {
      return v; // kept as a tree, so a policy's statements keep their lines
    }
    if (v instanceof Unresolved) {
      return Values.at(v, at);
    }
    return JsonText.write(v)
        .<Node>map(t -> Values.string(t, at))
        .orElseGet(() -> Values.unknown(v, at));
  }

  private static Node jsondecode(List<Node> args, Origin at) {
    if (args.size() != 1) {
      return arity("jsondecode", at);
    }
    Node v = args.getFirst();
    if (v instanceof MapNode || v instanceof ListNode) {
      return v;
    }
    Optional<String> text = Values.text(v);
    return text.isPresent() ? JsonText.read(text.get(), v.origin()) : Values.unknown(v, at);
  }

  /** A file of the configuration; paths outside the scanned folders are not read. */
  private Optional<Path> path(Node arg, Scope scope) {
    Optional<String> text = Values.text(arg);
    Path dir = scope.module().files().dir();
    if (text.isEmpty() || dir == null) {
      return Optional.empty();
    }
    String display = scope.module().files().display();
    String relative = text.get();
    if (relative.startsWith(display + "/")) {
      relative = relative.substring(display.length() + 1);
    } else if (relative.equals(display)) {
      relative = ".";
    }
    Path candidate = dir.resolve(relative).normalize();
    Path root = Path.of(session.rootDisplay().isEmpty() ? "." : session.rootDisplay());
    boolean inside =
        candidate.toAbsolutePath().startsWith(dir.toAbsolutePath().normalize())
            || candidate.toAbsolutePath().startsWith(root.toAbsolutePath().normalize());
    return inside ? Optional.of(candidate) : Optional.empty();
  }

  private Node file(List<Node> args, Origin at, Scope scope) {
    if (args.size() != 1) {
      return arity("file", at);
    }
    Optional<Path> p = path(args.getFirst(), scope);
    if (p.isEmpty()) {
      return unreadable(args.getFirst(), at);
    }
    return read(p.get(), scope)
        .<Node>map(
            t -> Values.string(t, new Origin(shown(p.get(), scope), 1, 1, at.resourceId(), null)))
        .orElseGet(() -> new Unresolved("file() names a file that cannot be read", at));
  }

  private Node fileexists(List<Node> args, Origin at, Scope scope) {
    if (args.size() != 1) {
      return arity("fileexists", at);
    }
    Optional<Path> p = path(args.getFirst(), scope);
    return p.isPresent()
        ? Values.bool(Files.isRegularFile(p.get()), at)
        : unreadable(args.getFirst(), at);
  }

  private Node templatefile(List<Node> args, Origin at, Scope scope, Evaluator evaluator) {
    if (args.size() != 2) {
      return arity("templatefile", at);
    }
    Optional<Path> p = path(args.get(0), scope);
    if (p.isEmpty()) {
      return unreadable(args.get(0), at);
    }
    if (!(args.get(1) instanceof MapNode vars)) {
      return Values.unknown(args.get(1), at);
    }
    Optional<String> text = read(p.get(), scope);
    if (text.isEmpty()) {
      return new Unresolved("templatefile() names a file that cannot be read", at);
    }
    String shown = shown(p.get(), scope);
    try {
      Expr template = HclParser.parseTemplate(text.get());
      Scope inner = new Scope(scope.module(), shown, scope.resource(), Map.of());
      for (Entry e : vars.entries()) {
        inner = inner.with(e.key(), e.value());
      }
      return evaluator.eval(template, inner);
    } catch (ParseException e) {
      return new Unresolved("the template " + shown + " cannot be parsed: " + e.getMessage(), at);
    }
  }

  private Optional<String> read(Path p, Scope scope) {
    try {
      if (!Files.isRegularFile(p) || Files.size(p) > MAX_FILE) {
        return Optional.empty();
      }
      session.charge(Files.size(p) / 64);
      return Optional.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String shown(Path p, Scope scope) {
    Path dir = scope.module().files().dir();
    if (dir == null) {
      return p.toString().replace('\\', '/');
    }
    return Displays.child(
        scope.module().files().display(),
        dir.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString());
  }

  private static Node unreadable(Node arg, Origin at) {
    return Values.isKnown(arg)
        ? new Unresolved("only files inside the scanned configuration are read", at)
        : Values.unknown(arg, at);
  }

  // ---------------------------------------------------------------- conversions

  private static Node passThrough(String name, List<Node> args, Origin at) {
    if (args.size() != 1) {
      return arity(name, at);
    }
    Node v = args.getFirst();
    if (name.equals("one")) {
      if (v instanceof ListNode l) {
        return l.items().isEmpty() ? Values.nullValue(at) : l.items().getFirst();
      }
      return Values.isKnown(v) ? new Unresolved("one() needs a list", at) : Values.unknown(v, at);
    }
    if (name.equals("toset") && v instanceof ListNode l) {
      Map<String, Node> unique = new LinkedHashMap<>();
      for (Node item : l.items()) {
        if (!Values.isKnown(item)) {
          return Values.unknown(item, at);
        }
        unique.putIfAbsent(Values.key(item), item);
      }
      return new ListNode(new ArrayList<>(unique.values()), l.origin());
    }
    return v;
  }

  private static Node tostring(List<Node> args, Origin at) {
    if (args.size() != 1) {
      return arity("tostring", at);
    }
    Node v = args.getFirst();
    if (v instanceof Reference || v instanceof Unresolved) {
      return v;
    }
    return Values.text(v)
        .<Node>map(t -> Values.string(t, v.origin()))
        .orElseGet(() -> Values.isNull(v) ? v : new Unresolved("tostring() of a collection", at));
  }

  private static Node primitive(List<Node> args, Origin at, boolean number) {
    if (args.size() != 1) {
      return arity(number ? "tonumber" : "tobool", at);
    }
    Node v = args.getFirst();
    if (!Values.isKnown(v)) {
      return Values.unknown(v, at);
    }
    if (Values.isNull(v)) {
      return v;
    }
    return number
        ? Values.numberOf(v)
            .<Node>map(n -> Values.number(n, v.origin()))
            .orElseGet(() -> new Unresolved("not a number", at))
        : Values.truth(v)
            .<Node>map(b -> Values.bool(b, v.origin()))
            .orElseGet(() -> new Unresolved("not a bool", at));
  }

  // ---------------------------------------------------------------- collections

  private static Node merge(List<Node> args, Origin at) {
    Map<String, Entry> merged = new LinkedHashMap<>();
    for (Node arg : args) {
      if (Values.isNull(arg)) {
        continue;
      }
      if (!(arg instanceof MapNode m)) {
        return Values.isKnown(arg)
            ? new Unresolved("merge() needs maps", at)
            : Values.unknown(arg, at);
      }
      for (Entry e : m.entries()) {
        merged.remove(e.key());
        merged.put(e.key(), e);
      }
    }
    return new MapNode(new ArrayList<>(merged.values()), at);
  }

  private static Node concat(List<Node> args, Origin at) {
    List<Node> items = new ArrayList<>();
    for (Node arg : args) {
      if (!(arg instanceof ListNode l)) {
        return Values.isKnown(arg)
            ? new Unresolved("concat() needs lists", at)
            : Values.unknown(arg, at);
      }
      items.addAll(l.items());
    }
    return new ListNode(items, at);
  }

  private Node flatten(List<Node> args, Origin at) {
    if (args.size() != 1) {
      return arity("flatten", at);
    }
    List<Node> out = new ArrayList<>();
    Optional<Node> failed = flattenInto(args.getFirst(), out, 0);
    return failed.isPresent() ? Values.unknown(failed.get(), at) : new ListNode(out, at);
  }

  private Optional<Node> flattenInto(Node n, List<Node> out, int depth) {
    if (!(n instanceof ListNode l) || depth > HclParser.MAX_DEPTH) {
      return n instanceof Reference || n instanceof Unresolved ? Optional.of(n) : Optional.empty();
    }
    for (Node item : l.items()) {
      session.charge(1);
      if (item instanceof ListNode) {
        Optional<Node> failed = flattenInto(item, out, depth + 1);
        if (failed.isPresent()) {
          return failed;
        }
      } else {
        out.add(item);
      }
    }
    return Optional.empty();
  }

  private static Node lookup(List<Node> args, Origin at) {
    if (args.size() < 2 || args.size() > 3) {
      return arity("lookup", at);
    }
    if (!(args.get(0) instanceof MapNode m)) {
      return Values.unknown(args.get(0), at);
    }
    Optional<String> key = Values.text(args.get(1));
    if (key.isEmpty()) {
      return Values.unknown(args.get(1), at);
    }
    Optional<Node> found = m.get(key.get());
    if (found.isPresent()) {
      return found.get();
    }
    return args.size() == 3 ? args.get(2) : new Unresolved("lookup(): there is no such key", at);
  }

  private static Node element(List<Node> args, Origin at) {
    if (args.size() != 2) {
      return arity("element", at);
    }
    if (!(args.get(0) instanceof ListNode l)) {
      return Values.unknown(args.get(0), at);
    }
    Optional<BigDecimal> i = Values.numberOf(args.get(1));
    if (i.isEmpty() || l.items().isEmpty()) {
      return Values.unknown(args.get(1), at);
    }
    return l.items().get(Math.floorMod(i.get().intValue(), l.items().size()));
  }

  private static Node length(List<Node> args, Origin at) {
    if (args.size() != 1) {
      return arity("length", at);
    }
    Node v = args.getFirst();
    Optional<Integer> size = Values.size(v);
    if (size.isPresent()) {
      return Values.number(BigDecimal.valueOf(size.get()), at);
    }
    return v instanceof Scalar s && s.kind() == Scalar.Kind.STRING && s.text() != null
        ? Values.number(BigDecimal.valueOf(s.text().codePointCount(0, s.text().length())), at)
        : Values.unknown(v, at);
  }

  private static Node keysOrValues(boolean keys, List<Node> args, Origin at) {
    if (args.size() != 1) {
      return arity(keys ? "keys" : "values", at);
    }
    if (!(args.getFirst() instanceof MapNode m)) {
      return Values.unknown(args.getFirst(), at);
    }
    List<Entry> sorted = new ArrayList<>(m.entries());
    sorted.sort(Comparator.comparing(Entry::key));
    return new ListNode(
        sorted.stream().map(e -> keys ? Values.string(e.key(), e.keyOrigin()) : e.value()).toList(),
        at);
  }

  private static Node contains(List<Node> args, Origin at) {
    if (args.size() != 2) {
      return arity("contains", at);
    }
    if (!Values.isKnown(args.get(0)) || !Values.isKnown(args.get(1))) {
      return Values.unknown(Values.isKnown(args.get(0)) ? args.get(1) : args.get(0), at);
    }
    if (!(args.get(0) instanceof ListNode l)) {
      return new Unresolved("contains() needs a list", at);
    }
    String key = Values.key(args.get(1));
    return Values.bool(l.items().stream().anyMatch(i -> Values.key(i).equals(key)), at);
  }

  private static Node coalesce(List<Node> args, Origin at) {
    for (Node arg : args) {
      if (!Values.isKnown(arg)) {
        return Values.unknown(arg, at);
      }
      if (!Values.isNull(arg) && !Values.text(arg).orElse("x").isEmpty()) {
        return arg;
      }
    }
    return new Unresolved("coalesce(): every argument is null or empty", at);
  }

  private static Node listOperation(String name, List<Node> args, Origin at) {
    if (args.size() != 1) {
      return arity(name, at);
    }
    if (!(args.getFirst() instanceof ListNode l)) {
      return Values.unknown(args.getFirst(), at);
    }
    List<Node> items = new ArrayList<>(l.items());
    switch (name) {
      case "compact" ->
          items.removeIf(
              i -> Values.isNull(i) || Values.text(i).filter(String::isEmpty).isPresent());
      case "distinct" -> {
        Set<String> seen = new LinkedHashSet<>();
        items.removeIf(i -> !seen.add(Values.key(i)));
      }
      case "reverse" -> java.util.Collections.reverse(items);
      default -> {
        if (!items.stream().allMatch(Values::isKnown)) {
          return Values.unknown(l, at);
        }
        items.sort(Comparator.comparing(i -> Values.text(i).orElse("")));
      }
    }
    return new ListNode(items, at);
  }

  private static Node zipmap(List<Node> args, Origin at) {
    if (args.size() != 2) {
      return arity("zipmap", at);
    }
    if (!(args.get(0) instanceof ListNode keys) || !(args.get(1) instanceof ListNode values)) {
      return Values.unknown(args.get(args.get(0) instanceof ListNode ? 1 : 0), at);
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < Math.min(keys.items().size(), values.items().size()); i++) {
      Optional<String> k = Values.text(keys.items().get(i));
      if (k.isEmpty()) {
        return Values.unknown(keys.items().get(i), at);
      }
      entries.add(new Entry(k.get(), keys.items().get(i).origin(), values.items().get(i)));
    }
    return new MapNode(entries, at);
  }

  private static Node slice(List<Node> args, Origin at) {
    if (args.size() != 3) {
      return arity("slice", at);
    }
    if (!(args.get(0) instanceof ListNode l)) {
      return Values.unknown(args.get(0), at);
    }
    Optional<BigDecimal> from = Values.numberOf(args.get(1));
    Optional<BigDecimal> to = Values.numberOf(args.get(2));
    if (from.isEmpty() || to.isEmpty()) {
      return new Unresolved("slice() bounds are not known", at);
    }
    int a = from.get().intValue();
    int b = to.get().intValue();
    if (a < 0 || b > l.items().size() || a > b) {
      return new Unresolved("slice() bounds are out of range", at);
    }
    return new ListNode(l.items().subList(a, b), at);
  }

  private Node range(List<Node> args, Origin at) {
    List<BigDecimal> n = new ArrayList<>();
    for (Node arg : args) {
      Optional<BigDecimal> v = Values.numberOf(arg);
      if (v.isEmpty()) {
        return Values.unknown(arg, at);
      }
      n.add(v.get());
    }
    if (n.isEmpty() || n.size() > 3) {
      return arity("range", at);
    }
    BigDecimal start = n.size() == 1 ? BigDecimal.ZERO : n.get(0);
    BigDecimal end = n.size() == 1 ? n.get(0) : n.get(1);
    BigDecimal step = n.size() == 3 ? n.get(2) : BigDecimal.ONE;
    if (step.signum() == 0) {
      return new Unresolved("range() step is zero", at);
    }
    List<Node> out = new ArrayList<>();
    for (BigDecimal v = start;
        step.signum() > 0 ? v.compareTo(end) < 0 : v.compareTo(end) > 0;
        v = v.add(step)) {
      if (out.size() >= Session.MAX_INSTANCES * 10) {
        return new Unresolved("range() is longer than lambdasec expands", at);
      }
      session.charge(1);
      out.add(Values.number(v, at));
    }
    return new ListNode(out, at);
  }

  // ---------------------------------------------------------------- strings

  private Node strings(String name, List<Node> args, Origin at) {
    for (Node arg : args) {
      if (arg instanceof Reference || arg instanceof Unresolved) {
        return Values.unknown(arg, at);
      }
    }
    return switch (name) {
      case "lower", "upper", "title", "trimspace", "chomp", "strrev", "basename", "dirname" ->
          unaryString(name, args, at);
      case "join" -> join(args, at);
      case "split" -> split(args, at);
      case "format" -> format(args, at);
      case "replace" -> replace(args, at);
      case "trimprefix", "trimsuffix", "trim", "startswith", "endswith", "strcontains" ->
          twoStrings(name, args, at);
      case "substr" -> substr(args, at);
      case "base64encode", "base64decode" -> base64(name, args, at);
      case "max", "min", "abs", "ceil", "floor", "sum" -> numbers(name, args, at);
      default -> new Unresolved(name + "() is not evaluated by lambdasec", at);
    };
  }

  private static Optional<String> str(List<Node> args, int i) {
    return i < args.size() ? Values.text(args.get(i)) : Optional.empty();
  }

  private static Node unaryString(String name, List<Node> args, Origin at) {
    Optional<String> s = str(args, 0);
    if (args.size() != 1 || s.isEmpty()) {
      return arity(name, at);
    }
    String v = s.get();
    String out =
        switch (name) {
          case "lower" -> v.toLowerCase(Locale.ROOT);
          case "upper" -> v.toUpperCase(Locale.ROOT);
          case "title" -> title(v);
          case "trimspace" -> v.strip();
          case "chomp" -> v.replaceAll("[\\r\\n]+$", "");
          case "strrev" -> new StringBuilder(v).reverse().toString();
          case "basename" -> v.substring(v.lastIndexOf('/') + 1);
          default -> v.lastIndexOf('/') < 0 ? "." : v.substring(0, v.lastIndexOf('/'));
        };
    return Values.string(out, at);
  }

  private static String title(String v) {
    StringBuilder b = new StringBuilder();
    boolean start = true;
    for (char c : v.toCharArray()) {
      b.append(start ? Character.toUpperCase(c) : c);
      start = !Character.isLetterOrDigit(c);
    }
    return b.toString();
  }

  private static Node join(List<Node> args, Origin at) {
    Optional<String> sep = str(args, 0);
    if (args.size() < 2 || sep.isEmpty()) {
      return arity("join", at);
    }
    List<String> parts = new ArrayList<>();
    for (Node list : args.subList(1, args.size())) {
      if (!(list instanceof ListNode l)) {
        return new Unresolved("join() needs lists", at);
      }
      for (Node item : l.items()) {
        if (item instanceof Reference r) {
          parts.add(r.placeholder());
          continue;
        }
        Optional<String> t = Values.text(item);
        if (t.isEmpty()) {
          return Values.unknown(item, at);
        }
        parts.add(t.get());
      }
    }
    return bounded(String.join(sep.get(), parts), at);
  }

  private Node split(List<Node> args, Origin at) {
    Optional<String> sep = str(args, 0);
    Optional<String> s = str(args, 1);
    if (args.size() != 2 || sep.isEmpty() || s.isEmpty()) {
      return arity("split", at);
    }
    List<Node> out = new ArrayList<>();
    if (sep.get().isEmpty()) {
      s.get().codePoints().forEach(cp -> out.add(Values.string(Character.toString(cp), at)));
    } else {
      int from = 0;
      while (true) {
        session.charge(1);
        int i = s.get().indexOf(sep.get(), from);
        if (i < 0) {
          out.add(Values.string(s.get().substring(from), at));
          break;
        }
        out.add(Values.string(s.get().substring(from, i), at));
        from = i + sep.get().length();
      }
    }
    return new ListNode(out, at);
  }

  /** {@code format} with the verbs configurations use: {@code %s %d %v %q %f %%}. */
  private static Node format(List<Node> args, Origin at) {
    Optional<String> spec = str(args, 0);
    if (spec.isEmpty()) {
      return arity("format", at);
    }
    StringBuilder out = new StringBuilder();
    int arg = 1;
    String f = spec.get();
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      int j = i + 1;
      while (j < f.length() && "0123456789.+-# ".indexOf(f.charAt(j)) >= 0) {
        j++;
      }
      if (j >= f.length()) {
        return new Unresolved("format() spec is incomplete", at);
      }
      char verb = f.charAt(j);
      i = j;
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (arg >= args.size()) {
        return new Unresolved("format() has too few arguments", at);
      }
      Node v = args.get(arg++);
      Optional<String> text = Values.text(v);
      if (text.isEmpty()) {
        return new Unresolved("format() of a value that is not a string or number", at);
      }
      switch (verb) {
        case 's', 'v', 'd' ->
            out.append(
                verb == 'd'
                    ? Values.numberOf(v)
                        .map(n -> n.setScale(0, RoundingMode.DOWN).toPlainString())
                        .orElse(text.get())
                    : text.get());
        case 'q' ->
            out.append('"')
                .append(text.get().replace("\\", "\\\\").replace("\"", "\\\""))
                .append('"');
        case 'f' ->
            out.append(Values.numberOf(v).map(BigDecimal::toPlainString).orElse(text.get()));
        default -> {
          return new Unresolved("format() verb %" + verb + " is not evaluated", at);
        }
      }
      if (out.length() > MAX_FILE) {
        return new Unresolved("format() result is too long", at);
      }
    }
    return Values.string(out.toString(), at);
  }

  private static Node replace(List<Node> args, Origin at) {
    Optional<String> s = str(args, 0);
    Optional<String> sub = str(args, 1);
    Optional<String> with = str(args, 2);
    if (args.size() != 3 || s.isEmpty() || sub.isEmpty() || with.isEmpty()) {
      return arity("replace", at);
    }
    if (sub.get().length() > 1 && sub.get().startsWith("/") && sub.get().endsWith("/")) {
      return new Unresolved("replace() with a regular expression is not evaluated", at);
    }
    if (sub.get().isEmpty()) {
      return Values.string(s.get(), at);
    }
    return bounded(s.get().replace(sub.get(), with.get()), at);
  }

  private static Node twoStrings(String name, List<Node> args, Origin at) {
    Optional<String> a = str(args, 0);
    Optional<String> b = str(args, 1);
    if (args.size() != 2 || a.isEmpty() || b.isEmpty()) {
      return arity(name, at);
    }
    String s = a.get();
    String t = b.get();
    return switch (name) {
      case "trimprefix" -> Values.string(s.startsWith(t) ? s.substring(t.length()) : s, at);
      case "trimsuffix" ->
          Values.string(s.endsWith(t) ? s.substring(0, s.length() - t.length()) : s, at);
      case "trim" -> {
        int i = 0;
        int j = s.length();
        while (i < j && t.indexOf(s.charAt(i)) >= 0) {
          i++;
        }
        while (j > i && t.indexOf(s.charAt(j - 1)) >= 0) {
          j--;
        }
        yield Values.string(s.substring(i, j), at);
      }
      case "startswith" -> Values.bool(s.startsWith(t), at);
      case "endswith" -> Values.bool(s.endsWith(t), at);
      default -> Values.bool(s.contains(t), at);
    };
  }

  private static Node substr(List<Node> args, Origin at) {
    Optional<String> s = str(args, 0);
    Optional<BigDecimal> off = args.size() > 1 ? Values.numberOf(args.get(1)) : Optional.empty();
    Optional<BigDecimal> len = args.size() > 2 ? Values.numberOf(args.get(2)) : Optional.empty();
    if (args.size() != 3 || s.isEmpty() || off.isEmpty() || len.isEmpty()) {
      return arity("substr", at);
    }
    int[] cps = s.get().codePoints().toArray();
    int o = off.get().intValue();
    if (o < 0) {
      o = Math.max(0, cps.length + o);
    }
    int l = len.get().intValue();
    int end = l < 0 ? cps.length : Math.min(cps.length, o + l);
    if (o > cps.length) {
      return new Unresolved("substr() offset is out of range", at);
    }
    return Values.string(new String(cps, o, Math.max(0, end - o)), at);
  }

  private static Node base64(String name, List<Node> args, Origin at) {
    Optional<String> s = str(args, 0);
    if (args.size() != 1 || s.isEmpty()) {
      return arity(name, at);
    }
    try {
      return Values.string(
          name.equals("base64encode")
              ? Base64.getEncoder().encodeToString(s.get().getBytes(StandardCharsets.UTF_8))
              : new String(Base64.getDecoder().decode(s.get()), StandardCharsets.UTF_8),
          at);
    } catch (IllegalArgumentException e) {
      return new Unresolved("base64decode() of text that is not base64", at);
    }
  }

  private static Node numbers(String name, List<Node> args, Origin at) {
    List<Node> values = args;
    if (name.equals("sum")) {
      if (args.size() != 1 || !(args.getFirst() instanceof ListNode l)) {
        return arity("sum", at);
      }
      values = l.items();
    }
    List<BigDecimal> n = new ArrayList<>();
    for (Node v : values) {
      Optional<BigDecimal> d = Values.numberOf(v);
      if (d.isEmpty()) {
        return Values.isKnown(v)
            ? new Unresolved(name + "() needs numbers", at)
            : Values.unknown(v, at);
      }
      n.add(d.get());
    }
    if (n.isEmpty()) {
      return arity(name, at);
    }
    BigDecimal out =
        switch (name) {
          case "max" -> n.stream().max(BigDecimal::compareTo).orElseThrow();
          case "min" -> n.stream().min(BigDecimal::compareTo).orElseThrow();
          case "abs" -> n.getFirst().abs();
          case "ceil" -> n.getFirst().setScale(0, RoundingMode.CEILING);
          case "floor" -> n.getFirst().setScale(0, RoundingMode.FLOOR);
          default -> n.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        };
    return Values.number(out, at);
  }

  private static Node bounded(String text, Origin at) {
    return text.length() > MAX_FILE
        ? new Unresolved("the result is too long", at)
        : Values.string(text, at);
  }

  private static Node arity(String name, Origin at) {
    return new Unresolved(name + "() is called with arguments it does not take", at);
  }
}
