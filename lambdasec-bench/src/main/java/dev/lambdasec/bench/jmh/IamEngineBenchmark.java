package dev.lambdasec.bench.jmh;

import dev.lambdasec.iam.AwsManagedPolicies;
import dev.lambdasec.iam.EffectivePermissions;
import dev.lambdasec.iam.Iam;
import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.risk.Escalations;
import dev.lambdasec.iam.risk.RiskCatalog;
import dev.lambdasec.iam.risk.RiskyActions;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.Meta;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Value;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The IAM engine's hot path for one policy set, as the IAM rules run it: parse, expand every
 * statement against the catalog, effective permissions, privilege-escalation methods, risky actions
 * of the four kinds. A fresh {@link Iam} per call, so nothing is cached across calls except the
 * catalog's pattern expansions (as within one scan). The policies range from a typical execution
 * role's to the broadest AWS managed ones.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IamEngineBenchmark {

  @Param({
    "service-role/AWSLambdaBasicExecutionRole",
    "AWSLambda_FullAccess",
    "PowerUserAccess",
    "AdministratorAccess"
  })
  public String policy = "AdministratorAccess";

  final ActionCatalog catalog = ActionCatalog.bundled();
  final AwsManagedPolicies managed = AwsManagedPolicies.bundled();
  final RiskCatalog risks = RiskCatalog.bundled();
  ManagedPolicy holder = holder(managed, policy);
  Application app = Application.builder().add(holder).build();

  @Setup
  public void setUp() {
    holder = holder(managed, policy);
    app = Application.builder().add(holder).build();
  }

  /** The AWS managed policy as a policy resource of its own. */
  static ManagedPolicy holder(AwsManagedPolicies managed, String name) {
    String arn = "arn:aws:iam::aws:policy/" + name;
    AwsManagedPolicies.Entry e = managed.find(arn).orElseThrow();
    Origin o = Origin.ofResource(arn);
    return new ManagedPolicy(
        Meta.of("aws", e.name(), "AWS::IAM::ManagedPolicy", o),
        Value.set(e.name(), o),
        Value.set(arn, o),
        e.document());
  }

  @Benchmark
  public int analyseOnePolicySet() {
    Iam iam = Iam.of(app, catalog, managed, risks);
    EffectivePermissions p = iam.permissions(iam.principalPolicies(holder));
    int found = p.onEveryResource(false).size();
    for (RiskyActions.Kind kind : RiskyActions.Kind.values()) {
      found += iam.riskyActions().unscoped(p, kind).size();
    }
    return found + Escalations.of(p, risks, Set.of()).size();
  }
}
