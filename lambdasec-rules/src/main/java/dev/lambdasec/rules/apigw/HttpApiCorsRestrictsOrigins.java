package dev.lambdasec.rules.apigw;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.Api;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.CorsVerdicts;

/** Flags HTTP APIs whose CORS configuration lets every web origin call them from a browser. */
@RuleInfo(
    id = "APIGW-003",
    title = "HTTP API CORS does not allow every origin",
    severity = Severity.MEDIUM,
    controls = {Control.AUTH},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class HttpApiCorsRestrictsOrigins implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Api api : ctx.app().apis()) {
      if (api.kind() != Api.Kind.HTTP) {
        continue;
      }
      if (api.cors().isUnresolved()) {
        out.unknown(
            api, api.cors().origin(), "The CORS settings of " + api.id() + " cannot be read");
      } else if (api.cors().isPresent()) {
        CorsVerdicts.corsOrigins(out, api, "HTTP API " + api.id(), api.cors().get().allowOrigins());
      }
    }
  }
}
