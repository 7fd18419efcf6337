package dev.lambdasec.iam;

import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.risk.RiskCatalog;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.Meta;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helper: small applications with roles whose policies are JSON text. */
final class TestApps {
  private TestApps() {}

  static Role role(String id, List<String> managedArns, String... inlineJson) {
    return roleWithBoundary(id, managedArns, null, inlineJson);
  }

  static Role roleWithBoundary(
      String id,
      List<String> managedArns,
      @org.jspecify.annotations.Nullable String boundaryArn,
      String... inlineJson) {
    Origin o = Origin.ofResource(id);
    List<PolicyDocument> inline = new ArrayList<>();
    for (int i = 0; i < inlineJson.length; i++) {
      inline.add(Policies.document(id + "-p" + i, inlineJson[i]));
    }
    return new Role(
        Meta.of("t.yaml", id, "AWS::IAM::Role", o),
        Value.absent(o),
        Value.absent(o),
        Value.absent(o),
        inline,
        managedArns.stream().map(a -> Value.set(Ref.literal(a), o)).toList(),
        boundaryArn == null ? Value.absent(o) : Value.set(Ref.literal(boundaryArn), o),
        Value.set(Map.of(), o));
  }

  static Iam iam(Role... roles) {
    Application.Builder b = Application.builder();
    for (Role r : roles) {
      b.add(r);
    }
    return Iam.of(
        b.build(), ActionCatalog.bundled(), AwsManagedPolicies.bundled(), RiskCatalog.bundled());
  }

  static EffectivePermissions permissions(Role role) {
    Iam iam = iam(role);
    return iam.permissions(iam.principalPolicies(role));
  }

  static String allow(String action, String resource) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
        + action
        + ",\"Resource\":"
        + resource
        + "}]}";
  }
}
