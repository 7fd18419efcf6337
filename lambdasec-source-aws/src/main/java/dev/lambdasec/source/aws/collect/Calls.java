package dev.lambdasec.source.aws.collect;

import dev.lambdasec.source.aws.snapshot.Snapshot.Gap;
import dev.lambdasec.source.aws.snapshot.Snapshot.GapKind;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs the calls of one account and region: at most {@code limit} at a time per service, and never
 * a crash. "Not found" answers are an empty result; denied, unsupported and failed calls (after the
 * SDK's retries) are an empty result and a {@link Gap} naming the facet left unknown and the
 * permission or operation.
 */
final class Calls {

  private static final Set<String> DENIED =
      Set.of(
          "accessdenied",
          "accessdeniedexception",
          "unauthorizedoperation",
          "unauthorizedaccess",
          "authorizationerror",
          "authorizationerrorexception",
          "invalidclienttokenid",
          "unrecognizedclientexception",
          "expiredtoken",
          "expiredtokenexception");

  private static final Set<String> UNSUPPORTED =
      Set.of(
          "unknownoperationexception",
          "invalidaction",
          "notimplemented",
          "notimplementedexception",
          "unsupportedoperation",
          "unsupportedoperationexception");

  private final String account;
  private final @Nullable String region;
  private final GapLog gaps;
  private final int limit;
  private final Map<String, Semaphore> limits = new ConcurrentHashMap<>();

  Calls(String account, @Nullable String region, GapLog gaps, int limit) {
    this.account = account;
    this.region = region;
    this.gaps = gaps;
    this.limit = limit;
  }

  String account() {
    return account;
  }

  @Nullable String region() {
    return region;
  }

  /**
   * The call's result; empty when the resource does not exist or the call failed (then a gap is
   * recorded).
   *
   * @param action the IAM action, such as {@code lambda:GetPolicy}; its prefix picks the limit
   * @param facet what stays unknown when the call fails
   * @param resource the ARN concerned, or {@code null} for the whole region
   */
  <T> Optional<T> get(String action, String facet, @Nullable String resource, Supplier<T> call) {
    Semaphore s =
        limits.computeIfAbsent(action.substring(0, action.indexOf(':')), k -> new Semaphore(limit));
    s.acquireUninterruptibly();
    try {
      return Optional.ofNullable(call.get());
    } catch (AwsServiceException e) {
      AwsErrorDetails details = e.awsErrorDetails();
      String code = details != null && details.errorCode() != null ? details.errorCode() : "";
      String lower = code.toLowerCase(Locale.ROOT);
      int status = e.statusCode();
      if (lower.contains("notfound") || lower.equals("nosuchentity")) {
        return Optional.empty();
      }
      GapKind kind =
          DENIED.contains(lower) || status == 403
              ? GapKind.ACCESS_DENIED
              : UNSUPPORTED.contains(lower) || status == 404 || status == 501
                  ? GapKind.UNSUPPORTED
                  : GapKind.ERROR;
      record(kind, action, facet, resource, code.isEmpty() ? "HTTP " + status : code);
      return Optional.empty();
    } catch (SdkException e) {
      record(GapKind.ERROR, action, facet, resource, e.getClass().getSimpleName());
      return Optional.empty();
    } finally {
      s.release();
    }
  }

  /** True when a call about {@code facet} of {@code resource} failed in this account and region. */
  boolean failedFor(String facet, @Nullable String resource) {
    return gaps.all().stream()
        .anyMatch(g ->
            g.facet().equals(facet)
                && account.equals(g.account())
                && java.util.Objects.equals(region, g.region())
                && java.util.Objects.equals(resource, g.resource()));
  }

  /** Records that {@code facet} was not collected on purpose. */
  void notCollected(String facet, String action, String why) {
    gaps.add(new Gap(account, region, facet, null, GapKind.NOT_COLLECTED, action, why));
  }

  private void record(
      GapKind kind, String action, String facet, @Nullable String resource, String cause) {
    String on = resource != null ? " on " + resource : region != null ? " in " + region : "";
    String message =
        switch (kind) {
          case ACCESS_DENIED ->
              "lambdasec was denied "
                  + action
                  + on
                  + "; grant it (docs/iam/lambdasec-readonly-policy.json)";
          case UNSUPPORTED -> "the endpoint does not offer " + action + on;
          case ERROR -> action + on + " failed after retries (" + cause + ")";
          case NOT_COLLECTED -> action + " not collected";
        };
    gaps.add(new Gap(account, region, facet, resource, kind, action, message));
  }
}
