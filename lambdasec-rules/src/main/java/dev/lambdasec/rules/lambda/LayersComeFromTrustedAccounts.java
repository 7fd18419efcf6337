package dev.lambdasec.rules.lambda;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.Arn;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags functions that load layers published by another AWS account that the policy does not trust:
 * a layer's code runs inside the function with its role.
 */
@RuleInfo(
    id = "LAMBDA-009",
    title = "Layers come from the application's own or trusted accounts",
    severity = Severity.MEDIUM,
    controls = {Control.DEPS},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class LayersComeFromTrustedAccounts implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (LambdaFunction f : ctx.app().functions()) {
      if (f.layers().isEmpty()) {
        continue;
      }
      // a deployed function names its own account in its ARN: its layers are the application's
      String own = f.arn().known().flatMap(Arn::parse).map(Arn::account).orElse("");
      List<String> foreign = new ArrayList<>();
      boolean unknown = false;
      for (Value<Ref> layer : f.layers()) {
        if (layer.isUnresolved()) {
          unknown = true;
          continue;
        }
        Ref ref = layer.get();
        String arn = ref.literal();
        if (ref.key() != null || arn == null) {
          continue;
        }
        Optional<Arn> parsed = Arn.parse(arn);
        if (parsed.isEmpty()) {
          unknown = true;
          continue;
        }
        String account = parsed.get().account();
        if (!Arn.isPlaceholder(account)
            && !account.equals(own)
            && !ctx.settings().trustedAccounts().contains(account)) {
          foreign.add(arn + " (account " + account + ")");
        }
      }
      if (!foreign.isEmpty()) {
        out.fail(
            f,
            f.layers().get(0).origin(),
            "Function "
                + f.id()
                + " uses layers from untrusted accounts: "
                + String.join(", ", foreign));
      } else if (unknown) {
        out.unknown(
            f, f.layers().get(0).origin(), "Some layers of " + f.id() + " cannot be resolved");
      } else {
        out.pass(
            f,
            "Every layer of " + f.id() + " comes from the application's own or a trusted account");
      }
    }
  }
}
