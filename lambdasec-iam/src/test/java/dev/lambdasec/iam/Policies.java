package dev.lambdasec.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.PolicyParser;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.PolicyDocument;
import java.io.UncheckedIOException;

/** Test helper: policies from JSON text. */
final class Policies {
  private Policies() {}

  static PolicyDocument document(String name, String json) {
    try {
      return new PolicyDocument(
          name, JsonTrees.toNode(new ObjectMapper().readTree(json), Origin.ofResource(name)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Policy parse(String json) {
    return PolicyParser.parse(document("test", json));
  }
}
