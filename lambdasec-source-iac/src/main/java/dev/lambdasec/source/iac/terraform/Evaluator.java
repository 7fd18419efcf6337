package dev.lambdasec.source.iac.terraform;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.terraform.hcl.Attribute;
import dev.lambdasec.source.iac.terraform.hcl.Block;
import dev.lambdasec.source.iac.terraform.hcl.Body;
import dev.lambdasec.source.iac.terraform.hcl.Expr;
import dev.lambdasec.source.iac.terraform.hcl.Expr.Part;
import dev.lambdasec.source.iac.terraform.mapping.JsonText;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates HCL expressions to value trees as far as they are known before apply. What depends on
 * an attribute another resource gets only at apply time is a {@link Reference} to it; what depends
 * on a value nobody gave (a variable without default) or on something lambdasec does not evaluate
 * is {@link Unresolved} with the reason; nothing is guessed.
 *
 * <p>Scalars read through a name ({@code var.x}, {@code local.y}, another resource's attribute)
 * take the origin of the name where it is used, so findings point at the resource that uses them;
 * maps and lists keep the origins of their items, so a policy statement is found where it is
 * written.
 */
final class Evaluator {

  /** Longest string a template or function may build. */
  private static final int MAX_STRING = 1 << 20;

  /** Meta-arguments of resource blocks, which are not resource attributes. */
  private static final Set<String> META = Set.of("count", "for_each", "provider", "depends_on");

  /** Nested blocks of resources that configure Terraform, not the resource. */
  private static final Set<String> META_BLOCKS = Set.of("lifecycle", "provisioner", "connection");

  private final Session session;
  private final Functions functions;

  Evaluator(Session session) {
    this.session = session;
    this.functions = new Functions(session);
  }

  Node eval(Expr e, Scope s) {
    if (!session.enter()) {
      return new Unresolved("evaluation nested too deeply", s.origin(e.pos()));
    }
    try {
      session.charge(1);
      return evaluate(e, s);
    } finally {
      session.exit();
    }
  }

  private Node evaluate(Expr e, Scope s) {
    Origin at = s.origin(e.pos());
    return switch (e) {
      case Expr.Literal l -> literal(l, at);
      case Expr.Template t -> template(t, s);
      case Expr.Tuple t -> new ListNode(t.items().stream().map(i -> eval(i, s)).toList(), at);
      case Expr.ObjectCons o -> object(o, s, at);
      case Expr.Variable v -> traversal(e, s);
      case Expr.GetAttr g -> traversal(e, s);
      case Expr.Index i -> traversal(e, s);
      case Expr.Splat sp -> splat(sp, s, at);
      case Expr.SplatItem si -> {
        Node item = s.names().get(Scope.SPLAT);
        yield item != null ? item : new Unresolved("splat item outside a splat", at);
      }
      case Expr.Call c -> call(c, s, at);
      case Expr.For f -> forExpr(f, s, at);
      case Expr.Conditional c -> conditional(c, s, at);
      case Expr.Binary b -> binary(b, s, at);
      case Expr.Unary u -> unary(u, s, at);
      case Expr.Parens p -> eval(p.expr(), s);
    };
  }

  private static Node literal(Expr.Literal l, Origin at) {
    return switch (l.kind()) {
      case STRING -> Values.string(String.valueOf(l.text()), at);
      case BOOL -> Values.bool("true".equals(l.text()), at);
      case NULL -> Values.nullValue(at);
      case NUMBER -> {
        try {
          yield Values.number(new BigDecimal(String.valueOf(l.text())), at);
        } catch (NumberFormatException ex) {
          yield new Unresolved("not a number", at);
        }
      }
    };
  }

  private Node object(Expr.ObjectCons o, Scope s, Origin at) {
    List<Entry> entries = new ArrayList<>();
    for (Expr.Item item : o.items()) {
      Node key = eval(item.key(), s);
      Optional<String> name = Values.text(key);
      if (name.isEmpty()) {
        return Values.isKnown(key)
            ? new Unresolved("an object key is not a string", at)
            : Values.unknown(key, at);
      }
      entries.add(new Entry(name.get(), s.origin(item.key().pos()), eval(item.value(), s)));
    }
    return new MapNode(entries, at);
  }

  // ---------------------------------------------------------------- names

  private Node traversal(Expr e, Scope s) {
    List<Expr> steps = new ArrayList<>();
    Expr root = e;
    while (true) {
      if (root instanceof Expr.GetAttr g) {
        steps.add(g);
        root = g.source();
      } else if (root instanceof Expr.Index i) {
        steps.add(i);
        root = i.source();
      } else {
        break;
      }
    }
    Collections.reverse(steps);
    Origin at = s.origin(root.pos());
    Node value;
    int used = 0;
    if (root instanceof Expr.Variable v) {
      Node bound = s.names().get(v.name());
      if (bound != null) {
        value = bound;
      } else {
        used = rootSteps(v.name());
        value = steps.size() < used ? incomplete(v.name(), at) : named(v.name(), steps, s, at);
      }
    } else {
      value = eval(root, s);
    }
    for (int k = used; k < steps.size(); k++) {
      value = step(value, steps.get(k), s, at);
    }
    return Values.at(value, at);
  }

  /** How many steps after a root name belong to the name itself. */
  private static int rootSteps(String root) {
    return switch (root) {
      case "data" -> 2;
      case "self" -> 0;
      default -> 1;
    };
  }

  private static Node incomplete(String root, Origin at) {
    return new Unresolved(root + " is not a value on its own", at);
  }

  private Node named(String root, List<Expr> steps, Scope s, Origin at) {
    List<String> names = new ArrayList<>();
    for (int k = 0; k < rootSteps(root); k++) {
      if (!(steps.get(k) instanceof Expr.GetAttr g)) {
        return incomplete(root, at);
      }
      names.add(g.name());
    }
    ModuleInstance m = s.module();
    return switch (root) {
      case "var" -> m.variable(names.getFirst(), at);
      case "local" -> m.local(names.getFirst(), at);
      case "module" -> m.module(names.getFirst(), at);
      case "data" -> m.resource("data." + names.get(0) + "." + names.get(1), at);
      case "path" ->
          switch (names.getFirst()) {
            case "module" -> Values.string(m.files().display(), at);
            case "root", "cwd" -> Values.string(session.rootDisplay(), at);
            default -> new Unresolved("path." + names.getFirst() + " is not a path", at);
          };
      case "terraform" ->
          names.getFirst().equals("workspace")
              ? Values.string("default", at)
              : new Unresolved("terraform." + names.getFirst() + " is not evaluated", at);
      case "count", "each" -> new Unresolved(root + " is used outside a block with " + root, at);
      case "self" -> new Unresolved("self is known only in provisioners", at);
      default -> m.resource(root + "." + names.getFirst(), at);
    };
  }

  private Node step(Node value, Expr step, Scope s, Origin at) {
    if (step instanceof Expr.GetAttr g) {
      return attribute(value, g.name(), at);
    }
    Expr.Index i = (Expr.Index) step;
    return index(value, eval(i.key(), s), at);
  }

  /** {@code value.name}. */
  Node attribute(Node value, String name, Origin at) {
    return switch (value) {
      case MapNode m ->
          m.get(name).orElseGet(() -> new Unresolved("there is no attribute " + name, at));
      case Reference r when r.attribute() == null -> attributeOf(r.target(), name, at);
      case Reference r -> new Reference(r.target(), r.attribute() + "." + name, at);
      case Unresolved u -> u;
      default -> new Unresolved("a " + kind(value) + " has no attribute " + name, at);
    };
  }

  /**
   * An attribute of a resource instance or module instance: the configured value when the
   * configuration states it, else a reference to what apply will give.
   */
  private Node attributeOf(String target, String name, Origin at) {
    Optional<Instance> instance = session.instance(target);
    if (instance.isPresent()) {
      Optional<MapNode> body = session.body(instance.get(), this);
      Node configured = body.flatMap(b -> b.get(name)).orElse(null);
      if (configured != null && !Values.isNull(configured) && !(configured instanceof Unresolved)) {
        return configured;
      }
      return new Reference(target, name, at);
    }
    Optional<ModuleInstance> module = session.moduleInstance(target);
    if (module.isPresent()) {
      return module.get().output(name, at);
    }
    return new Reference(target, name, at);
  }

  /** {@code value[key]}. */
  private static Node index(Node value, Node key, Origin at) {
    if (!Values.isKnown(key)) {
      return Values.unknown(key, at);
    }
    return switch (value) {
      case ListNode l -> {
        Optional<BigDecimal> n = Values.numberOf(key);
        if (n.isEmpty()
            || n.get().signum() < 0
            || n.get().compareTo(BigDecimal.valueOf(l.items().size())) >= 0) {
          yield new Unresolved("index is out of range", at);
        }
        yield l.items().get(n.get().intValue());
      }
      case MapNode m -> {
        Optional<String> k = Values.text(key);
        yield k.flatMap(m::get).orElseGet(() -> new Unresolved("there is no such key", at));
      }
      // a bare instance (count not known, or switched off by defaults) stands for every index
      case Reference r when r.attribute() == null -> r;
      case Reference r ->
          new Reference(r.target(), r.attribute() + "[" + Values.text(key).orElse("?") + "]", at);
      case Unresolved u -> u;
      default -> new Unresolved("a " + kind(value) + " cannot be indexed", at);
    };
  }

  private static String kind(Node n) {
    return n instanceof Scalar s ? s.kind().name().toLowerCase(java.util.Locale.ROOT) : "value";
  }

  private Node splat(Expr.Splat sp, Scope s, Origin at) {
    Node source = eval(sp.source(), s);
    if (source instanceof Unresolved) {
      return source;
    }
    List<Node> items =
        source instanceof ListNode l
            ? l.items()
            : Values.isNull(source) ? List.of() : List.of(source);
    List<Node> out = new ArrayList<>();
    for (Node item : items) {
      out.add(eval(sp.each(), s.with(Scope.SPLAT, item)));
    }
    return new ListNode(out, at);
  }

  // ---------------------------------------------------------------- operations

  private Node call(Expr.Call c, Scope s, Origin at) {
    switch (c.name()) {
      case "try" -> {
        Node last = new Unresolved("try() without arguments", at);
        for (Expr arg : c.args()) {
          last = eval(arg, s);
          if (Values.isKnown(last) || last instanceof Reference) {
            return last;
          }
        }
        return last;
      }
      case "can" -> {
        if (c.args().size() != 1) {
          return new Unresolved("can() takes one argument", at);
        }
        Node v = eval(c.args().getFirst(), s);
        return Values.isKnown(v) ? Values.bool(true, at) : Values.unknown(v, at);
      }
      default -> {
        // evaluated below
      }
    }
    List<Node> args = new ArrayList<>();
    for (Expr arg : c.args()) {
      args.add(eval(arg, s));
    }
    if (c.expandFinal() && !args.isEmpty()) {
      Node last = args.removeLast();
      if (!(last instanceof ListNode l)) {
        return Values.isKnown(last)
            ? new Unresolved("only a list can be expanded with ...", at)
            : Values.unknown(last, at);
      }
      args.addAll(l.items());
    }
    return functions.call(c.name(), args, at, s, this);
  }

  private Node forExpr(Expr.For f, Scope s, Origin at) {
    Node collection = eval(f.collection(), s);
    List<Node[]> pairs = new ArrayList<>();
    switch (collection) {
      case ListNode l -> {
        for (int i = 0; i < l.items().size(); i++) {
          pairs.add(new Node[] {Values.number(BigDecimal.valueOf(i), at), l.items().get(i)});
        }
      }
      case MapNode m ->
          m.entries().forEach(e -> pairs.add(new Node[] {Values.string(e.key(), at), e.value()}));
      default -> {
        return Values.isKnown(collection)
            ? new Unresolved("for over a value that is not a collection", at)
            : Values.unknown(collection, at);
      }
    }
    List<Node> items = new ArrayList<>();
    Map<String, List<Node>> grouped = new LinkedHashMap<>();
    Map<String, Origin> keyOrigins = new LinkedHashMap<>();
    for (Node[] pair : pairs) {
      session.charge(1);
      Scope inner = s.with(f.valueVar(), pair[1]);
      String keyVar = f.keyVar();
      if (keyVar != null) {
        inner = inner.with(keyVar, pair[0]);
      }
      Expr condition = f.condition();
      if (condition != null) {
        Node keep = eval(condition, inner);
        Optional<Boolean> t = Values.truth(keep);
        if (t.isEmpty()) {
          return Values.unknown(keep, at);
        }
        if (!t.get()) {
          continue;
        }
      }
      Expr keyExpr = f.keyExpr();
      if (keyExpr == null) {
        items.add(eval(f.valueExpr(), inner));
        continue;
      }
      Node key = eval(keyExpr, inner);
      Optional<String> name = Values.text(key);
      if (name.isEmpty()) {
        return Values.isKnown(key)
            ? new Unresolved("a for key is not a string", at)
            : Values.unknown(key, at);
      }
      keyOrigins.putIfAbsent(name.get(), key.origin());
      grouped.computeIfAbsent(name.get(), k -> new ArrayList<>()).add(eval(f.valueExpr(), inner));
    }
    if (f.keyExpr() == null) {
      return new ListNode(items, at);
    }
    List<Entry> entries = new ArrayList<>();
    grouped.forEach((k, v) ->
        entries.add(
            new Entry(
                k,
                keyOrigins.getOrDefault(k, at),
                f.grouping() ? new ListNode(v, at) : v.getLast())));
    return new MapNode(entries, at);
  }

  private Node conditional(Expr.Conditional c, Scope s, Origin at) {
    Node condition = eval(c.condition(), s);
    Optional<Boolean> t = Values.truth(condition);
    if (t.isPresent()) {
      return eval(t.get() ? c.then() : c.otherwise(), s);
    }
    if (Values.isKnown(condition)) {
      return new Unresolved("a condition is not a bool", at);
    }
    Node a = eval(c.then(), s);
    Node b = eval(c.otherwise(), s);
    if (Values.isKnown(a) && Values.isKnown(b) && Values.key(a).equals(Values.key(b))) {
      return a;
    }
    return Values.unknown(condition, at);
  }

  /**
   * A value known only after apply that is never null: an identifier or ARN of a resource, or a
   * pseudo parameter; {@code var.x == null} on it is decided before apply.
   */
  private static boolean neverNull(Node n) {
    if (!(n instanceof Reference r)) {
      return false;
    }
    String a = r.attribute();
    return a == null
        ? r.target().startsWith("AWS::")
        : a.equals("id") || a.equals("arn") || a.endsWith("_arn");
  }

  private Node binary(Expr.Binary b, Scope s, Origin at) {
    Node left = eval(b.left(), s);
    if (b.op().equals("&&") || b.op().equals("||")) {
      boolean and = b.op().equals("&&");
      Optional<Boolean> l = Values.truth(left);
      if (l.isPresent() && l.get() != and) {
        return Values.bool(!and, at);
      }
      Node right = eval(b.right(), s);
      Optional<Boolean> r = Values.truth(right);
      if (r.isPresent() && r.get() != and) {
        return Values.bool(!and, at);
      }
      if (l.isPresent() && r.isPresent()) {
        return Values.bool(and, at);
      }
      return Values.unknown(l.isEmpty() ? left : right, at);
    }
    Node right = eval(b.right(), s);
    if ((b.op().equals("==") || b.op().equals("!="))
        && (neverNull(left) && Values.isNull(right) || neverNull(right) && Values.isNull(left))) {
      return Values.bool(b.op().equals("!="), at);
    }
    for (Node operand : List.of(left, right)) {
      if (!Values.isKnown(operand)) {
        return Values.unknown(operand, at);
      }
    }
    if (b.op().equals("==") || b.op().equals("!=")) {
      boolean equal = Values.key(left).equals(Values.key(right));
      return Values.bool(equal == b.op().equals("=="), at);
    }
    Optional<BigDecimal> x = Values.numberOf(left);
    Optional<BigDecimal> y = Values.numberOf(right);
    if (x.isEmpty() || y.isEmpty()) {
      return new Unresolved("operator " + b.op() + " needs numbers", at);
    }
    BigDecimal l = x.get();
    BigDecimal r = y.get();
    return switch (b.op()) {
      case "+" -> Values.number(l.add(r), at);
      case "-" -> Values.number(l.subtract(r), at);
      case "*" -> Values.number(l.multiply(r, MathContext.DECIMAL64), at);
      case "/" ->
          r.signum() == 0
              ? new Unresolved("division by zero", at)
              : Values.number(l.divide(r, MathContext.DECIMAL64), at);
      case "%" ->
          r.signum() == 0
              ? new Unresolved("division by zero", at)
              : Values.number(l.remainder(r, MathContext.DECIMAL64), at);
      case "<" -> Values.bool(l.compareTo(r) < 0, at);
      case "<=" -> Values.bool(l.compareTo(r) <= 0, at);
      case ">" -> Values.bool(l.compareTo(r) > 0, at);
      case ">=" -> Values.bool(l.compareTo(r) >= 0, at);
      default -> new Unresolved("unknown operator " + b.op(), at);
    };
  }

  private Node unary(Expr.Unary u, Scope s, Origin at) {
    Node operand = eval(u.operand(), s);
    if (!Values.isKnown(operand)) {
      return Values.unknown(operand, at);
    }
    if (u.op().equals("!")) {
      return Values.truth(operand)
          .<Node>map(t -> Values.bool(!t, at))
          .orElseGet(() -> new Unresolved("! needs a bool", at));
    }
    return Values.numberOf(operand)
        .<Node>map(n -> Values.number(n.negate(), at))
        .orElseGet(() -> new Unresolved("- needs a number", at));
  }

  // ---------------------------------------------------------------- templates

  /** The result of rendering template parts: the text, or why it cannot be known. */
  private static final class Rendering {
    final StringBuilder text = new StringBuilder();
    boolean literal;
    @Nullable Unresolved placeholder;
    @Nullable Unresolved failed;
  }

  private Node template(Expr.Template t, Scope s) {
    Origin at = s.origin(t.contentStart());
    if (!t.heredoc()
        && t.parts().size() == 1
        && t.parts().getFirst() instanceof Expr.Interpolation i) {
      return eval(i.expr(), s);
    }
    Rendering r = new Rendering();
    render(t.parts(), s, r);
    Unresolved failed = r.failed;
    if (failed != null) {
      return new Unresolved(failed.reason(), at);
    }
    Unresolved placeholder = r.placeholder;
    if (placeholder != null && !r.literal) {
      return new Unresolved(placeholder.reason(), at);
    }
    return Values.string(r.text.toString(), at);
  }

  private void render(List<Part> parts, Scope s, Rendering r) {
    for (Part p : parts) {
      if (r.failed != null) {
        return;
      }
      switch (p) {
        case Expr.Text t -> {
          r.text.append(t.text());
          r.literal |= !t.text().isBlank();
        }
        case Expr.Interpolation i -> interpolate(i.expr(), s, r);
        case Expr.IfDirective d -> {
          Node condition = eval(d.condition(), s);
          Optional<Boolean> t = Values.truth(condition);
          if (t.isEmpty()) {
            r.failed = Values.unknown(condition, condition.origin());
            return;
          }
          render(t.get() ? d.then() : d.otherwise(), s, r);
        }
        case Expr.ForDirective d -> {
          Node collection = eval(d.collection(), s);
          if (!(collection instanceof ListNode) && !(collection instanceof MapNode)) {
            r.failed = Values.unknown(collection, collection.origin());
            return;
          }
          List<Node[]> pairs = new ArrayList<>();
          if (collection instanceof ListNode l) {
            for (int k = 0; k < l.items().size(); k++) {
              pairs.add(
                  new Node[] {Values.number(BigDecimal.valueOf(k), l.origin()), l.items().get(k)});
            }
          } else {
            ((MapNode) collection)
                .entries()
                .forEach(
                    e -> pairs.add(new Node[] {Values.string(e.key(), e.keyOrigin()), e.value()}));
          }
          for (Node[] pair : pairs) {
            session.charge(1);
            Scope inner = s.with(d.value(), pair[1]);
            String key = d.key();
            render(d.body(), key == null ? inner : inner.with(key, pair[0]), r);
          }
        }
      }
      if (r.text.length() > MAX_STRING) {
        r.failed =
            new Unresolved(
                "the text is longer than " + MAX_STRING + " characters", s.origin(where(p)));
      }
    }
  }

  private static dev.lambdasec.source.iac.terraform.hcl.Pos where(Part p) {
    return switch (p) {
      case Expr.Text t -> t.pos();
      case Expr.Interpolation i -> i.expr().pos();
      case Expr.IfDirective d -> d.condition().pos();
      case Expr.ForDirective d -> d.collection().pos();
    };
  }

  private void interpolate(Expr e, Scope s, Rendering r) {
    Node v = eval(e, s);
    switch (v) {
      case Scalar sc when sc.kind() != Scalar.Kind.NULL -> r.text.append(sc.text());
      case Scalar sc -> r.failed = new Unresolved("a template interpolates null", sc.origin());
      case Reference ref -> r.text.append(ref.placeholder());
      case Unresolved u -> {
        Optional<String> name = Placeholders.of(e);
        if (name.isEmpty()) {
          r.failed = u;
        } else {
          r.text.append("${").append(name.get()).append('}');
          if (r.placeholder == null) {
            r.placeholder = u;
          }
        }
      }
      default -> {
        Optional<String> json = JsonText.write(v);
        if (json.isPresent()) {
          r.text.append(json.get());
        } else {
          r.failed = Values.unknown(v, v.origin());
        }
      }
    }
  }

  // ---------------------------------------------------------------- blocks

  /** The attributes and nested blocks of a resource or data instance, evaluated. */
  MapNode body(Instance instance) {
    Scope s = instance.scope();
    Block block = instance.declaration().item();
    MapNode body = block(block.body(), s, s.origin(block.pos()), true);
    return instance.isData() ? DataSources.complete(instance, body, s.origin(block.pos())) : body;
  }

  /**
   * A body as a map: attributes by name, nested blocks as lists of maps by type (Terraform's schema
   * decides which blocks are single; without it every block type is a list).
   */
  MapNode block(Body body, Scope s, Origin at, boolean resource) {
    List<Entry> entries = new ArrayList<>();
    for (Attribute a : body.attributes()) {
      if (!resource || !META.contains(a.name())) {
        entries.add(new Entry(a.name(), s.origin(a.pos()), eval(a.expr(), s)));
      }
    }
    Map<String, List<Node>> nested = new LinkedHashMap<>();
    Map<String, Origin> firsts = new LinkedHashMap<>();
    for (Block b : body.blocks()) {
      if (resource && META_BLOCKS.contains(b.type())) {
        continue;
      }
      if (b.type().equals("dynamic") && b.labels().size() == 1) {
        String type = b.labels().getFirst();
        firsts.putIfAbsent(type, s.origin(b.pos()));
        nested.computeIfAbsent(type, k -> new ArrayList<>()).addAll(dynamic(b, s));
      } else {
        firsts.putIfAbsent(b.type(), s.origin(b.pos()));
        nested
            .computeIfAbsent(b.type(), k -> new ArrayList<>())
            .add(block(b.body(), s, s.origin(b.pos()), false));
      }
    }
    nested.forEach((type, items) -> {
      Origin first = firsts.getOrDefault(type, at);
      entries.add(new Entry(type, first, new ListNode(items, first)));
    });
    return new MapNode(entries, at);
  }

  /** The blocks a {@code dynamic} block generates, one per element of its {@code for_each}. */
  private List<Node> dynamic(Block d, Scope s) {
    Origin at = s.origin(d.pos());
    String type = d.labels().getFirst();
    Optional<Attribute> forEach = d.body().attribute("for_each");
    List<Block> contents = d.body().blocks("content");
    if (forEach.isEmpty() || contents.isEmpty()) {
      return List.of(new Unresolved("dynamic block " + type + " has no for_each or content", at));
    }
    String iterator =
        d.body()
            .attribute("iterator")
            .map(Attribute::expr)
            .filter(Expr.Variable.class::isInstance)
            .map(e -> ((Expr.Variable) e).name())
            .orElse(type);
    Node collection = eval(forEach.get().expr(), s);
    List<Node[]> pairs = new ArrayList<>();
    switch (collection) {
      case ListNode l -> {
        for (int i = 0; i < l.items().size(); i++) {
          pairs.add(new Node[] {Values.number(BigDecimal.valueOf(i), at), l.items().get(i)});
        }
      }
      case MapNode m ->
          m.entries().forEach(e -> pairs.add(new Node[] {Values.string(e.key(), at), e.value()}));
      default -> {
        return List.of(
            new Unresolved(
                "dynamic block "
                    + type
                    + ": "
                    + Values.why(Values.firstUnknown(collection).orElse(collection)),
                at));
      }
    }
    List<Node> out = new ArrayList<>();
    Block content = contents.getFirst();
    for (Node[] pair : pairs) {
      session.charge(1);
      MapNode item =
          new MapNode(List.of(new Entry("key", at, pair[0]), new Entry("value", at, pair[1])), at);
      out.add(block(content.body(), s.with(iterator, item), s.origin(content.pos()), false));
    }
    return out;
  }
}
