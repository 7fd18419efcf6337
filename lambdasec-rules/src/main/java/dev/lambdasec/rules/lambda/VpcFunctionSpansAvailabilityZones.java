package dev.lambdasec.rules.lambda;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Subnet;
import dev.lambdasec.model.Value;
import dev.lambdasec.model.VpcConfig;
import dev.lambdasec.rules.support.Unreadable;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Flags VPC functions whose subnets sit in fewer availability zones than the policy requires. */
@RuleInfo(
    id = "LAMBDA-010",
    title = "VPC function spans at least two availability zones",
    severity = Severity.MEDIUM,
    controls = {Control.NET},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class VpcFunctionSpansAvailabilityZones implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    int minimum = ctx.settings().minimumAvailabilityZones();
    for (LambdaFunction f : ctx.app().functions()) {
      if (f.vpc().isUnresolved()) {
        out.unknown(
            f, f.vpc().origin(), Unreadable.message("The VPC config of " + f.id(), f.vpc()));
        continue;
      }
      if (!f.vpc().isPresent() || !f.vpc().get().attached()) {
        continue;
      }
      VpcConfig vpc = f.vpc().get();
      Set<String> zones = new TreeSet<>();
      int unknown = 0;
      for (Value<Ref> subnet : vpc.subnets()) {
        Optional<String> zone =
            ctx.app().resolve(subnet, Subnet.class).flatMap(s -> s.availabilityZone().known());
        if (zone.isPresent()) {
          zones.add(zone.get());
        } else {
          unknown++;
        }
      }
      Value<Ref> first = vpc.subnets().get(0);
      if (zones.size() >= minimum) {
        out.pass(
            f, "Function " + f.id() + " has subnets in " + zones.size() + " availability zones");
      } else if (zones.size() + unknown < minimum) {
        out.fail(
            f,
            first.origin(),
            "Function "
                + f.id()
                + " runs in "
                + vpc.subnets().size()
                + " subnet(s) covering "
                + Math.max(zones.size(), vpc.subnets().size() - unknown)
                + " availability zone(s); an outage of one zone stops it (at least "
                + minimum
                + " wanted)");
      } else {
        out.unknown(
            f,
            first.origin(),
            "The availability zones of some subnets of "
                + f.id()
                + " are not in the scanned sources");
      }
    }
  }
}
