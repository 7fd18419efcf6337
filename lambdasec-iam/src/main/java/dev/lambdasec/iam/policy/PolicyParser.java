package dev.lambdasec.iam.policy;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a policy document tree into a {@link Policy}. Every legal shape is accepted (string-or-list
 * elements, one statement or a list, every condition operator with its qualifiers); everything
 * questionable is kept and reported as a {@link PolicyIssue} rather than dropped.
 */
public final class PolicyParser {

  private static final Set<String> DOCUMENT_KEYS = Set.of("Version", "Id", "Statement");
  private static final Set<String> STATEMENT_KEYS =
      Set.of(
          "Sid",
          "Effect",
          "Principal",
          "NotPrincipal",
          "Action",
          "NotAction",
          "Resource",
          "NotResource",
          "Condition");
  private static final Set<String> PRINCIPAL_TYPES =
      Set.of("AWS", "Service", "Federated", "CanonicalUser");

  /** {@code *}, or a service prefix, a colon and an action name, either possibly wildcarded. */
  private static final Pattern ACTION = Pattern.compile("\\*|[A-Za-z0-9*?_.-]+:[A-Za-z0-9*?_.-]+");

  private PolicyParser() {}

  public static Policy parse(PolicyDocument document) {
    return new Run(document.name()).policy(document.document());
  }

  /** One parse, collecting issues. */
  private static final class Run {
    private final String name;
    private final List<PolicyIssue> issues = new ArrayList<>();
    private final Map<String, Integer> sids = new HashMap<>();

    Run(String name) {
      this.name = name;
    }

    Policy policy(Node root) {
      switch (root) {
        case Node.Unresolved u -> {
          return new Policy(name, null, null, List.of(), List.of(), u.origin(), u.reason());
        }
        case Node.MapNode map -> {
          checkKeys(map, DOCUMENT_KEYS, "policy");
          String version = version(map);
          String id = map.get("Id").flatMap(Run::text).orElse(null);
          List<Statement> statements = new ArrayList<>();
          Node body = map.get("Statement").orElse(null);
          if (body == null) {
            issue(PolicyIssue.Kind.MISSING_ELEMENT, "policy has no Statement", map.origin());
          } else if (body instanceof Node.ListNode list) {
            if (list.items().isEmpty()) {
              issue(
                  PolicyIssue.Kind.MALFORMED, "policy has an empty Statement list", list.origin());
            }
            for (Node item : list.items()) {
              statements.add(statement(item, statements.size()));
            }
          } else {
            statements.add(statement(body, 0));
          }
          return new Policy(name, version, id, statements, issues, map.origin(), null);
        }
        default -> {
          return new Policy(
              name,
              null,
              null,
              List.of(),
              List.of(),
              root.origin(),
              "policy document is not a JSON object");
        }
      }
    }

    private @Nullable String version(Node.MapNode map) {
      Node v = map.get("Version").orElse(null);
      if (v == null) {
        issue(
            PolicyIssue.Kind.MISSING_VERSION,
            "policy has no Version; IAM then applies 2008-10-17 rules, where policy variables do not"
                + " work",
            map.origin());
        return null;
      }
      String text = text(v).orElse(null);
      if ("2008-10-17".equals(text)) {
        issue(PolicyIssue.Kind.OLD_VERSION, "policy Version is 2008-10-17", v.origin());
      } else if (!"2012-10-17".equals(text) && !(v instanceof Node.Unresolved)) {
        issue(
            PolicyIssue.Kind.MALFORMED,
            "policy Version is not 2012-10-17 or 2008-10-17"
                + (v instanceof Node.Scalar s && s.kind() != Node.Scalar.Kind.STRING
                    ? " (write it as a quoted string; a date-typed YAML value is not a string)"
                    : ""),
            v.origin());
      }
      return text;
    }

    private Statement statement(Node node, int index) {
      if (!(node instanceof Node.MapNode map)) {
        // A statement built by something we cannot evaluate: it may allow or deny anything.
        Origin o = node.origin();
        String reason =
            node instanceof Node.Unresolved u ? u.reason() : "statement is not a JSON object";
        if (!(node instanceof Node.Unresolved)) {
          issue(PolicyIssue.Kind.MALFORMED, reason, o);
        }
        Value<String> any = Value.unresolved(o, reason);
        Element unknown = new Element(true, List.of(any), o);
        return new Statement(
            index,
            null,
            Value.unresolved(o, reason),
            null,
            null,
            unknown,
            Element.absent(o),
            unknown,
            Element.absent(o),
            List.of(),
            o);
      }
      checkKeys(map, STATEMENT_KEYS, "statement");
      String sid = sid(map);
      Element action = element(map, "Action");
      Element notAction = element(map, "NotAction");
      Element resource = element(map, "Resource");
      Element notResource = element(map, "NotResource");
      if (action.present() == notAction.present()) {
        issue(
            action.present()
                ? PolicyIssue.Kind.CONFLICTING_ELEMENTS
                : PolicyIssue.Kind.MISSING_ELEMENT,
            "statement must have exactly one of Action and NotAction",
            map.origin());
      }
      checkActions(action);
      checkActions(notAction);
      if (resource.present() && notResource.present()) {
        issue(
            PolicyIssue.Kind.CONFLICTING_ELEMENTS,
            "statement has both Resource and NotResource",
            map.origin());
      }
      checkNotEmpty(resource, "Resource");
      checkNotEmpty(notResource, "NotResource");
      Principals principal = principals(map, "Principal");
      Principals notPrincipal = principals(map, "NotPrincipal");
      if (principal != null && notPrincipal != null) {
        issue(
            PolicyIssue.Kind.CONFLICTING_ELEMENTS,
            "statement has both Principal and NotPrincipal",
            map.origin());
      }
      return new Statement(
          index,
          sid,
          effect(map),
          principal,
          notPrincipal,
          action,
          notAction,
          resource,
          notResource,
          conditions(map),
          map.origin());
    }

    private @Nullable String sid(Node.MapNode map) {
      Node node = map.get("Sid").orElse(null);
      if (node == null) {
        return null;
      }
      String sid = text(node).orElse(null);
      if (sid == null) {
        if (!(node instanceof Node.Unresolved)) {
          issue(PolicyIssue.Kind.MALFORMED, "Sid must be a string", node.origin());
        }
        return null;
      }
      if (!sid.isEmpty() && sids.merge(sid, 1, Integer::sum) == 2) {
        issue(
            PolicyIssue.Kind.DUPLICATE_SID,
            "Sid '" + sid + "' is used by more than one statement; IAM requires unique Sids",
            node.origin());
      }
      return sid;
    }

    private Value<Effect> effect(Node.MapNode map) {
      Node node = map.get("Effect").orElse(null);
      if (node == null) {
        issue(PolicyIssue.Kind.MISSING_ELEMENT, "statement has no Effect", map.origin());
        return Value.unresolved(map.origin(), "statement has no Effect");
      }
      if (node instanceof Node.Unresolved u) {
        return Value.unresolved(u.origin(), u.reason());
      }
      String text = text(node).orElse("");
      if (text.equals("Allow")) {
        return Value.set(Effect.ALLOW, node.origin());
      }
      if (text.equals("Deny")) {
        return Value.set(Effect.DENY, node.origin());
      }
      String lower = text.toLowerCase(Locale.ROOT);
      if (lower.equals("allow") || lower.equals("deny")) {
        issue(
            PolicyIssue.Kind.INVALID_EFFECT,
            "Effect '" + text + "' must be written 'Allow' or 'Deny' (IAM rejects other casings)",
            node.origin());
        return Value.set(lower.equals("allow") ? Effect.ALLOW : Effect.DENY, node.origin());
      }
      issue(
          PolicyIssue.Kind.INVALID_EFFECT,
          "Effect '" + text + "' is not Allow or Deny",
          node.origin());
      return Value.unresolved(node.origin(), "invalid Effect");
    }

    private Element element(Node.MapNode map, String key) {
      Node node = map.get(key).orElse(null);
      if (node == null) {
        return Element.absent(map.origin());
      }
      return new Element(true, values(node), node.origin());
    }

    private void checkNotEmpty(Element e, String key) {
      if (e.present() && e.values().isEmpty()) {
        issue(PolicyIssue.Kind.MALFORMED, key + " is an empty list", e.origin());
      }
    }

    private void checkActions(Element e) {
      checkNotEmpty(e, "Action");
      for (Value<String> v : e.values()) {
        String a = v.known().orElse(null);
        if (a != null && !a.contains("${") && !ACTION.matcher(a).matches()) {
          issue(
              PolicyIssue.Kind.MALFORMED_ACTION,
              "action '" + a + "' is not '*' or 'service:action'",
              v.origin());
        }
      }
    }

    private List<Value<String>> values(Node node) {
      if (node instanceof Node.ListNode list) {
        List<Value<String>> out = new ArrayList<>();
        for (Node item : list.items()) {
          out.add(value(item));
        }
        return out;
      }
      return List.of(value(node));
    }

    private Value<String> value(Node node) {
      return switch (node) {
        case Node.Scalar s when s.text() != null -> Value.set(s.text(), s.origin());
        case Node.Scalar s -> {
          issue(PolicyIssue.Kind.MALFORMED, "expected a string, found null", s.origin());
          yield Value.unresolved(s.origin(), "null value");
        }
        case Node.Reference r -> Value.set(r.placeholder(), r.origin());
        case Node.Unresolved u -> Value.unresolved(u.origin(), u.reason());
        case Node.MapNode m -> {
          issue(PolicyIssue.Kind.MALFORMED, "expected a string, found an object", m.origin());
          yield Value.unresolved(m.origin(), "object where a string was expected");
        }
        case Node.ListNode l -> {
          issue(PolicyIssue.Kind.MALFORMED, "expected a string, found a nested list", l.origin());
          yield Value.unresolved(l.origin(), "nested list where a string was expected");
        }
      };
    }

    private @Nullable Principals principals(Node.MapNode map, String key) {
      Node node = map.get(key).orElse(null);
      if (node == null) {
        return null;
      }
      if (node instanceof Node.Scalar s && "*".equals(s.text())) {
        return new Principals(true, Map.of(), s.origin());
      }
      if (node instanceof Node.MapNode types) {
        checkDuplicates(types, key);
        Map<String, List<Value<String>>> byType = new LinkedHashMap<>();
        for (Node.Entry e : types.entries()) {
          if (!PRINCIPAL_TYPES.contains(e.key())) {
            issue(
                PolicyIssue.Kind.UNKNOWN_KEY,
                "unknown principal type '" + e.key() + "'",
                e.keyOrigin());
          }
          List<Value<String>> values = values(e.value());
          if (values.isEmpty()) {
            issue(
                PolicyIssue.Kind.MALFORMED,
                key + " " + e.key() + " is an empty list",
                e.keyOrigin());
          }
          byType.computeIfAbsent(e.key(), k -> new ArrayList<>()).addAll(values);
        }
        return new Principals(false, byType, types.origin());
      }
      if (node instanceof Node.Unresolved u) {
        return new Principals(
            false, Map.of("AWS", List.of(Value.unresolved(u.origin(), u.reason()))), u.origin());
      }
      issue(PolicyIssue.Kind.MALFORMED, key + " must be \"*\" or an object", node.origin());
      return new Principals(
          false,
          Map.of("AWS", List.of(Value.unresolved(node.origin(), "malformed " + key))),
          node.origin());
    }

    private List<Condition> conditions(Node.MapNode map) {
      Node node = map.get("Condition").orElse(null);
      if (node == null) {
        return List.of();
      }
      if (!(node instanceof Node.MapNode operators)) {
        if (!(node instanceof Node.Unresolved)) {
          issue(PolicyIssue.Kind.MALFORMED, "Condition must be an object", node.origin());
        }
        return List.of(
            Condition.of(
                "Unresolved",
                "?",
                List.of(Value.unresolved(node.origin(), "condition block not readable")),
                node.origin()));
      }
      checkDuplicates(operators, "Condition");
      List<Condition> out = new ArrayList<>();
      for (Node.Entry op : operators.entries()) {
        if (op.value() instanceof Node.MapNode keys) {
          checkDuplicates(keys, op.key());
          for (Node.Entry k : keys.entries()) {
            Condition c = Condition.of(op.key(), k.key(), values(k.value()), k.keyOrigin());
            checkCondition(c, op.keyOrigin());
            out.add(c);
          }
        } else {
          issue(
              PolicyIssue.Kind.MALFORMED,
              "condition operator " + op.key() + " must map keys to values",
              op.keyOrigin());
          out.add(
              Condition.of(
                  op.key(),
                  "?",
                  List.of(Value.unresolved(op.value().origin(), "condition not readable")),
                  op.keyOrigin()));
        }
      }
      return out;
    }

    private void checkCondition(Condition c, Origin operatorOrigin) {
      Operator op = c.op();
      if (op == null) {
        issue(
            PolicyIssue.Kind.UNKNOWN_OPERATOR,
            "condition operator '" + c.operator() + "' is not an IAM operator",
            operatorOrigin);
        return;
      }
      if (!op.text().equals(c.base())) {
        issue(
            PolicyIssue.Kind.UNKNOWN_OPERATOR,
            "condition operator '" + c.base() + "' must be written '" + op.text() + "'",
            operatorOrigin);
      }
      if (op == Operator.NULL && (c.ifExists() || c.qualifier() != Condition.SetQualifier.NONE)) {
        issue(
            PolicyIssue.Kind.MALFORMED_CONDITION,
            "the Null operator takes no IfExists suffix and no set qualifier",
            operatorOrigin);
      }
      if (c.values().isEmpty()) {
        issue(
            PolicyIssue.Kind.MALFORMED_CONDITION,
            "condition " + c.operator() + " on " + c.key() + " has no values",
            c.origin());
      }
      for (Value<String> v : c.values()) {
        v.known()
            .flatMap(text -> ConditionValues.problem(op, text))
            .ifPresent(p -> issue(PolicyIssue.Kind.MALFORMED_CONDITION, p, v.origin()));
      }
    }

    private void checkKeys(Node.MapNode map, Set<String> allowed, String what) {
      checkDuplicates(map, what);
      for (Node.Entry e : map.entries()) {
        if (!allowed.contains(e.key())) {
          issue(
              PolicyIssue.Kind.UNKNOWN_KEY,
              "unknown " + what + " key '" + e.key() + "' is not part of the IAM policy grammar",
              e.keyOrigin());
        }
      }
    }

    private void checkDuplicates(Node.MapNode map, String what) {
      Set<String> seen = new HashSet<>();
      for (Node.Entry e : map.entries()) {
        if (!seen.add(e.key())) {
          issue(
              PolicyIssue.Kind.DUPLICATE_KEY,
              "duplicate key '" + e.key() + "' in " + what + "; only the last one counts",
              e.keyOrigin());
        }
      }
    }

    private void issue(PolicyIssue.Kind kind, String message, Origin origin) {
      issues.add(new PolicyIssue(kind, message, origin));
    }

    private static Optional<String> text(Node node) {
      return node instanceof Node.Scalar s ? Optional.ofNullable(s.text()) : Optional.empty();
    }
  }
}
