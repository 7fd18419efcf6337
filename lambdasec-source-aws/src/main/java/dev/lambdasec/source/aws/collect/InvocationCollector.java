package dev.lambdasec.source.aws.collect;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * The last day each function was invoked within the look-back window, from the {@code AWS/Lambda
 * Invocations} metric: 500 functions per {@code GetMetricData} call. Asked only for functions not
 * changed within the window (the others are recent anyway).
 */
final class InvocationCollector {

  static final Duration WINDOW = Duration.ofDays(90);
  private static final int PER_CALL = 500;

  private final RegionClients clients;
  private final Calls calls;

  InvocationCollector(RegionClients clients, Calls calls) {
    this.clients = clients;
    this.calls = calls;
  }

  void collect(List<FunctionDraft> functions, Instant now) {
    Instant end = now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    Instant start = end.minus(WINDOW);
    for (int i = 0; i < functions.size(); i += PER_CALL) {
      List<FunctionDraft> chunk = functions.subList(i, Math.min(functions.size(), i + PER_CALL));
      List<MetricDataQuery> queries = new ArrayList<>();
      for (int q = 0; q < chunk.size(); q++) {
        String name = chunk.get(q).config.functionName();
        queries.add(
            MetricDataQuery.builder()
                .id("f" + q)
                .returnData(true)
                .metricStat(s ->
                    s.stat("Sum")
                        .period(86_400)
                        .metric(m ->
                            m.namespace("AWS/Lambda")
                                .metricName("Invocations")
                                .dimensions(d -> d.name("FunctionName").value(name))))
                .build());
      }
      calls.get(
          "cloudwatch:GetMetricData",
          "invocations",
          null,
          () -> {
            for (MetricDataResult r :
                clients
                    .cloudwatch()
                    .getMetricDataPaginator(
                        b -> b.metricDataQueries(queries).startTime(start).endTime(end))
                    .metricDataResults()) {
              FunctionDraft d = chunk.get(Integer.parseInt(r.id().substring(1)));
              Instant last = null;
              for (int k = 0; k < r.timestamps().size(); k++) {
                Double v = k < r.values().size() ? r.values().get(k) : null;
                if (v != null && v > 0 && (last == null || r.timestamps().get(k).isAfter(last))) {
                  last = r.timestamps().get(k);
                }
              }
              if (last != null
                  && (d.lastInvoked == null || Instant.parse(d.lastInvoked).isBefore(last))) {
                d.lastInvoked = last.toString();
              }
            }
            return true;
          });
    }
  }
}
