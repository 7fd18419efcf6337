package dev.lambdasec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdasec.iam.data.Csv;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts cfn-lint's {@code LmbdRuntimeLifecycle.json} ({@code {runtime: {deprecated,
 * create-block, update-block, successor}}}) into lambdasec's runtime table. Language, operating
 * system and notes, which the file does not have, are kept from the current table; runtimes only
 * the current table knows (container-only ones) are kept; a missing date reads "not scheduled".
 */
final class RuntimeLifecycles {

  static final String HEADER =
      "runtime_id,language,operating_system,deprecation_date,block_function_create_date,"
          + "block_function_update_date,successor,source,notes";

  private RuntimeLifecycles() {}

  static String csv(byte[] lifecycleJson, String currentCsv, String source) throws IOException {
    JsonNode root = new ObjectMapper().readTree(lifecycleJson);
    if (root == null || !root.isObject() || root.isEmpty()) {
      throw new IOException("the runtime lifecycle file is not a non-empty JSON object");
    }
    Map<String, List<String>> current = new LinkedHashMap<>();
    List<List<String>> rows = Csv.parse(currentCsv);
    for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
      if (row.size() >= 9 && !row.get(0).isBlank()) {
        current.put(row.get(0).trim(), row);
      }
    }
    Map<String, List<String>> out = new LinkedHashMap<>(current);
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String id = e.getKey();
      JsonNode r = e.getValue();
      if (!r.isObject() || !id.matches("[a-z0-9.\\-]+")) {
        throw new IOException("unexpected runtime entry '" + id + "'");
      }
      List<String> known = current.get(id);
      List<String> row = new ArrayList<>();
      row.add(id);
      row.add(known != null ? known.get(1) : language(id));
      row.add(known != null ? known.get(2) : "");
      row.add(date(r.get("deprecated")));
      row.add(date(r.get("create-block")));
      row.add(date(r.get("update-block")));
      row.add(r.path("successor").isTextual() ? r.get("successor").asText() : "");
      row.add(source);
      row.add(known != null ? known.get(8) : "");
      out.put(id, row);
    }
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (List<String> row : out.values()) {
      b.append(String.join(",", row.stream().map(RuntimeLifecycles::field).toList())).append('\n');
    }
    return b.toString();
  }

  private static String date(JsonNode node) throws IOException {
    if (node == null || node.isNull()) {
      return "not scheduled";
    }
    String text = node.asText();
    if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw new IOException("unexpected date '" + text + "' in the runtime lifecycle file");
    }
    return text;
  }

  private static String language(String id) {
    if (id.startsWith("nodejs")) {
      return "Node.js";
    }
    if (id.startsWith("python")) {
      return "Python";
    }
    if (id.startsWith("java")) {
      return "Java";
    }
    if (id.startsWith("dotnet")) {
      return ".NET";
    }
    if (id.startsWith("ruby")) {
      return "Ruby";
    }
    if (id.startsWith("go")) {
      return "Go";
    }
    return id.startsWith("provided") ? "OS-only (custom runtime)" : "";
  }

  private static String field(String value) {
    return value.contains(",") || value.contains("\"") || value.contains("\n")
        ? "\"" + value.replace("\"", "\"\"") + "\""
        : value;
  }
}
