package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.SourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Flags functions whose execution role is also the role of another function. */
@RuleInfo(
    id = "IAM-004",
    title = "Each function has its own execution role",
    severity = Severity.MEDIUM,
    controls = {Control.LP},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class FunctionHasDedicatedRole implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    Map<String, List<LambdaFunction>> byRole = new LinkedHashMap<>();
    for (LambdaFunction f : ctx.app().functions()) {
      if (f.role().isPresent()) {
        byRole.computeIfAbsent(identity(f.role().get()), k -> new ArrayList<>()).add(f);
      }
    }
    for (LambdaFunction f : ctx.app().functions()) {
      if (f.role().isUnresolved()) {
        out.unknown(
            f, f.role().origin(), "The execution role of " + f.id() + " is " + f.role().describe());
        continue;
      }
      if (!f.role().isPresent()) {
        continue;
      }
      Ref role = f.role().get();
      List<String> others =
          byRole.getOrDefault(identity(role), List.of()).stream()
              .filter(o -> o != f)
              .map(LambdaFunction::id)
              .toList();
      if (others.isEmpty()) {
        out.pass(f, "Function " + f.id() + " is the only function running as " + role.display());
      } else {
        out.fail(
            f,
            f.role().origin(),
            "Function "
                + f.id()
                + " shares execution role "
                + role.display()
                + " with "
                + String.join(", ", others)
                + "; the role must hold the union of what they all need");
      }
    }
  }

  private static String identity(Ref ref) {
    return ref.key() != null ? String.valueOf(ref.key()) : "literal:" + ref.literal();
  }
}
