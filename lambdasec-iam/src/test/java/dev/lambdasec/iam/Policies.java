package dev.lambdasec.iam;

import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.PolicyJson;
import dev.lambdasec.iam.policy.PolicyJsonException;
import dev.lambdasec.iam.policy.PolicyParser;
import dev.lambdasec.model.PolicyDocument;
import java.io.UncheckedIOException;
import java.util.List;

/** Test helper: policies from JSON text. */
final class Policies {
  private Policies() {}

  static PolicyDocument document(String name, String json) {
    try {
      return PolicyJson.document(name, json, name + ".json");
    } catch (PolicyJsonException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Policy parse(String json) {
    return PolicyParser.parse(document("test", json));
  }

  /** The statements of an inline policy of {@code name}, as grants. */
  static List<Grant> grants(String name, String json) {
    Policy p = PolicyParser.parse(document(name, json));
    AttachedPolicy a = new AttachedPolicy(AttachedPolicy.Kind.INLINE, name, p, null, p.origin());
    return p.statements().stream().map(s -> new Grant(a, s)).toList();
  }
}
