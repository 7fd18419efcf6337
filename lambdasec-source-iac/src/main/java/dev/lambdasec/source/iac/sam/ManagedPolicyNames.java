package dev.lambdasec.source.iac.sam;

import dev.lambdasec.model.Node;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.HashMap;
import java.util.Map;

/**
 * ARNs of AWS managed policies by name, as SAM resolves a policy name in {@code Policies}: the
 * bundled map first (some live under {@code service-role/} or {@code job-function/}), then an ARN
 * as given, else {@code arn:aws:iam::aws:policy/<name>}.
 */
final class ManagedPolicyNames {

  private static final Map<String, String> ARNS = load();

  private ManagedPolicyNames() {}

  private static Map<String, String> load() {
    Map<String, String> arns = new HashMap<>();
    for (Node.Entry e : BundledData.read("aws_managed_policies.json").entries()) {
      Nodes.text(e.value()).ifPresent(arn -> arns.put(e.key(), arn));
    }
    return Map.copyOf(arns);
  }

  static String arn(String nameOrArn) {
    String known = ARNS.get(nameOrArn);
    if (known != null) {
      return known;
    }
    // SAM keeps an unknown name as written, which CloudFormation then rejects; the AWS managed
    // policy path is the closest reading of what the author meant.
    return nameOrArn.startsWith("arn:") ? nameOrArn : "arn:aws:iam::aws:policy/" + nameOrArn;
  }

  /** An AWS managed policy under its path, for the policies SAM adds itself. */
  static String aws(String path) {
    return "arn:aws:iam::aws:policy/" + path;
  }
}
