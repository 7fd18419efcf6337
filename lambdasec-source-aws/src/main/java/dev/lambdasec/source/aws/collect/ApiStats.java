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
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Counts every call the SDK makes, its HTTP attempts, throttled attempts and failures, by IAM
 * action ({@code lambda:GetPolicy}). One instance is shared by every client of a collection.
 */
public final class ApiStats implements ExecutionInterceptor {

  private final Map<String, LongAdder> byAction = new ConcurrentHashMap<>();
  private final LongAdder calls = new LongAdder();
  private final LongAdder attempts = new LongAdder();
  private final LongAdder throttled = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final AtomicLong functions = new AtomicLong();

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
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes a) {
    SdkHttpResponse response = context.httpResponse();
    String type = response.firstMatchingHeader("x-amzn-ErrorType").orElse("");
    if (response.statusCode() == 429
        || type.startsWith("Throttl")
        || type.startsWith("TooManyRequests")
        || type.startsWith("RequestLimitExceeded")) {
      throttled.increment();
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes a) {
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
