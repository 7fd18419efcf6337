package dev.lambdasec.source.aws.map;

import dev.lambdasec.model.InputError;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.aws.snapshot.Snapshot.Gap;
import dev.lambdasec.source.aws.snapshot.Snapshot.GapKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The snapshot's gaps, looked up by facet and resource, and summarised as input errors. */
final class Gaps {

  private final Map<String, Gap> byResource = new HashMap<>();
  private final Map<String, Gap> byRegion = new HashMap<>();
  private final List<Gap> all;

  Gaps(List<Gap> gaps) {
    all = List.copyOf(gaps);
    for (Gap g : gaps) {
      if (g.resource() != null) {
        byResource.putIfAbsent(g.facet() + "|" + g.resource(), g);
      } else {
        byRegion.putIfAbsent(regionKey(g.facet(), g.account(), g.region()), g);
      }
    }
  }

  private static String regionKey(String facet, @Nullable String account, @Nullable String region) {
    return facet + "|" + account + "|" + region;
  }

  /**
   * The gap that leaves {@code facet} of {@code resource} unknown: one about the resource, else one
   * about its whole region, else one about the whole account.
   */
  Optional<Gap> find(String facet, String account, @Nullable String region, String resource) {
    Gap g = byResource.get(facet + "|" + resource);
    if (g == null) {
      g = byRegion.get(regionKey(facet, account, region));
    }
    if (g == null && region != null) {
      g = byRegion.get(regionKey(facet, account, null));
    }
    return Optional.ofNullable(g);
  }

  /** {@code known} unless a gap leaves the facet unknown. */
  <T> Value<T> or(
      Value<T> known, String facet, String account, @Nullable String region, String resource) {
    Optional<Gap> g = find(facet, account, region, resource);
    return g.isPresent() ? Value.unresolved(known.origin(), reason(g.get())) : known;
  }

  static <T> Value<T> unresolved(Gap gap, Origin origin) {
    return Value.unresolved(origin, reason(gap));
  }

  /** Why a value is unknown, for UNKNOWN messages: names the missing permission. */
  static String reason(Gap gap) {
    String op = Objects.requireNonNullElse(gap.operation(), gap.facet());
    return switch (gap.kind()) {
      case ACCESS_DENIED -> "lambdasec was denied " + op;
      case UNSUPPORTED -> "the endpoint does not offer " + op;
      case ERROR -> op + " failed";
      case NOT_COLLECTED -> "not collected: " + gap.message();
    };
  }

  /** One input error per kind of gap and place: denied and failed calls are errors. */
  List<InputError> summary() {
    Map<String, List<Gap>> grouped = new LinkedHashMap<>();
    for (Gap g : all) {
      grouped
          .computeIfAbsent(
              g.account()
                  + "|"
                  + g.region()
                  + "|"
                  + g.operation()
                  + "|"
                  + g.kind()
                  + "|"
                  + g.facet(),
              k -> new ArrayList<>())
          .add(g);
    }
    List<InputError> out = new ArrayList<>();
    for (List<Gap> group : grouped.values()) {
      Gap first = group.get(0);
      String where = Scopes.display(first.account(), first.region());
      String message =
          first.message()
              + (group.size() == 1
                  ? ""
                  : first.resource() == null
                      ? " (" + group.size() + " calls)"
                      : " (" + group.size() + " resources, first " + first.resource() + ")");
      boolean note = first.kind() == GapKind.NOT_COLLECTED || first.kind() == GapKind.UNSUPPORTED;
      out.add(note ? InputError.note(where, 0, 0, message) : new InputError(where, 0, 0, message));
    }
    return out;
  }
}
