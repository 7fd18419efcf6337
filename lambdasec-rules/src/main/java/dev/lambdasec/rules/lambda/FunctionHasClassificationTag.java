package dev.lambdasec.rules.lambda;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.Unreadable;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Flags functions that carry none of the tag keys the policy uses to classify assets. */
@RuleInfo(
    id = "LAMBDA-014",
    title = "Function carries an asset classification tag",
    severity = Severity.LOW,
    controls = {Control.ASSET},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class FunctionHasClassificationTag implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    Set<String> keys =
        ctx.settings().classificationTagKeys().stream()
            .map(k -> k.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    for (LambdaFunction f : ctx.app().functions()) {
      if (f.tags().isUnresolved()) {
        out.unknown(f, f.tags().origin(), Unreadable.message("The tags of " + f.id(), f.tags()));
        continue;
      }
      Map<String, ?> tags = f.tags().orElse(Map.of());
      if (tags.keySet().stream().anyMatch(k -> keys.contains(k.toLowerCase(Locale.ROOT)))) {
        out.pass(f, "Function " + f.id() + " is classified by tag");
      } else {
        out.fail(
            f,
            f.tags().origin(),
            "Function "
                + f.id()
                + " has no classification tag (one of "
                + String.join(", ", ctx.settings().classificationTagKeys())
                + "), so it cannot be told essential or supporting");
      }
    }
  }
}
