package dev.lambdasec.model;

import java.util.List;
import java.util.Map;

/**
 * A CloudWatch metric alarm.
 *
 * @param metrics the metrics the alarm watches: one, or several for a metric-math alarm
 * @param actionsEnabled whether the alarm runs its actions on a state change
 * @param alarmActions what runs when the alarm fires (SNS topics, Systems Manager, Auto Scaling)
 */
public record Alarm(
    Meta meta,
    Value<String> name,
    List<Metric> metrics,
    Value<Boolean> actionsEnabled,
    List<Value<String>> alarmActions)
    implements Resource {

  public Alarm {
    metrics = List.copyOf(metrics);
    alarmActions = List.copyOf(alarmActions);
  }

  /**
   * One metric an alarm watches.
   *
   * @param namespace such as {@code AWS/Lambda}
   * @param name such as {@code Errors}
   * @param dimensions such as {@code FunctionName=orders}
   */
  public record Metric(String namespace, String name, Map<String, String> dimensions) {
    public Metric {
      dimensions = Map.copyOf(dimensions);
    }
  }

  /** True when the alarm watches {@code namespace}/{@code metric} with the given dimension. */
  public boolean watches(String namespace, String metric, String dimension, String value) {
    return metrics.stream()
        .anyMatch(m ->
            m.namespace().equals(namespace)
                && m.name().equals(metric)
                && value.equals(m.dimensions().get(dimension)));
  }

  /** True when the alarm is known to notify someone or act when it fires. */
  public boolean acts() {
    return actionsEnabled.orElse(false) && alarmActions.stream().anyMatch(Value::isPresent);
  }
}
