package dev.lambdasec.cli;

import dev.lambdasec.secrets.SecretDetector;
import dev.lambdasec.source.aws.collect.ApiStats;
import dev.lambdasec.source.aws.collect.AwsCollector;
import dev.lambdasec.source.aws.collect.CollectException;
import dev.lambdasec.source.aws.collect.CollectOptions;
import dev.lambdasec.source.aws.collect.Progress;
import dev.lambdasec.source.aws.snapshot.Snapshot;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Runs a collection with a progress bar when wanted, and prints the call summary. */
final class LiveCollection {

  private LiveCollection() {}

  static Snapshot collect(CollectOptions options, boolean progress, PrintWriter err)
      throws CollectException {
    ApiStats stats = new ApiStats();
    AwsCollector collector =
        new AwsCollector(
            SecretDetector.bundled(),
            Clock.systemUTC(),
            "lambdasec " + LambdasecCommand.Version.current());
    Snapshot snapshot;
    if (progress) {
      // The bar draws on the process's standard error, which must stay open afterwards.
      CollectionProgress bar = new CollectionProgress(System.err, options.organization());
      try {
        snapshot = collector.collect(options, bar, stats);
      } finally {
        bar.close();
      }
    } else {
      snapshot = collector.collect(options, Progress.NONE, stats);
    }
    summary(snapshot, err);
    return snapshot;
  }

  /**
   * A few lines on standard error: what was collected, at what cost (calls, calls per function,
   * throttled answers retried) and, when the snapshot is incomplete, what is missing and why.
   */
  static void summary(Snapshot s, PrintWriter err) {
    long regions = s.accounts().stream().mapToLong(a -> a.regions().size()).sum();
    Snapshot.Calls c = s.calls();
    long functions = c == null ? 0 : c.functions();
    long calls = c == null ? 0 : c.total();
    err.printf(
        Locale.ROOT,
        "lambdasec: collected %d function(s) in %d account(s), %d region(s): %d API calls (%s per"
            + " function), %d throttled answer(s) retried%n",
        functions,
        s.accounts().size(),
        regions,
        calls,
        functions == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", (double) calls / functions),
        c == null ? 0 : c.throttled());
    if (!s.complete()) {
      List<Snapshot.Gap> missing =
          s.gaps().stream().filter(g -> g.kind() != Snapshot.GapKind.NOT_COLLECTED).toList();
      Map<Snapshot.GapKind, Long> byKind =
          missing.stream()
              .collect(
                  Collectors.groupingBy(
                      Snapshot.Gap::kind,
                      () -> new EnumMap<>(Snapshot.GapKind.class),
                      Collectors.counting()));
      err.printf(
          Locale.ROOT,
          "lambdasec: the snapshot is incomplete: %d call(s) denied, %d not offered by the"
              + " endpoint, %d failed after retries; the checks that need them report UNKNOWN%n",
          byKind.getOrDefault(Snapshot.GapKind.ACCESS_DENIED, 0L),
          byKind.getOrDefault(Snapshot.GapKind.UNSUPPORTED, 0L),
          byKind.getOrDefault(Snapshot.GapKind.ERROR, 0L));
      Set<String> denied =
          missing.stream()
              .filter(g -> g.kind() == Snapshot.GapKind.ACCESS_DENIED && g.operation() != null)
              .map(Snapshot.Gap::operation)
              .collect(Collectors.toCollection(TreeSet::new));
      if (!denied.isEmpty()) {
        err.println("lambdasec: permissions missing: " + String.join(", ", denied));
      }
    }
    err.flush();
  }
}
