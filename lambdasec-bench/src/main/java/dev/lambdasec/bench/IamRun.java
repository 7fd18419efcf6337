package dev.lambdasec.bench;

import dev.lambdasec.iam.AwsManagedPolicies;
import dev.lambdasec.iam.EffectivePermissions;
import dev.lambdasec.iam.Iam;
import dev.lambdasec.iam.PolicySet;
import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.risk.Escalations;
import dev.lambdasec.iam.risk.RiskCatalog;
import dev.lambdasec.iam.risk.RiskyActions;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.Meta;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.IacOptions;
import dev.lambdasec.source.iac.IacReader;
import dev.lambdasec.source.iac.UnreadableInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The IAM engine's throughput on real policies: every principal (role, user, group) and customer
 * managed policy of every template in a corpus, then every AWS managed policy on its own. For each
 * policy set it computes the effective permissions, the privilege-escalation methods, and the risky
 * actions of the four kinds on every resource, as the IAM rules do. Template reading is not timed.
 */
public final class IamRun {

  /**
   * One measured pass.
   *
   * @param sets policy sets analysed (one per principal or policy)
   * @param policies policy documents in them (inline, customer and AWS managed, boundaries)
   * @param escalations principals with at least one escalation method
   */
  public record Pass(String what, int sets, int policies, int escalations, long nanos) {
    double policiesPerSecond() {
      return policies / (nanos / 1e9);
    }
  }

  private final ActionCatalog catalog = ActionCatalog.bundled();
  private final AwsManagedPolicies managed = AwsManagedPolicies.bundled();
  private final RiskCatalog risks = RiskCatalog.bundled();

  /** Reads every CloudFormation/SAM template of the corpus (not timed). */
  public List<Application> read(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    IacReader reader = new IacReader(IacOptions.defaults());
    List<Application> out = new ArrayList<>();
    for (Path f : files) {
      try {
        Application app = reader.read(List.of(f.toString())).application();
        if (!app.roles().isEmpty() || !app.managedPolicies().isEmpty()) {
          out.add(app);
        }
      } catch (UnreadableInputException | RuntimeException e) {
        // not a template lambdasec reads; the robustness run counts these
      }
    }
    return out;
  }

  /** Analyses every principal and customer managed policy of the applications. */
  public Pass corpus(List<Application> apps) {
    long start = System.nanoTime();
    int sets = 0;
    int policies = 0;
    int escalating = 0;
    for (Application app : apps) {
      Iam iam = Iam.of(app, catalog, managed, risks);
      List<Resource> holders = new ArrayList<>();
      iam.principals().forEach(holders::add);
      holders.addAll(app.managedPolicies());
      for (Resource holder : holders) {
        PolicySet set = iam.principalPolicies(holder);
        sets++;
        policies += set.identity().size() + (set.boundary() != null ? 1 : 0);
        escalating += analyse(iam, set) ? 1 : 0;
      }
    }
    return new Pass("corpus principals", sets, policies, escalating, System.nanoTime() - start);
  }

  /** Analyses every AWS managed policy on its own. */
  public Pass awsManaged() {
    List<ManagedPolicy> all = new ArrayList<>();
    Application.Builder b = Application.builder();
    for (String arn : managed.arns()) {
      AwsManagedPolicies.Entry e = managed.find(arn).orElseThrow();
      Origin o = Origin.ofResource(arn);
      ManagedPolicy mp =
          new ManagedPolicy(
              Meta.of("aws", e.name(), "AWS::IAM::ManagedPolicy", o),
              Value.set(e.name(), o),
              Value.set(arn, o),
              e.document());
      all.add(mp);
      b.add(mp);
    }
    Application app = b.build();
    long start = System.nanoTime();
    Iam iam = Iam.of(app, catalog, managed, risks);
    int escalating = 0;
    for (ManagedPolicy mp : all) {
      escalating += analyse(iam, iam.principalPolicies(mp)) ? 1 : 0;
    }
    return new Pass(
        "AWS managed policies", all.size(), all.size(), escalating, System.nanoTime() - start);
  }

  private boolean analyse(Iam iam, PolicySet set) {
    EffectivePermissions p = iam.permissions(set);
    p.onEveryResource(false);
    for (RiskyActions.Kind kind : RiskyActions.Kind.values()) {
      iam.riskyActions().unscoped(p, kind);
    }
    return !Escalations.of(p, risks, Set.of()).isEmpty();
  }
}
