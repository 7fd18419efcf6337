package dev.lambdasec.rules.support;

import dev.lambdasec.engine.api.Results;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.Value;
import java.util.List;
import java.util.Optional;

/** Verdict logic shared by the CORS rules of function URLs and HTTP APIs. */
public final class CorsVerdicts {

  private CorsVerdicts() {}

  /** FAIL when an allowed origin is {@code *}, UNKNOWN when one cannot be read, else PASS. */
  public static void corsOrigins(
      Results out, Resource subject, String what, Value<List<Value<String>>> origins) {
    if (origins.isUnresolved()) {
      out.unknown(subject, origins.origin(), "The allowed origins of " + what + " cannot be read");
      return;
    }
    List<Value<String>> list = origins.orElse(List.of());
    Optional<Value<String>> wildcard =
        list.stream().filter(v -> v.known().filter("*"::equals).isPresent()).findFirst();
    if (wildcard.isPresent()) {
      out.fail(
          subject,
          wildcard.get().origin(),
          what
              + " allows CORS requests from every origin (*): any web page can call it from a"
              + " visitor's browser");
    } else if (list.stream().anyMatch(Value::isUnresolved)) {
      out.unknown(subject, origins.origin(), "Some allowed origins of " + what + " cannot be read");
    } else {
      out.pass(subject, what + " allows CORS requests only from named origins");
    }
  }
}
