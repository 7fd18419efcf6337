package dev.lambdasec.source.iac.terraform;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.terraform.hcl.Attribute;
import dev.lambdasec.source.iac.terraform.hcl.Block;
import dev.lambdasec.source.iac.terraform.hcl.Expr;
import dev.lambdasec.source.iac.terraform.hcl.HclFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One instance of a module (the root module, or one instance of a {@code module} call): its
 * declarations, and its variables, locals, resource instances, child modules and outputs, evaluated
 * on first use and kept.
 */
final class ModuleInstance {

  /** A variable's value and whether it came from a default rather than from the user. */
  record Given(Node value, boolean assumed) {}

  /** How a variable receives its value from outside the module; empty when it is not given. */
  interface Input {
    Optional<Given> value(Declared<Block> variable, ModuleInstance module);
  }

  private static final Set<String> MODULE_META =
      Set.of("source", "version", "count", "for_each", "providers", "depends_on");

  private final Session session;
  private final Evaluator evaluator;
  private final ModuleFiles files;
  private final String prefix;
  private final int level;
  private final Set<Path> ancestors;
  private final Input input;
  private final Map<String, Declared<Block>> variables = new LinkedHashMap<>();
  private final Map<String, Declared<Attribute>> locals = new LinkedHashMap<>();
  private final Map<String, Declared<Block>> resources = new LinkedHashMap<>();
  private final Map<String, Declared<Block>> calls = new LinkedHashMap<>();
  private final Map<String, Declared<Block>> outputs = new LinkedHashMap<>();
  private final Map<String, Given> variableValues = new HashMap<>();
  private final Map<String, Given> localValues = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();
  private final Map<String, Expansion> expansions = new HashMap<>();
  private final Map<String, List<ModuleInstance>> children = new LinkedHashMap<>();
  private final Map<String, String> unread = new HashMap<>();

  ModuleInstance(
      Session session,
      Evaluator evaluator,
      ModuleFiles files,
      String prefix,
      int level,
      Set<Path> ancestors,
      Input input) {
    this.session = session;
    this.evaluator = evaluator;
    this.files = files;
    this.prefix = prefix;
    this.level = level;
    this.ancestors = Set.copyOf(ancestors);
    this.input = input;
    for (HclFile f : files.files()) {
      for (Block b : f.body().blocks()) {
        declare(b, f);
      }
    }
  }

  private void declare(Block b, HclFile f) {
    List<String> l = b.labels();
    switch (b.type()) {
      case "variable" -> put(variables, l, 1, "", b, f);
      case "resource" -> put(resources, l, 2, "", b, f);
      case "data" -> put(resources, l, 2, "data.", b, f);
      case "module" -> put(calls, l, 1, "", b, f);
      case "output" -> put(outputs, l, 1, "", b, f);
      case "locals" -> {
        for (Attribute a : b.body().attributes()) {
          if (locals.putIfAbsent(a.name(), new Declared<>(a, f)) != null) {
            session.note(origin(f, a.pos()), "local." + a.name() + " is declared twice");
          }
        }
      }
      default -> {
        // terraform, provider, moved, import, check…: nothing to audit
      }
    }
  }

  private void put(
      Map<String, Declared<Block>> into,
      List<String> labels,
      int count,
      String keyPrefix,
      Block b,
      HclFile f) {
    if (labels.size() != count) {
      session.note(origin(f, b.pos()), b.type() + " block needs " + count + " label(s)");
      return;
    }
    String key = keyPrefix + String.join(".", labels);
    if (into.putIfAbsent(key, new Declared<>(b, f)) != null) {
      session.note(origin(f, b.pos()), prefix + key + " is declared twice; the first is read");
    }
  }

  String prefix() {
    return prefix;
  }

  ModuleFiles files() {
    return files;
  }

  /** Resource and data blocks, by {@code type.name} or {@code data.type.name}, in file order. */
  Map<String, Declared<Block>> resources() {
    return resources;
  }

  /** The module calls' instances, in declaration order; each call expanded once. */
  List<ModuleInstance> children() {
    List<ModuleInstance> out = new ArrayList<>();
    for (String name : calls.keySet()) {
      out.addAll(children(name));
    }
    return out;
  }

  // ---------------------------------------------------------------- variables and locals

  Node variable(String name, Origin at) {
    Given given = variableValues.get(name);
    if (given == null) {
      Declared<Block> decl = variables.get(name);
      if (decl == null) {
        return new Unresolved("var." + name + " is not declared", at);
      }
      given = input.value(decl, this).orElseGet(() -> byDefault(name, decl));
      variableValues.put(name, given);
    }
    if (given.assumed()) {
      session.readAssumed();
    }
    return given.value();
  }

  private Given byDefault(String name, Declared<Block> decl) {
    Optional<Attribute> def = decl.item().body().attribute("default");
    if (def.isEmpty()) {
      return new Given(
          new Unresolved(
              "var." + name + " has no value (no default; set it with --var or a .tfvars file)",
              origin(decl.file(), decl.item().pos())),
          true);
    }
    Scope scope = new Scope(this, decl.file().name(), null, Map.of());
    // Only the root module's defaults can be overridden at apply time; a module call that leaves an
    // argument out decides the default in the configuration itself.
    boolean before = session.trackAssumed();
    Node value = evaluator.eval(def.get().expr(), scope);
    boolean assumed = session.assumedSince(before);
    return new Given(value, level == 0 || assumed);
  }

  Node local(String name, Origin at) {
    Given known = localValues.get(name);
    if (known == null) {
      Declared<Attribute> decl = locals.get(name);
      if (decl == null) {
        return new Unresolved("local." + name + " is not declared", at);
      }
      if (!inProgress.add("local." + name)) {
        return new Unresolved("local." + name + " refers to itself", at);
      }
      try {
        boolean before = session.trackAssumed();
        Node value =
            evaluator.eval(decl.item().expr(), new Scope(this, decl.file().name(), null, Map.of()));
        known = new Given(value, session.assumedSince(before));
      } finally {
        inProgress.remove("local." + name);
      }
      localValues.put(name, known);
    }
    if (known.assumed()) {
      session.readAssumed();
    }
    return known.value();
  }

  // ---------------------------------------------------------------- resources

  /** The value of {@code type.name} or {@code data.type.name} as expressions see it. */
  Node resource(String key, Origin at) {
    session.named(prefix + key);
    Declared<Block> decl = resources.get(key);
    if (decl == null) {
      return new Unresolved(prefix + key + " is not declared in the configuration", at);
    }
    return expansion(key, decl).value(prefix + key, at);
  }

  /** The instances of a resource or data block. */
  List<Instance> instances(String key) {
    Declared<Block> decl = resources.get(key);
    if (decl == null) {
      return List.of();
    }
    Expansion e = expansion(key, decl);
    List<Instance> out = new ArrayList<>();
    for (String k : e.keys()) {
      session.instance(prefix + key + e.suffix(k)).ifPresent(out::add);
    }
    return out;
  }

  private Expansion expansion(String key, Declared<Block> decl) {
    Expansion known = expansions.get(key);
    if (known != null) {
      return known;
    }
    if (!inProgress.add(key)) {
      return Expansion.bare(prefix + key + ": count or for_each refers to itself");
    }
    try {
      Scope scope = new Scope(this, decl.file().name(), prefix + key, Map.of());
      Expansion e = expand(prefix + key, decl.item(), scope);
      expansions.put(key, e);
      String reason = e.reason();
      if (reason != null) {
        session.note(origin(decl.file(), decl.item().pos()), reason);
      }
      // registering makes every instance reachable by address before anything refers to it
      for (String k : e.keys()) {
        Origin at = origin(decl.file(), decl.item().pos());
        session.register(new Instance(prefix + key + e.suffix(k), decl, this, e.names(k, at)));
      }
      return e;
    } finally {
      inProgress.remove(key);
    }
  }

  /** The instances of a block from its {@code count} or {@code for_each}. */
  Expansion expand(String address, Block block, Scope scope) {
    Optional<Attribute> count = block.body().attribute("count");
    Optional<Attribute> forEach = block.body().attribute("for_each");
    if (count.isEmpty() && forEach.isEmpty()) {
      return Expansion.single();
    }
    Expr expr = count.isPresent() ? count.get().expr() : forEach.orElseThrow().expr();
    String what = count.isPresent() ? "count" : "for_each";
    boolean before = session.trackAssumed();
    Node value = evaluator.eval(expr, scope);
    boolean assumed = session.assumedSince(before);
    // for_each needs known keys only: a map of resource instances has values known after apply.
    boolean keysKnown = forEach.isPresent() && count.isEmpty() && value instanceof Node.MapNode;
    if (!keysKnown && !Values.isKnown(value)) {
      return Expansion.bare(
          address
              + ": "
              + what
              + " is not known ("
              + Values.why(firstUnknown(value))
              + "); read as one instance");
    }
    if (count.isPresent()) {
      Optional<BigDecimal> n = Values.numberOf(value);
      if (n.isEmpty() || n.get().signum() < 0 || n.get().stripTrailingZeros().scale() > 0) {
        return Expansion.bare(address + ": count is not a whole number; read as one instance");
      }
      if (n.get().compareTo(BigDecimal.valueOf(Session.MAX_INSTANCES)) > 0) {
        return Expansion.bare(
            address + ": count is over " + Session.MAX_INSTANCES + "; read as one instance");
      }
      int instances = n.get().intValue();
      if (instances == 0 && assumed) {
        return potential(address, what);
      }
      return Expansion.count(instances);
    }
    Map<String, Node> byKey = new LinkedHashMap<>();
    switch (value) {
      case Node.MapNode m -> m.entries().forEach(e -> byKey.putIfAbsent(e.key(), e.value()));
      case Node.ListNode l -> {
        for (Node item : l.items()) {
          Optional<String> text = Values.text(item);
          if (text.isEmpty()) {
            return Expansion.bare(
                address + ": for_each over values that are not strings; read as one instance");
          }
          byKey.putIfAbsent(text.get(), item);
        }
      }
      default -> {
        return Expansion.bare(address + ": for_each is not a map or a set; read as one instance");
      }
    }
    if (byKey.size() > Session.MAX_INSTANCES) {
      return Expansion.bare(
          address + ": for_each has over " + Session.MAX_INSTANCES + " keys; read as one instance");
    }
    if (byKey.isEmpty() && assumed) {
      return potential(address, what);
    }
    return Expansion.forEach(byKey);
  }

  private static Expansion potential(String address, String what) {
    return Expansion.bare(
        address
            + ": "
            + what
            + " creates no instance with the defaults of its variables; audited as one potential"
            + " instance (set the variables with --var or a .tfvars file to decide)");
  }

  private static Node firstUnknown(Node value) {
    return Values.firstUnknown(value).orElse(value);
  }

  // ---------------------------------------------------------------- modules

  /** The value of {@code module.name}: one module instance, a list or a map of them. */
  Node module(String name, Origin at) {
    Declared<Block> decl = calls.get(name);
    if (decl == null) {
      return new Unresolved("module." + name + " is not declared", at);
    }
    children(name);
    String why = unread.get(name);
    if (why != null) {
      return new Unresolved(why, at);
    }
    return moduleExpansion(name, decl).value(prefix + "module." + name, at);
  }

  private Expansion moduleExpansion(String name, Declared<Block> decl) {
    String key = "module." + name;
    Expansion known = expansions.get(key);
    if (known == null) {
      if (!inProgress.add(key)) {
        return Expansion.bare(prefix + key + ": count or for_each refers to itself");
      }
      try {
        known =
            expand(prefix + key, decl.item(), new Scope(this, decl.file().name(), null, Map.of()));
      } finally {
        inProgress.remove(key);
      }
      expansions.put(key, known);
      String reason = known.reason();
      if (reason != null) {
        session.note(origin(decl.file(), decl.item().pos()), reason);
      }
    }
    return known;
  }

  private List<ModuleInstance> children(String name) {
    List<ModuleInstance> known = children.get(name);
    if (known != null) {
      return known;
    }
    children.put(name, List.of());
    Declared<Block> decl = calls.get(name);
    if (decl == null) {
      return List.of();
    }
    Origin at = origin(decl.file(), decl.item().pos());
    Optional<String> source =
        decl.item()
            .body()
            .attribute("source")
            .map(Attribute::expr)
            .flatMap(ModuleInstance::literal);
    Path dir = files.dir();
    String why = null;
    if (source.isEmpty()) {
      why = "module." + name + " has no literal source";
    } else if (!source.get().startsWith("./") && !source.get().startsWith("../")) {
      why =
          "module."
              + name
              + " comes from "
              + source.get()
              + "; only local modules (./, ../) are read";
    } else if (dir == null) {
      why = "module." + name + " is a local module, which a single file cannot reach";
    } else if (level >= Session.MAX_MODULE_DEPTH) {
      why = "module." + name + " is nested deeper than " + Session.MAX_MODULE_DEPTH + " levels";
    }
    Path childDir =
        dir == null || why != null ? null : dir.resolve(source.orElseThrow()).normalize();
    if (childDir != null && !java.nio.file.Files.isDirectory(childDir)) {
      why = "module." + name + ": folder " + source.orElseThrow() + " does not exist";
    } else if (childDir != null && ancestors.contains(childDir.toAbsolutePath().normalize())) {
      why = "module." + name + " calls a module that contains it";
    }
    if (why != null || childDir == null) {
      unread.put(name, why == null ? "module." + name + " is not read" : why);
      session.note(at, unread.get(name));
      return List.of();
    }
    String display = Displays.child(files.display(), source.orElseThrow());
    ModuleFiles childFiles = session.module(childDir, display);
    Set<Path> chain = new HashSet<>(ancestors);
    chain.add(childDir.toAbsolutePath().normalize());
    Expansion e = moduleExpansion(name, decl);
    List<ModuleInstance> out = new ArrayList<>();
    for (String k : e.keys()) {
      String childPrefix = prefix + "module." + name + e.suffix(k) + ".";
      Scope argScope = new Scope(this, decl.file().name(), null, e.names(k, at));
      ModuleInstance child =
          new ModuleInstance(
              session,
              evaluator,
              childFiles,
              childPrefix,
              level + 1,
              chain,
              (variable, module) -> argument(decl.item(), variable, argScope));
      session.register(childPrefix.substring(0, childPrefix.length() - 1), child);
      out.add(child);
    }
    children.put(name, out);
    return out;
  }

  private Optional<Given> argument(Block call, Declared<Block> variable, Scope argScope) {
    String name = variable.item().labels().getFirst();
    if (MODULE_META.contains(name)) {
      return Optional.empty();
    }
    Optional<Attribute> arg = call.body().attribute(name);
    if (arg.isEmpty()) {
      return Optional.empty();
    }
    boolean before = session.trackAssumed();
    Node value = evaluator.eval(arg.get().expr(), argScope);
    boolean assumed = session.assumedSince(before);
    if (Values.isNull(value)) {
      return Optional.empty();
    }
    return Optional.of(new Given(value, assumed));
  }

  /** The value of an output of this module instance. */
  Node output(String name, Origin at) {
    Declared<Block> decl = outputs.get(name);
    if (decl == null) {
      return new Unresolved(prefix + "output " + name + " is not declared", at);
    }
    Optional<Attribute> value = decl.item().body().attribute("value");
    if (value.isEmpty()) {
      return new Unresolved(prefix + "output " + name + " has no value", at);
    }
    if (!inProgress.add("output." + name)) {
      return new Unresolved(prefix + "output " + name + " refers to itself", at);
    }
    try {
      return evaluator.eval(
          value.get().expr(), new Scope(this, decl.file().name(), null, Map.of()));
    } finally {
      inProgress.remove("output." + name);
    }
  }

  /** The text of a literal string expression, such as a module {@code source}. */
  static Optional<String> literal(Expr e) {
    return e instanceof Expr.Literal l && l.kind() == Expr.Kind.STRING && l.text() != null
        ? Optional.of(l.text())
        : Optional.empty();
  }

  static Origin origin(HclFile f, dev.lambdasec.source.iac.terraform.hcl.Pos pos) {
    return new Origin(f.name(), pos.line(), pos.column(), null, null);
  }
}
