package dev.lambdasec.source.aws.map;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.InputError;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.SourceUnit;
import dev.lambdasec.secrets.SecretDetector;
import dev.lambdasec.source.aws.snapshot.Snapshot;
import dev.lambdasec.source.aws.snapshot.SupportFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a snapshot into the model. Every resource's id is its ARN (or, for an account in a region,
 * {@code <account>/<region>}), and every value's origin names that ARN with the API field it came
 * from, so findings point at live resources the way they point at template lines.
 */
public final class SnapshotMapper {

  private final SecretDetector secrets;

  public SnapshotMapper(SecretDetector secrets) {
    this.secrets = secrets;
  }

  public LiveSource map(Snapshot snapshot) {
    Application.Builder app = Application.builder();
    Gaps gaps = new Gaps(snapshot.gaps());
    for (Snapshot.Account account : snapshot.accounts()) {
      String id = account.accountId();
      app.source(new SourceUnit(Scopes.account(id), SourceKind.AWS));
      Map<String, String> executionRoles = new LinkedHashMap<>();
      account
          .regions()
          .forEach(r ->
              r.functions()
                  .forEach(f -> {
                    if (f.role() != null) {
                      executionRoles.putIfAbsent(f.role(), f.arn());
                    }
                  }));
      new IamMapper(id, app).map(account.iam(), executionRoles);
      Map<SupportFacts.Trail, ResourceKey> trails = new LinkedHashMap<>();
      List<Runnable> accountRegions = new ArrayList<>();
      for (Snapshot.Region region : account.regions()) {
        app.source(new SourceUnit(Scopes.region(id, region.region()), SourceKind.AWS));
        RegionContext ctx = new RegionContext(id, region.region(), gaps, app);
        SupportMapper support = region(ctx, region);
        region.trails().forEach(t -> trails.put(t, support.trail(t)));
        accountRegions.add(() -> support.accountRegion(region.services(), trails));
      }
      accountRegions.forEach(Runnable::run);
    }
    List<InputError> errors = new ArrayList<>(gaps.summary());
    return new LiveSource(app.build(), errors);
  }

  private SupportMapper region(RegionContext ctx, Snapshot.Region r) {
    SupportMapper support = new SupportMapper(ctx);
    support.register(r);
    r.kmsKeys().forEach(support::kmsKey);
    r.subnets().forEach(support::subnet);
    r.securityGroups().forEach(support::securityGroup);
    r.codeSigningConfigs().forEach(support::codeSigningConfig);
    r.logGroups().forEach(support::logGroup);
    r.layers().forEach(support::layer);
    FunctionMapper functions = new FunctionMapper(ctx, secrets);
    r.functions().forEach(functions::map);
    r.eventSourceMappings().forEach(support::eventSourceMapping);
    ApiMapper apis = new ApiMapper(ctx);
    r.apis().forEach(apis::map);
    r.alarms().forEach(support::alarm);
    return support;
  }
}
