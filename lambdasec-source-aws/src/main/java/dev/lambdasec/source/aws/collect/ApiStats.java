package dev.lambdasec.source.aws.collect;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Counts every call the SDK makes, its HTTP attempts, throttled attempts and failures, by IAM
 * action ({@code lambda:GetPolicy}). One instance is shared by every client of a collection, as
 * interceptor (calls, attempts) and metric publisher (throttled attempts, which the SDK recognises
 * in every protocol: a 429, or an error code such as {@code Throttling} in a query-protocol body).
 */
public final class ApiStats implements ExecutionInterceptor, MetricPublisher {

  private final Map<String, LongAdder> byAction = new ConcurrentHashMap<>();
  private final LongAdder calls = new LongAdder();
  private final LongAdder attempts = new LongAdder();
  private final LongAdder throttled = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final AtomicLong functions = new AtomicLong();

  /** The SDK's {@code ErrorType} metric value of a throttled attempt. */
  private static final String THROTTLING = "Throttling";

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    calls.increment();
    byAction.computeIfAbsent(action(attributes), k -> new LongAdder()).increment();
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes a) {
    attempts.increment();
  }

  @Override
  public void publish(MetricCollection call) {
    for (MetricCollection attempt : call.childrenWithName("ApiCallAttempt").toList()) {
      if (attempt.metricValues(CoreMetric.ERROR_TYPE).contains(THROTTLING)) {
        throttled.increment();
      }
    }
  }

  @Override
  public void close() {}

  /** A call failed for good (denied, unsupported, or after retries) and left a gap. */
  void callFailed() {
    failed.increment();
  }

  /** The IAM action a call needs: {@code <prefix>:<Operation>}, {@code apigateway:GET}. */
  static String action(ExecutionAttributes attributes) {
    String service = String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
    String operation =
        String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    return IamActions.of(service, operation);
  }

  void functionsCollected(long n) {
    functions.addAndGet(n);
  }

  public long calls() {
    return calls.sum();
  }

  public long attempts() {
    return attempts.sum();
  }

  public long throttled() {
    return throttled.sum();
  }

  /** Calls that failed for good: denied, unsupported, or failed after retries. */
  public long failed() {
    return failed.sum();
  }

  public long functions() {
    return functions.get();
  }

  /** Calls per IAM action, sorted. */
  public Map<String, Long> byAction() {
    Map<String, Long> out = new TreeMap<>();
    byAction.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** The IAM actions the collection used. */
  public Set<String> actions() {
    return byAction().keySet();
  }
}
