package dev.lambdasec.rules.support;

import dev.lambdasec.model.AccountRegion;
import dev.lambdasec.model.Alarm;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.SourceUnit;
import dev.lambdasec.model.Trail;
import dev.lambdasec.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Facts only a live account shows: which resources are live, and where they run. */
public final class LiveFacts {

  private LiveFacts() {}

  /** True when the resource was read from a live account (not from a template). */
  public static boolean isLive(Application app, Resource r) {
    String scope = r.key().scope();
    for (SourceUnit s : app.sources()) {
      if (s.scope().equals(scope)) {
        return s.kind() == SourceKind.AWS;
      }
    }
    return false;
  }

  /** The account and region a live resource belongs to. */
  public static Optional<AccountRegion> regionOf(Application app, Resource r) {
    return app.accountRegions().stream()
        .filter(a -> a.key().scope().equals(r.key().scope()))
        .findFirst();
  }

  /** The functions of an account and region. */
  public static List<LambdaFunction> functionsIn(Application app, AccountRegion region) {
    return app.functions().stream()
        .filter(f -> f.key().scope().equals(region.key().scope()))
        .toList();
  }

  /**
   * The trails recording the region; empty when they could not be listed (the value is then
   * UNRESOLVED).
   */
  public static List<Trail> trails(Application app, AccountRegion region) {
    List<Trail> out = new ArrayList<>();
    for (Value<Ref> ref : region.trails().orElse(List.of())) {
      app.resolve(ref, Trail.class).ifPresent(out::add);
    }
    return out;
  }

  /**
   * The alarms of the resource's region; empty when the resource is not live or alarms were not
   * read (then {@link #alarmsUnknown} says so).
   */
  public static List<Alarm> alarms(Application app, Resource r) {
    List<Alarm> out = new ArrayList<>();
    regionOf(app, r)
        .ifPresent(region ->
            region
                .alarms()
                .orElse(List.of())
                .forEach(ref -> app.resolve(ref, Alarm.class).ifPresent(out::add)));
    return out;
  }

  /** The alarms of the resource's region when they could not be read, else empty. */
  public static Optional<Value<List<Value<Ref>>>> alarmsUnknown(Application app, Resource r) {
    return regionOf(app, r).map(AccountRegion::alarms).filter(Value::isUnresolved);
  }

  /** "account/region" for messages. */
  public static String where(AccountRegion region) {
    return region.region() + " of account " + region.account();
  }
}
