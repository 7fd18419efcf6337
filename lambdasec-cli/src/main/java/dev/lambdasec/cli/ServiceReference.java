package dev.lambdasec.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Converts the AWS Service Authorization Reference in its machine-readable form (the service list
 * at {@code https://servicereference.us-east-1.amazonaws.com/} and one {@code
 * v1/<service>/<service>.json} per service) into lambdasec's {@code iam-catalog/v1} format.
 *
 * <p>The access level of an action is derived from its annotation booleans, which are not
 * exclusive, with a fixed precedence: {@code IsPermissionManagement} → "Permissions management",
 * else {@code IsTaggingOnly} → "Tagging", else {@code IsWrite} → "Write", else {@code IsList} →
 * "List", else "Read".
 */
final class ServiceReference {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ServiceReference() {}

  /** The service names of the service list ({@code [{"service": "s3", "url": …}]}). */
  static List<String> services(byte[] list) throws IOException {
    JsonNode root = JSON.readTree(list);
    if (root == null || !root.isArray()) {
      throw new IOException("the service list is not a JSON array");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode s : root) {
      String name = s.path("service").asText("");
      if (!name.matches("[a-z0-9-]+")) {
        throw new IOException("the service list names an unexpected service '" + name + "'");
      }
      out.add(name);
    }
    return out;
  }

  /** The access level string of an action, from its annotation booleans. */
  static String access(JsonNode action) {
    JsonNode p = action.path("Annotations").path("Properties");
    if (p.path("IsPermissionManagement").asBoolean(false)) {
      return "Permissions management";
    }
    if (p.path("IsTaggingOnly").asBoolean(false)) {
      return "Tagging";
    }
    if (p.path("IsWrite").asBoolean(false)) {
      return "Write";
    }
    if (p.path("IsList").asBoolean(false)) {
      return "List";
    }
    return "Read";
  }

  /**
   * The gzipped {@code iam-catalog/v1} document of the per-service files.
   *
   * @param fetchedFrom the base URL, recorded as provenance
   * @param generatedAt the time of the refresh, ISO 8601
   */
  static byte[] catalog(List<byte[]> serviceFiles, String fetchedFrom, String generatedAt)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int actionCount = 0;
    try (OutputStream gz = new GZIPOutputStream(bytes);
        JsonGenerator g = new JsonFactory().createGenerator(gz)) {
      g.writeStartObject();
      g.writeStringField("schema", "iam-catalog/v1");
      g.writeObjectFieldStart("source");
      g.writeStringField(
          "derivedFrom", "AWS Service Authorization Reference (service reference JSON)");
      g.writeStringField("fetchedFrom", fetchedFrom);
      g.writeStringField("generatedAt", generatedAt);
      g.writeEndObject();
      g.writeNumberField("serviceCount", serviceFiles.size());
      g.writeObjectFieldStart("services");
      for (byte[] file : serviceFiles) {
        actionCount += service(g, JSON.readTree(file));
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    if (actionCount == 0) {
      throw new IOException("the service files hold no actions");
    }
    return bytes.toByteArray();
  }

  private static int service(JsonGenerator g, JsonNode svc) throws IOException {
    String prefix = svc.path("Name").asText("").toLowerCase(Locale.ROOT);
    if (prefix.isEmpty() || !svc.path("Actions").isArray()) {
      throw new IOException("a service file has no Name or no Actions");
    }
    g.writeObjectFieldStart(prefix);
    g.writeArrayFieldStart("names");
    g.writeString(svc.path("Name").asText());
    g.writeEndArray();
    g.writeObjectFieldStart("actions");
    int count = 0;
    for (JsonNode a : svc.path("Actions")) {
      String name = a.path("Name").asText("");
      if (name.isEmpty()) {
        continue;
      }
      count++;
      g.writeObjectFieldStart(name);
      g.writeStringField("access", access(a));
      g.writeArrayFieldStart("resources");
      for (JsonNode r : a.path("Resources")) {
        g.writeStartObject();
        g.writeStringField("type", r.path("Name").asText(""));
        g.writeEndObject();
      }
      g.writeEndArray();
      strings(g, "conditionKeys", a.path("ActionConditionKeys"));
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeObjectFieldStart("resources");
    for (JsonNode r : svc.path("Resources")) {
      g.writeObjectFieldStart(r.path("Name").asText(""));
      JsonNode formats = r.path("ARNFormats");
      if (formats.isArray() && !formats.isEmpty()) {
        g.writeStringField("arn", formats.get(0).asText());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeObjectFieldStart("conditions");
    for (JsonNode c : svc.path("ConditionKeys")) {
      g.writeObjectFieldStart(c.path("Name").asText(""));
      JsonNode types = c.path("Types");
      if (types.isArray() && !types.isEmpty()) {
        g.writeStringField("type", types.get(0).asText());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
    return count;
  }

  private static void strings(JsonGenerator g, String field, JsonNode array) throws IOException {
    g.writeArrayFieldStart(field);
    for (JsonNode v : array) {
      g.writeString(v.asText());
    }
    g.writeEndArray();
  }
}
