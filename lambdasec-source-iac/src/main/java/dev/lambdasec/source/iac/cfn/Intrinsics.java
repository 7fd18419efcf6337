package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates CloudFormation intrinsic functions in a property tree, as far as they can be known
 * before deployment.
 *
 * <p>The result is again a tree: known values become scalars, references to resources and to pseudo
 * parameters that are unknown before deployment become {@link Reference} nodes, and everything else
 * {@link Unresolved} with the reason. A resolved node takes the origin of the intrinsic the
 * template wrote, so findings point at the line the user wrote. {@code AWS::NoValue} removes the
 * key or list item that holds it: {@link #resolve} returns {@code null} for it.
 */
public final class Intrinsics {

  /** The three values a condition can have before deployment. */
  public enum Truth {
    TRUE,
    FALSE,
    UNKNOWN;

    static Truth of(boolean b) {
      return b ? TRUE : FALSE;
    }
  }

  /** Availability zones chosen by {@code Fn::Select [N, Fn::GetAZs …]}: target of the reference. */
  public static final String AVAILABILITY_ZONE = "AWS::AZ";

  private static final Set<String> PSEUDO_REFERENCES =
      Set.of(
          "AWS::AccountId",
          "AWS::Region",
          "AWS::StackName",
          "AWS::StackId",
          "AWS::NotificationARNs");

  private static final Map<String, String> NOT_EVALUATED =
      Map.of(
          "Fn::GetAZs", "Fn::GetAZs: the availability zones are known only at deployment",
          "Fn::ImportValue", "Fn::ImportValue: the value is exported by another stack",
          "Fn::Base64", "Fn::Base64 is not evaluated",
          "Fn::Cidr", "Fn::Cidr is not evaluated",
          "Fn::Transform", "Fn::Transform: a macro runs at deployment",
          "Fn::ToJsonString", "Fn::ToJsonString is not evaluated",
          "Fn::Length", "Fn::Length is not evaluated",
          "Fn::GetParam", "Fn::GetParam is not evaluated");

  private final Map<String, Node> parameters;
  private final MapNode mappings;
  private final MapNode conditions;
  private final Set<String> resourceIds;
  private final NodeBudget budget;
  private final Map<String, Truth> truths = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();

  /**
   * @param parameters parameter values by name ({@link Unresolved} when unknown)
   * @param resourceIds the logical ids that {@code Ref} and {@code Fn::GetAtt} may name
   */
  public Intrinsics(
      Map<String, Node> parameters,
      MapNode mappings,
      MapNode conditions,
      Set<String> resourceIds,
      NodeBudget budget) {
    this.parameters = Map.copyOf(parameters);
    this.mappings = mappings;
    this.conditions = conditions;
    this.resourceIds = Set.copyOf(resourceIds);
    this.budget = budget;
  }

  /** An evaluator for a template with {@code --param} overrides. */
  public static Intrinsics of(
      Template t, Map<String, String> overrides, Set<String> resourceIds, NodeBudget budget) {
    return new Intrinsics(
        ParameterValues.of(t.parameters(), overrides),
        t.mappings(),
        t.conditions(),
        resourceIds,
        budget);
  }

  /** The same parameters, mappings, conditions and budget, with other resource ids. */
  public Intrinsics withResources(Set<String> ids) {
    return new Intrinsics(parameters, mappings, conditions, ids, budget);
  }

  /** A copy of a tree placed at {@code origin}, paid from the budget. */
  private Node copyAt(Node node, Origin origin) {
    budget.charge(Nodes.size(node));
    return Nodes.reorigin(node, origin);
  }

  /** The evaluated tree, or {@code null} when the node is {@code AWS::NoValue}. */
  public @Nullable Node resolve(Node node) {
    budget.charge(1);
    return switch (node) {
      case MapNode m -> {
        Optional<String> fn = Nodes.intrinsicName(m);
        if (fn.isPresent()) {
          yield call(fn.get(), m.entries().getFirst().value(), m.origin());
        }
        List<Entry> entries = new ArrayList<>();
        for (Entry e : m.entries()) {
          Node value = resolve(e.value());
          if (value != null) {
            entries.add(new Entry(e.key(), e.keyOrigin(), value));
          }
        }
        yield new MapNode(entries, m.origin());
      }
      case ListNode l -> {
        List<Node> items = new ArrayList<>();
        for (Node item : l.items()) {
          Node value = resolve(item);
          if (value != null) {
            items.add(value);
          }
        }
        yield new ListNode(items, l.origin());
      }
      default -> node;
    };
  }

  /** The value of a named condition; unknown when it depends on values known only later. */
  public Truth condition(String name) {
    Truth known = truths.get(name);
    if (known != null) {
      return known;
    }
    Node definition = conditions.get(name).orElse(null);
    if (definition == null || !evaluating.add(name)) {
      return Truth.UNKNOWN; // undefined, or a cycle of conditions
    }
    Truth truth;
    try {
      truth = truth(definition);
    } finally {
      evaluating.remove(name);
    }
    truths.put(name, truth);
    return truth;
  }

  private @Nullable Node call(String fn, Node arg, Origin origin) {
    return switch (fn) {
      case "Ref" -> ref(arg, origin);
      case "Fn::GetAtt" -> getAtt(arg, origin);
      case "Fn::Sub" -> sub(arg, origin);
      case "Fn::Join" -> join(arg, origin);
      case "Fn::If" -> ifThen(arg, origin);
      case "Fn::Select" -> select(arg, origin);
      case "Fn::Split" -> split(arg, origin);
      case "Fn::FindInMap" -> findInMap(arg, origin);
      case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not" ->
          new Unresolved(fn + " is a condition function", origin);
      default -> {
        String reason = NOT_EVALUATED.get(fn);
        if (reason == null && fn.startsWith("Fn::ForEach")) {
          reason = "Fn::ForEach is not expanded";
        }
        yield new Unresolved(reason != null ? reason : "unknown function " + fn, origin);
      }
    };
  }

  private @Nullable Node ref(Node arg, Origin origin) {
    Optional<String> name = Nodes.text(arg);
    if (name.isEmpty()) {
      return new Unresolved("Ref needs a name", origin);
    }
    return named(name.get(), origin, "Ref");
  }

  /** The value of a parameter, pseudo parameter or resource named in a Ref or Fn::Sub. */
  private @Nullable Node named(String name, Origin origin, String function) {
    switch (name) {
      case "AWS::Partition" -> {
        return Scalar.string("aws", origin);
      }
      case "AWS::URLSuffix" -> {
        return Scalar.string("amazonaws.com", origin);
      }
      case "AWS::NoValue" -> {
        return null;
      }
      default -> {
        // handled below
      }
    }
    if (PSEUDO_REFERENCES.contains(name)) {
      return new Reference(name, null, origin);
    }
    Node parameter = parameters.get(name);
    if (parameter != null) {
      return copyAt(parameter, origin);
    }
    if (resourceIds.contains(name)) {
      return new Reference(name, null, origin);
    }
    return new Unresolved(function + " to undefined " + name, origin);
  }

  private Node getAtt(Node arg, Origin origin) {
    String target;
    Node attributeNode;
    if (arg instanceof ListNode l && l.items().size() == 2) {
      target = Nodes.text(l.items().get(0)).orElse("");
      attributeNode = resolve(l.items().get(1));
    } else if (Nodes.text(arg).filter(t -> t.contains(".")).isPresent()) {
      String text = Nodes.text(arg).orElse("");
      int dot = text.indexOf('.');
      target = text.substring(0, dot);
      attributeNode = Scalar.string(text.substring(dot + 1), origin);
    } else {
      return new Unresolved("Fn::GetAtt needs a resource and an attribute", origin);
    }
    Optional<String> attribute = Nodes.text(attributeNode);
    if (attribute.isEmpty()) {
      return new Unresolved("Fn::GetAtt attribute of " + target + " is not known", origin);
    }
    if (!resourceIds.contains(target)) {
      return new Unresolved("Fn::GetAtt to undefined " + target, origin);
    }
    return new Reference(target, attribute.get(), origin);
  }

  private Node sub(Node arg, Origin origin) {
    Node template = arg;
    Map<String, Node> variables = new HashMap<>();
    if (arg instanceof ListNode l) {
      if (l.items().isEmpty() || l.items().size() > 2) {
        return new Unresolved("Fn::Sub needs a string and optional variables", origin);
      }
      template = l.items().get(0);
      if (l.items().size() == 2) {
        if (!(resolve(l.items().get(1)) instanceof MapNode vars)) {
          return new Unresolved("Fn::Sub variables are not a map", origin);
        }
        for (Entry e : vars.entries()) {
          variables.put(e.key(), e.value());
        }
      }
    }
    Optional<String> text = Nodes.text(template);
    if (text.isEmpty()) {
      return new Unresolved("Fn::Sub needs a string", origin);
    }
    Substitution out = new Substitution();
    String s = text.get();
    int i = 0;
    while (i < s.length()) {
      int start = s.indexOf("${", i);
      int end = start < 0 ? -1 : s.indexOf('}', start + 2);
      if (start < 0 || end < 0) {
        out.literal(s.substring(i));
        break;
      }
      out.literal(s.substring(i, start));
      String name = s.substring(start + 2, end);
      if (name.startsWith("!")) {
        out.literal("${" + name.substring(1) + "}");
      } else {
        Node value = variable(name.strip(), variables, origin);
        if (value == null) {
          return new Unresolved("Fn::Sub variable " + name.strip() + " is AWS::NoValue", origin);
        }
        Optional<Unresolved> failed = out.value(value, "Fn::Sub variable " + name.strip());
        if (failed.isPresent()) {
          return new Unresolved(failed.get().reason(), origin);
        }
      }
      i = end + 1;
    }
    return out.result(origin);
  }

  private @Nullable Node variable(String name, Map<String, Node> variables, Origin origin) {
    Node given = variables.get(name);
    if (given != null) {
      return copyAt(given, origin);
    }
    int dot = name.indexOf('.');
    if (dot > 0 && !name.startsWith("AWS::")) {
      String target = name.substring(0, dot);
      if (resourceIds.contains(target)) {
        return new Reference(target, name.substring(dot + 1), origin);
      }
      return new Unresolved("Fn::Sub refers to undefined " + target, origin);
    }
    return named(name, origin, "Fn::Sub");
  }

  private Node join(Node arg, Origin origin) {
    if (!(arg instanceof ListNode l) || l.items().size() != 2) {
      return new Unresolved("Fn::Join needs a delimiter and a list", origin);
    }
    Optional<String> delimiter = Nodes.text(resolve(l.items().get(0)));
    if (delimiter.isEmpty() && !(l.items().get(0) instanceof Scalar)) {
      return new Unresolved("Fn::Join delimiter is not known", origin);
    }
    Node list = resolve(l.items().get(1));
    if (list instanceof Unresolved u) {
      return new Unresolved(u.reason(), origin);
    }
    if (!(list instanceof ListNode items)) {
      return new Unresolved("Fn::Join of a value that is not a list", origin);
    }
    Substitution out = new Substitution();
    for (int i = 0; i < items.items().size(); i++) {
      if (i > 0) {
        out.literal(delimiter.orElse(""));
      }
      Optional<Unresolved> failed = out.value(items.items().get(i), "Fn::Join item");
      if (failed.isPresent()) {
        return new Unresolved(failed.get().reason(), origin);
      }
    }
    return out.result(origin);
  }

  private @Nullable Node ifThen(Node arg, Origin origin) {
    if (!(arg instanceof ListNode l) || l.items().size() != 3) {
      return new Unresolved("Fn::If needs a condition and two values", origin);
    }
    String name = Nodes.text(l.items().get(0)).orElse("");
    return switch (condition(name)) {
      case TRUE -> resolve(l.items().get(1));
      case FALSE -> resolve(l.items().get(2));
      case UNKNOWN -> new Unresolved("depends on condition " + name, origin);
    };
  }

  private Node select(Node arg, Origin origin) {
    if (!(arg instanceof ListNode l) || l.items().size() != 2) {
      return new Unresolved("Fn::Select needs an index and a list", origin);
    }
    Node indexNode = resolve(l.items().get(0));
    Optional<Integer> index = Nodes.text(indexNode).flatMap(Intrinsics::parseIndex);
    if (index.isEmpty()) {
      return indexNode instanceof Unresolved u
          ? new Unresolved(u.reason(), origin)
          : new Unresolved("Fn::Select index is not a number", origin);
    }
    if (Nodes.intrinsicName(l.items().get(1)).filter("Fn::GetAZs"::equals).isPresent()) {
      // One zone of the region, unknown before deployment but different for each index.
      return new Reference(AVAILABILITY_ZONE, String.valueOf(index.get()), origin);
    }
    Node list = resolve(l.items().get(1));
    if (list instanceof Unresolved u) {
      return new Unresolved(u.reason(), origin);
    }
    if (!(list instanceof ListNode items)) {
      return new Unresolved("Fn::Select over a value that is not a list", origin);
    }
    if (index.get() >= items.items().size()) {
      return new Unresolved("Fn::Select index " + index.get() + " is out of range", origin);
    }
    return copyAt(items.items().get(index.get()), origin);
  }

  private static Optional<Integer> parseIndex(String text) {
    try {
      int i = Integer.parseInt(text.strip());
      return i >= 0 ? Optional.of(i) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Node split(Node arg, Origin origin) {
    if (!(arg instanceof ListNode l) || l.items().size() != 2) {
      return new Unresolved("Fn::Split needs a delimiter and a string", origin);
    }
    Optional<String> delimiter = Nodes.text(resolve(l.items().get(0)));
    Node source = resolve(l.items().get(1));
    if (source instanceof Unresolved u) {
      return new Unresolved(u.reason(), origin);
    }
    if (delimiter.isEmpty() || delimiter.get().isEmpty()) {
      return new Unresolved("Fn::Split delimiter is not known", origin);
    }
    if (!(source instanceof Scalar s) || s.text() == null) {
      return new Unresolved("Fn::Split of a value known only after deployment", origin);
    }
    List<Node> parts = new ArrayList<>();
    String text = s.text();
    int from = 0;
    while (true) {
      int at = text.indexOf(delimiter.get(), from);
      if (at < 0) {
        parts.add(Scalar.string(text.substring(from), origin));
        break;
      }
      parts.add(Scalar.string(text.substring(from, at), origin));
      budget.charge(1);
      from = at + delimiter.get().length();
    }
    return new ListNode(parts, origin);
  }

  private @Nullable Node findInMap(Node arg, Origin origin) {
    if (!(arg instanceof ListNode l) || l.items().size() < 3 || l.items().size() > 4) {
      return new Unresolved("Fn::FindInMap needs a map name and two keys", origin);
    }
    List<String> keys = new ArrayList<>();
    for (Node keyNode : l.items().subList(0, 3)) {
      Node key = resolve(keyNode);
      Optional<String> text = Nodes.text(key);
      if (text.isEmpty()) {
        return key instanceof Unresolved u
            ? new Unresolved(u.reason(), origin)
            : new Unresolved("Fn::FindInMap key is known only after deployment", origin);
      }
      keys.add(text.get());
    }
    Node found = Nodes.at(mappings, keys.get(0), keys.get(1), keys.get(2));
    if (found == null && l.items().size() == 4) {
      found = Nodes.get(l.items().get(3), "DefaultValue");
    }
    if (found == null) {
      return new Unresolved("Fn::FindInMap: no entry " + String.join("/", keys), origin);
    }
    Node value = resolve(found);
    return value == null ? null : copyAt(value, origin);
  }

  private Truth truth(Node definition) {
    Optional<String> fn = Nodes.intrinsicName(definition);
    Node arg =
        definition instanceof MapNode m && m.entries().size() == 1
            ? m.entries().getFirst().value()
            : definition;
    if (fn.isEmpty()) {
      if (definition instanceof MapNode m
          && m.entries().size() == 1
          && m.entries().getFirst().key().equals("Condition")) {
        return condition(Nodes.text(arg).orElse(""));
      }
      return Truth.UNKNOWN;
    }
    List<Node> operands = Nodes.items(arg);
    return switch (fn.get()) {
      case "Fn::Equals" ->
          operands.size() == 2 ? equal(operands.get(0), operands.get(1)) : Truth.UNKNOWN;
      case "Fn::Not" -> operands.size() == 1 ? not(truth(operands.getFirst())) : Truth.UNKNOWN;
      case "Fn::And" -> and(operands);
      case "Fn::Or" -> or(operands);
      default -> Truth.UNKNOWN;
    };
  }

  private Truth equal(Node left, Node right) {
    Optional<String> a = canonical(resolve(left));
    Optional<String> b = canonical(resolve(right));
    return a.isPresent() && b.isPresent() ? Truth.of(a.get().equals(b.get())) : Truth.UNKNOWN;
  }

  /** A text form of a fully known value, for comparison; empty when any part is unknown. */
  private static Optional<String> canonical(@Nullable Node node) {
    return switch (node) {
      case null -> Optional.of("");
      case Scalar s -> Optional.of(s.text() == null ? "" : s.text());
      case ListNode l -> {
        StringBuilder b = new StringBuilder("[");
        for (Node item : l.items()) {
          Optional<String> c = canonical(item);
          if (c.isEmpty()) {
            yield Optional.empty();
          }
          b.append(c.get().length()).append(':').append(c.get());
        }
        yield Optional.of(b.append(']').toString());
      }
      default -> Optional.empty();
    };
  }

  private static Truth not(Truth t) {
    return switch (t) {
      case TRUE -> Truth.FALSE;
      case FALSE -> Truth.TRUE;
      case UNKNOWN -> Truth.UNKNOWN;
    };
  }

  private Truth and(List<Node> operands) {
    Truth result = Truth.TRUE;
    for (Node operand : operands) {
      Truth t = truth(operand);
      if (t == Truth.FALSE) {
        return Truth.FALSE;
      }
      if (t == Truth.UNKNOWN) {
        result = Truth.UNKNOWN;
      }
    }
    return result;
  }

  private Truth or(List<Node> operands) {
    Truth result = Truth.FALSE;
    for (Node operand : operands) {
      Truth t = truth(operand);
      if (t == Truth.TRUE) {
        return Truth.TRUE;
      }
      if (t == Truth.UNKNOWN) {
        result = Truth.UNKNOWN;
      }
    }
    return result;
  }

  /** Builds the string of a Fn::Sub or Fn::Join; references become placeholders. */
  private static final class Substitution {
    private final StringBuilder text = new StringBuilder();
    private @Nullable Reference only;
    private int parts;

    void literal(String s) {
      if (!s.isEmpty()) {
        text.append(s);
        parts++;
      }
    }

    Optional<Unresolved> value(Node value, String what) {
      switch (value) {
        case Scalar s -> literal(s.text() == null ? "" : s.text());
        case Reference r -> {
          text.append(r.placeholder());
          only = r;
          parts++;
        }
        case Unresolved u -> {
          return Optional.of(u);
        }
        default -> {
          return Optional.of(new Unresolved(what + " is not a string", value.origin()));
        }
      }
      return Optional.empty();
    }

    /** The string, or the reference itself when it is all the string holds. */
    Node result(Origin origin) {
      Reference r = only;
      if (parts == 1 && r != null) {
        return new Reference(r.target(), r.attribute(), origin);
      }
      return Scalar.string(text.toString(), origin);
    }
  }
}
