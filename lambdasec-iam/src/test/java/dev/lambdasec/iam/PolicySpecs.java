package dev.lambdasec.iam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lambdasec.iam.policy.Condition;
import dev.lambdasec.iam.policy.Element;
import dev.lambdasec.iam.policy.Operator;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.Principals;
import dev.lambdasec.iam.policy.Statement;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.jspecify.annotations.Nullable;

/**
 * Random policies for round-trip properties: a model-level description, its JSON rendering in a
 * randomly chosen legal shape (a single value as a string or a list, one statement as an object or
 * a list), and the canonical description the parsed policy must have.
 */
final class PolicySpecs {

  private PolicySpecs() {}

  record CondSpec(String operator, String key, List<String> values) {}

  record PrincipalSpec(boolean star, Map<String, List<String>> byType) {}

  record StmtSpec(
      @Nullable String sid,
      boolean allow,
      @Nullable PrincipalSpec principal,
      boolean principalNegated,
      boolean notAction,
      List<String> actions,
      int resourceMode,
      List<String> resources,
      List<CondSpec> conditions,
      boolean singleAsString) {}

  record PolicySpec(
      @Nullable String version, @Nullable String id, List<StmtSpec> statements, boolean asObject) {

    String json() throws IOException {
      StringWriter out = new StringWriter();
      try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
        g.writeStartObject();
        if (version != null) {
          g.writeStringField("Version", version);
        }
        if (id != null) {
          g.writeStringField("Id", id);
        }
        g.writeFieldName("Statement");
        if (asObject && statements.size() == 1) {
          statement(g, statements.get(0));
        } else {
          g.writeStartArray();
          for (StmtSpec s : statements) {
            statement(g, s);
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      return out.toString();
    }

    private static void statement(JsonGenerator g, StmtSpec s) throws IOException {
      g.writeStartObject();
      if (s.sid() != null) {
        g.writeStringField("Sid", s.sid());
      }
      g.writeStringField("Effect", s.allow() ? "Allow" : "Deny");
      PrincipalSpec p = s.principal();
      if (p != null) {
        g.writeFieldName(s.principalNegated() ? "NotPrincipal" : "Principal");
        if (p.star()) {
          g.writeString("*");
        } else {
          g.writeStartObject();
          for (Map.Entry<String, List<String>> e : p.byType().entrySet()) {
            values(g, e.getKey(), e.getValue(), s.singleAsString());
          }
          g.writeEndObject();
        }
      }
      values(g, s.notAction() ? "NotAction" : "Action", s.actions(), s.singleAsString());
      if (s.resourceMode() == 1) {
        values(g, "Resource", s.resources(), s.singleAsString());
      } else if (s.resourceMode() == 2) {
        values(g, "NotResource", s.resources(), s.singleAsString());
      }
      if (!s.conditions().isEmpty()) {
        Map<String, List<CondSpec>> byOperator = new LinkedHashMap<>();
        s.conditions()
            .forEach(c -> byOperator.computeIfAbsent(c.operator(), k -> new ArrayList<>()).add(c));
        g.writeObjectFieldStart("Condition");
        for (Map.Entry<String, List<CondSpec>> op : byOperator.entrySet()) {
          g.writeObjectFieldStart(op.getKey());
          for (CondSpec c : op.getValue()) {
            values(g, c.key(), c.values(), s.singleAsString());
          }
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }

    private static void values(JsonGenerator g, String name, List<String> values, boolean single)
        throws IOException {
      if (single && values.size() == 1) {
        g.writeStringField(name, values.get(0));
        return;
      }
      g.writeArrayFieldStart(name);
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
    }

    /** The description the parsed policy must have. */
    List<String> expected() {
      List<String> out = new ArrayList<>();
      out.add("version=" + version + " id=" + id);
      for (StmtSpec s : statements) {
        Map<String, List<String>> conds = new LinkedHashMap<>();
        Map<String, List<CondSpec>> byOperator = new LinkedHashMap<>();
        s.conditions()
            .forEach(c -> byOperator.computeIfAbsent(c.operator(), k -> new ArrayList<>()).add(c));
        byOperator
            .values()
            .forEach(
                list -> list.forEach(c -> conds.put(c.operator() + " " + c.key(), c.values())));
        PrincipalSpec p = s.principal();
        String principal = p == null ? "none" : p.star() ? "*" : p.byType().toString();
        out.add(
            String.join(
                " | ",
                "sid=" + s.sid(),
                "effect=" + (s.allow() ? "ALLOW" : "DENY"),
                (s.principalNegated() ? "notPrincipal=" : "principal=") + principal,
                (s.notAction() ? "notAction=" : "action=") + s.actions(),
                "resources"
                    + s.resourceMode()
                    + "="
                    + (s.resourceMode() == 0 ? List.of() : s.resources()),
                "conditions=" + conds));
      }
      return out;
    }
  }

  /** The canonical description of a parsed policy (origins never take part). */
  static List<String> describe(Policy policy) {
    List<String> out = new ArrayList<>();
    out.add("version=" + policy.version() + " id=" + policy.id());
    for (Statement s : policy.statements()) {
      Map<String, List<String>> conds = new LinkedHashMap<>();
      for (Condition c : s.conditions()) {
        conds.put(c.operator() + " " + c.key(), c.known());
      }
      Principals p = s.principal() != null ? s.principal() : s.notPrincipal();
      String principal = "none";
      if (p != null) {
        Map<String, List<String>> byType = new LinkedHashMap<>();
        p.byType()
            .forEach((k, v) -> byType.put(k, v.stream().flatMap(x -> x.known().stream()).toList()));
        principal = p.everyone() ? "*" : byType.toString();
      }
      Element actions = s.action().present() ? s.action() : s.notAction();
      int mode = s.resource().present() ? 1 : s.notResource().present() ? 2 : 0;
      Element resources = mode == 2 ? s.notResource() : s.resource();
      out.add(
          String.join(
              " | ",
              "sid=" + s.sid(),
              "effect=" + s.effect().known().map(Enum::name).orElse("?"),
              (s.notPrincipal() != null ? "notPrincipal=" : "principal=") + principal,
              (s.action().present() ? "action=" : "notAction=") + actions.known(),
              "resources" + mode + "=" + resources.known(),
              "conditions=" + conds));
    }
    return out;
  }

  private static Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars('é', '中', '\t', '\n', '"', '\\', '/')
        .ofMinLength(1)
        .ofMaxLength(12);
  }

  private static Arbitrary<List<String>> texts() {
    return text().list().ofMinSize(1).ofMaxSize(3);
  }

  private static Arbitrary<CondSpec> conditions() {
    Arbitrary<String> base =
        Arbitraries.oneOf(Arbitraries.of(Operator.values()).map(Operator::text), text());
    Arbitrary<String> operator =
        Combinators.combine(
                Arbitraries.of("", "", "ForAllValues:", "ForAnyValue:"),
                base,
                Arbitraries.of("", "", "IfExists"))
            .as((q, b, e) -> q + b + e);
    return Combinators.combine(operator, text(), texts()).as(CondSpec::new);
  }

  private static Arbitrary<@Nullable PrincipalSpec> principals() {
    Arbitrary<Map<String, List<String>>> byType =
        Arbitraries.maps(Arbitraries.of("AWS", "Service", "Federated", "CanonicalUser"), texts())
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(LinkedHashMap::new);
    Arbitrary<PrincipalSpec> spec =
        Combinators.combine(Arbitraries.of(true, false), byType).as(PrincipalSpec::new);
    return spec.injectNull(0.5);
  }

  private static Arbitrary<StmtSpec> statements() {
    Arbitrary<List<CondSpec>> conditions =
        conditions().list().ofMaxSize(3).uniqueElements(c -> c.operator() + "\u0000" + c.key());
    return Combinators.combine(
            text().injectNull(0.3),
            Arbitraries.of(true, false),
            principals(),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            texts(),
            Arbitraries.of(0, 1, 2),
            texts())
        .flatAs((sid, allow, principal, negated, notAction, actions, mode, resources) ->
            Combinators.combine(conditions, Arbitraries.of(true, false))
                .as((conds, single) ->
                    new StmtSpec(
                        sid,
                        allow,
                        principal,
                        principal != null && negated,
                        notAction,
                        actions,
                        mode,
                        resources,
                        conds,
                        single)));
  }

  static Arbitrary<PolicySpec> policies() {
    return Combinators.combine(
            Arbitraries.oneOf(Arbitraries.of("2012-10-17", "2008-10-17"), text()).injectNull(0.2),
            text().injectNull(0.7),
            statements().list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.of(true, false))
        .as(PolicySpec::new);
  }
}
