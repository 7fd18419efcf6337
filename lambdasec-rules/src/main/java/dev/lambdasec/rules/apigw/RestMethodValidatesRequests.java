package dev.lambdasec.rules.apigw;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.Api;
import dev.lambdasec.model.ApiRoute;
import dev.lambdasec.model.RequestValidator;
import dev.lambdasec.model.SourceKind;
import java.util.Locale;
import java.util.Optional;

/**
 * Flags methods of internet-facing REST APIs that pass requests to the backend without a request
 * validator checking parameters or body.
 */
@RuleInfo(
    id = "APIGW-002",
    title = "Public REST method validates requests",
    severity = Severity.MEDIUM,
    controls = {Control.INPUT},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class RestMethodValidatesRequests implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (ApiRoute route : ctx.app().apiRoutes()) {
      Optional<Api> api = ctx.app().resolve(route.api(), Api.class);
      if (api.isEmpty() || api.get().kind() != Api.Kind.REST) {
        continue;
      }
      if (route.method().orElse("").toUpperCase(Locale.ROOT).equals("OPTIONS")) {
        continue;
      }
      if ("PRIVATE".equals(api.get().endpointType().orElse(""))) {
        out.notApplicable(route, "The API is private to VPC endpoints");
        continue;
      }
      if (route.requestValidator().isUnresolved()) {
        out.unknown(
            route,
            route.requestValidator().origin(),
            "The request validator of " + route.id() + " cannot be read");
        continue;
      }
      Optional<RequestValidator> validator =
          ctx.app().resolve(route.requestValidator(), RequestValidator.class);
      if (validator.isEmpty() && route.requestValidator().isPresent()) {
        out.unknown(
            route,
            route.requestValidator().origin(),
            "The request validator of " + route.id() + " is not in the scanned sources");
      } else if (validator.isPresent()
          && (validator.get().validateBody().orElse(false)
              || validator.get().validateParameters().orElse(false))) {
        out.pass(
            route,
            "Route " + route.label() + " is checked by request validator " + validator.get().id());
      } else if (validator.isPresent()
          && (validator.get().validateBody().isUnresolved()
              || validator.get().validateParameters().isUnresolved())) {
        out.unknown(
            route,
            validator.get().origin(),
            "The settings of request validator " + validator.get().id() + " cannot be read");
      } else {
        out.fail(
            route,
            route.origin(),
            "Route "
                + route.label()
                + " of internet-facing REST API "
                + api.get().id()
                + " passes requests to "
                + route.integration().known().map(r -> r.display()).orElse("its backend")
                + " without a request validator");
      }
    }
  }
}
