package dev.lambdasec.source.aws.collect;

import dev.lambdasec.source.aws.snapshot.SupportFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/**
 * The trails whose home region is this region (and multi-region trails homed in regions this
 * collection skips), with their status and whether their event selectors record {@code Invoke} of
 * every Lambda function. Status and selectors of a shadow trail are read by its ARN.
 */
final class TrailCollector {

  private final RegionClients clients;
  private final Calls calls;
  private final Set<String> collectedRegions;
  private final boolean firstRegion;

  /**
   * @param collectedRegions every region of this collection: a multi-region trail homed elsewhere
   *     is described here (through its shadow) only when its home region is not collected, and then
   *     only in the first region
   */
  TrailCollector(
      RegionClients clients, Calls calls, Set<String> collectedRegions, boolean firstRegion) {
    this.clients = clients;
    this.calls = calls;
    this.collectedRegions = Set.copyOf(collectedRegions);
    this.firstRegion = firstRegion;
  }

  List<SupportFacts.Trail> collect() {
    List<SupportFacts.Trail> out = new ArrayList<>();
    List<Trail> trails =
        calls
            .get(
                "cloudtrail:DescribeTrails",
                "trails",
                null,
                () ->
                    clients
                        .cloudtrail()
                        .describeTrails(r -> r.includeShadowTrails(true))
                        .trailList())
            .orElse(List.of());
    for (Trail t : trails) {
      String home = t.homeRegion();
      boolean homedHere = home == null || home.equals(clients.region.id());
      boolean homeSkipped =
          Boolean.TRUE.equals(t.isMultiRegionTrail())
              && !collectedRegions.contains(home)
              && firstRegion;
      if (!homedHere && !homeSkipped) {
        continue;
      }
      String arn = t.trailARN();
      Boolean logging =
          calls
              .get(
                  "cloudtrail:GetTrailStatus",
                  "trailStatus",
                  arn,
                  () -> clients.cloudtrail().getTrailStatus(r -> r.name(arn)).isLogging())
              .orElse(null);
      Boolean dataEvents =
          calls
              .get(
                  "cloudtrail:GetEventSelectors",
                  "trailEventSelectors",
                  arn,
                  () -> clients.cloudtrail().getEventSelectors(r -> r.trailName(arn)))
              .map(TrailCollector::recordsEveryInvoke)
              .orElse(null);
      out.add(
          new SupportFacts.Trail(
              arn,
              t.name(),
              t.isMultiRegionTrail(),
              t.logFileValidationEnabled(),
              FunctionDraft.emptyToNull(t.kmsKeyId()),
              logging,
              dataEvents));
    }
    return out;
  }

  /**
   * Classic selectors with a {@code AWS::Lambda::Function} data resource of {@code arn:aws:lambda}
   * (all functions), or advanced selectors on data events of {@code AWS::Lambda::Function} that do
   * not narrow them to some ARNs.
   */
  static boolean recordsEveryInvoke(GetEventSelectorsResponse r) {
    for (EventSelector s : r.eventSelectors()) {
      for (DataResource d : s.dataResources()) {
        if ("AWS::Lambda::Function".equals(d.type())
            && d.values().stream().anyMatch(v -> v.matches("arn:aws[a-z-]*:lambda:?"))) {
          return true;
        }
      }
    }
    for (AdvancedEventSelector s : r.advancedEventSelectors()) {
      boolean data = false;
      boolean lambda = false;
      boolean narrowed = false;
      for (AdvancedFieldSelector f : s.fieldSelectors()) {
        switch (f.field()) {
          case "eventCategory" -> data = f.equalsValue().contains("Data");
          case "resources.type" -> lambda = f.equalsValue().contains("AWS::Lambda::Function");
          case "resources.ARN", "eventName", "readOnly" ->
              narrowed |= !f.equalsValue().isEmpty() || !f.startsWith().isEmpty();
          default -> {}
        }
      }
      if (data && lambda && !narrowed) {
        return true;
      }
    }
    return false;
  }
}
