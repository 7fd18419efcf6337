package dev.lambdasec.iam.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lambdasec.model.Value;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a policy as canonical JSON: elements always as lists, {@code Statement} always a list,
 * keys in the order AWS documents them. Only known values can be written; a policy with unresolved
 * parts is refused, since any text standing for them would be a guess.
 */
public final class PolicyWriter {

  private static final JsonFactory FACTORY = new JsonFactory();

  private PolicyWriter() {}

  public static String write(Policy policy) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      if (policy.version() != null) {
        g.writeStringField("Version", policy.version());
      }
      if (policy.id() != null) {
        g.writeStringField("Id", policy.id());
      }
      g.writeArrayFieldStart("Statement");
      for (Statement s : policy.statements()) {
        statement(g, s);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void statement(JsonGenerator g, Statement s) throws IOException {
    g.writeStartObject();
    if (s.sid() != null) {
      g.writeStringField("Sid", s.sid());
    }
    Effect effect =
        s.effect()
            .known()
            .orElseThrow(() ->
                new IllegalArgumentException("statement " + s.label() + " has no known Effect"));
    g.writeStringField("Effect", effect == Effect.ALLOW ? "Allow" : "Deny");
    principals(g, "Principal", s.principal());
    principals(g, "NotPrincipal", s.notPrincipal());
    element(g, "Action", s.action());
    element(g, "NotAction", s.notAction());
    element(g, "Resource", s.resource());
    element(g, "NotResource", s.notResource());
    if (!s.conditions().isEmpty()) {
      Map<String, Map<String, List<Value<String>>>> byOperator = new LinkedHashMap<>();
      for (Condition c : s.conditions()) {
        byOperator
            .computeIfAbsent(c.operator(), k -> new LinkedHashMap<>())
            .put(c.key(), c.values());
      }
      g.writeObjectFieldStart("Condition");
      for (Map.Entry<String, Map<String, List<Value<String>>>> op : byOperator.entrySet()) {
        g.writeObjectFieldStart(op.getKey());
        for (Map.Entry<String, List<Value<String>>> key : op.getValue().entrySet()) {
          strings(g, key.getKey(), key.getValue());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void principals(JsonGenerator g, String name, @Nullable Principals p)
      throws IOException {
    if (p == null) {
      return;
    }
    if (p.everyone()) {
      g.writeStringField(name, "*");
      return;
    }
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, List<Value<String>>> e : p.byType().entrySet()) {
      strings(g, e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  private static void element(JsonGenerator g, String name, Element e) throws IOException {
    if (e.present()) {
      strings(g, name, e.values());
    }
  }

  private static void strings(JsonGenerator g, String name, List<Value<String>> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (Value<String> v : values) {
      g.writeString(
          v.known()
              .orElseThrow(() ->
                  new IllegalArgumentException(
                      name + " has a value lambdasec cannot write: " + v.describe())));
    }
    g.writeEndArray();
  }
}
