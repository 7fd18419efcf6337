package dev.lambdasec.rules.apigw;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Status;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.engine.api.Verdict;
import dev.lambdasec.model.Api;
import dev.lambdasec.model.ApiRoute;
import dev.lambdasec.model.SourceKind;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Flags REST methods and HTTP/WebSocket routes that callers reach without any authorization (IAM,
 * Lambda authorizer, Cognito or JWT). CORS preflight (OPTIONS) is exempt; an API key alone is not
 * authorization.
 */
@RuleInfo(
    id = "APIGW-001",
    title = "API route requires authorization",
    severity = Severity.HIGH,
    controls = {Control.AUTH},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class ApiRouteRequiresAuthorization implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (ApiRoute route : ctx.app().apiRoutes()) {
      String method = route.method().orElse("").toUpperCase(Locale.ROOT);
      if (method.equals("OPTIONS")) {
        out.notApplicable(route, "CORS preflight requests carry no credentials");
        continue;
      }
      Optional<Api> api = ctx.app().resolve(route.api(), Api.class);
      if (api.isPresent() && api.get().kind() == Api.Kind.WEBSOCKET && !method.equals("$CONNECT")) {
        out.notApplicable(route, "WebSocket APIs authorize on $connect only");
        continue;
      }
      if (route.authorizationType().isUnresolved()) {
        out.unknown(
            route,
            route.authorizationType().origin(),
            "The authorization of " + route.id() + " is " + route.authorizationType().describe());
        continue;
      }
      String type = route.authorizationType().orElse("NONE");
      if (!type.equalsIgnoreCase("NONE")) {
        out.pass(
            route,
            "Route "
                + route.label()
                + " of "
                + apiName(route)
                + " requires "
                + type
                + " authorization");
      } else {
        boolean apiKey = route.apiKeyRequired().orElse(false);
        String message =
            "Route "
                + route.label()
                + " of "
                + apiName(route)
                + " has no authorizer"
                + (apiKey
                    ? "; it requires an API key, which identifies callers for usage plans but does"
                        + " not authorize them"
                    : "; anyone can invoke "
                        + route.integration().known().map(r -> r.display()).orElse("its backend"));
        Verdict verdict =
            new Verdict(
                Status.FAIL,
                Subject.of(route),
                route.authorizationType().origin(),
                message,
                null,
                Map.of());
        // An API key at least keeps anonymous callers out: graded one step lower.
        out.add(apiKey ? verdict.withSeverity(Severity.MEDIUM) : verdict);
      }
    }
  }

  private static String apiName(ApiRoute route) {
    return route.api().known().map(r -> r.display()).orElse("its API");
  }
}
