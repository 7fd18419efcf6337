package dev.lambdasec.rules.lambda;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.FunctionUrl;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Value;
import dev.lambdasec.rules.support.CorsVerdicts;
import dev.lambdasec.rules.support.Unreadable;
import java.util.List;

/** Flags function URLs whose CORS configuration lets every web origin call them from a browser. */
@RuleInfo(
    id = "LAMBDA-002",
    title = "Function URL CORS does not allow every origin",
    severity = Severity.MEDIUM,
    controls = {Control.AUTH},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class FunctionUrlCorsRestrictsOrigins implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (FunctionUrl url : ctx.app().functionUrls()) {
      if (url.cors().isUnresolved()) {
        out.unknown(
            url,
            url.cors().origin(),
            Unreadable.message("The CORS settings of " + url.id(), url.cors()));
        continue;
      }
      if (!url.cors().isPresent()) {
        continue;
      }
      Value<List<Value<String>>> origins = url.cors().get().allowOrigins();
      CorsVerdicts.corsOrigins(out, url, "Function URL " + url.id(), origins);
    }
  }
}
