package dev.lambdasec.rules.support;

import dev.lambdasec.engine.api.Results;
import dev.lambdasec.model.AccountRegion;
import dev.lambdasec.model.Value;

/** The verdict on an account service that is on or off in a region. */
public final class ServiceVerdicts {

  private ServiceVerdicts() {}

  /**
   * PASS when {@code state} is known to be on, FAIL when known to be off, UNKNOWN (with the reason:
   * a missing permission, an operation the endpoint lacks) otherwise.
   *
   * @param service the service as users name it, such as "Security Hub"
   * @param consequence what goes missing when it is off
   */
  public static void judge(
      Results out, AccountRegion region, Value<Boolean> state, String service, String consequence) {
    String where = LiveFacts.where(region);
    if (state.isUnresolved()) {
      out.unknown(
          region,
          state.origin(),
          "Whether " + service + " is on in " + where + " is " + state.describe());
    } else if (state.orElse(false)) {
      out.pass(region, service + " is on in " + where);
    } else {
      out.fail(region, state.origin(), service + " is off in " + where + ": " + consequence);
    }
  }
}
