package dev.lambdasec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts iam-dataset's AWS managed policies (the index {@code managed_policies.json} and one
 * {@code managedpolicies/<Name>.json} per policy) into lambdasec's layout: {@code index.csv} (arn,
 * name, deprecated) and one file per policy holding only the policy document ({@code
 * effective_actions} and the other analysis fields are dropped).
 */
final class ManagedPolicySet {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A policy of the index. */
  record Indexed(String name, String arn, boolean deprecated) {}

  private ManagedPolicySet() {}

  static List<Indexed> index(byte[] indexJson) throws IOException {
    JsonNode root = JSON.readTree(indexJson);
    JsonNode policies = root == null ? null : root.get("policies");
    if (policies == null || !policies.isArray()) {
      throw new IOException("the managed policy index has no policies list");
    }
    List<Indexed> out = new ArrayList<>();
    for (JsonNode p : policies) {
      String name = p.path("name").asText("");
      if (!name.matches("[A-Za-z0-9+=,.@_-]+")) {
        throw new IOException("the managed policy index names an unexpected policy '" + name + "'");
      }
      String arn =
          p.path("arn").isTextual() ? p.get("arn").asText() : "arn:aws:iam::aws:policy/" + name;
      out.add(new Indexed(name, arn, p.path("deprecated").asBoolean(false)));
    }
    return out;
  }

  /** The policy document of a per-policy file, as compact JSON. */
  static byte[] document(byte[] policyJson, String name) throws IOException {
    JsonNode root = JSON.readTree(policyJson);
    JsonNode document = root == null ? null : root.get("document");
    if (document == null || !document.isObject()) {
      throw new IOException("the file of managed policy " + name + " has no document");
    }
    return JSON.writeValueAsBytes(document);
  }

  static String indexCsv(List<Indexed> policies) {
    StringBuilder b = new StringBuilder("arn,name,deprecated\n");
    for (Indexed p : policies) {
      b.append(p.arn())
          .append(',')
          .append(p.name())
          .append(',')
          .append(p.deprecated())
          .append('\n');
    }
    return b.toString();
  }
}
