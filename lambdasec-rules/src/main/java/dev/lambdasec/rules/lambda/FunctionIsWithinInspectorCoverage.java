package dev.lambdasec.rules.lambda;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.AccountRegion;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Value;
import dev.lambdasec.rules.support.LiveFacts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flags deployed functions that Amazon Inspector does not scan although its Lambda scanning is on:
 * functions encrypted with a customer-managed key, functions neither invoked nor updated for 90
 * days, and functions tagged out of scanning. Their vulnerable dependencies stay unreported.
 */
@RuleInfo(
    id = "LAMBDA-021",
    title = "Function is within Amazon Inspector's scanning coverage",
    severity = Severity.LOW,
    controls = {Control.AUDIT, Control.DEPS},
    sources = {SourceKind.AWS})
public final class FunctionIsWithinInspectorCoverage implements Rule {

  /** Inspector scans functions invoked or updated within this many days. */
  static final int ACTIVE_DAYS = 90;

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    Instant cutoff = ctx.today().minusDays(ACTIVE_DAYS).atStartOfDay().toInstant(ZoneOffset.UTC);
    for (LambdaFunction f : ctx.app().functions()) {
      if (!LiveFacts.isLive(ctx.app(), f)) {
        continue;
      }
      Optional<AccountRegion> region = LiveFacts.regionOf(ctx.app(), f);
      if (region.isPresent()
          && region.get().inspectorLambda().known().filter(on -> !on).isPresent()) {
        out.notApplicable(f, "Inspector Lambda scanning is off in this region (ACCOUNT-005)");
        continue;
      }
      List<String> reasons = new ArrayList<>();
      if (f.kmsKey().isPresent()) {
        reasons.add(
            "its environment is encrypted with a customer-managed KMS key, which Inspector does not scan");
      }
      Map<String, Value<String>> tags = f.tags().orElse(Map.of());
      Value<String> exclusion = tags.get("InspectorExclusion");
      if (exclusion != null
          && exclusion.known().filter("LambdaStandardScanning"::equals).isPresent()) {
        reasons.add("it is tagged InspectorExclusion=LambdaStandardScanning");
      }
      boolean stale = f.lastModified().known().filter(m -> m.isBefore(cutoff)).isPresent();
      if (stale && f.lastInvoked().isUnresolved()) {
        out.unknown(
            f,
            f.lastInvoked().origin(),
            "Whether " + f.id() + " was invoked lately is " + f.lastInvoked().describe());
        continue;
      }
      if (stale && f.lastInvoked().known().filter(i -> !i.isBefore(cutoff)).isEmpty()) {
        reasons.add("it was neither updated nor invoked in the last " + ACTIVE_DAYS + " days");
      }
      if (reasons.isEmpty()) {
        out.pass(f, "Amazon Inspector scans " + f.id());
      } else {
        out.fail(
            f,
            f.origin(),
            "Amazon Inspector does not scan " + f.id() + ": " + String.join("; ", reasons));
      }
    }
  }
}
