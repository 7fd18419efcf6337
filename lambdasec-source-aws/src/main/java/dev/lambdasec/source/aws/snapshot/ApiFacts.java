package dev.lambdasec.source.aws.snapshot;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** API Gateway REST, HTTP and WebSocket APIs. */
public final class ApiFacts {

  private ApiFacts() {}

  /**
   * An API with its routes.
   *
   * @param kind {@code REST}, {@code HTTP} or {@code WEBSOCKET}
   * @param endpointType {@code EDGE}, {@code REGIONAL} or {@code PRIVATE} (REST)
   * @param policy the REST API resource policy (JSON), or {@code null}
   * @param cors the CORS settings of an HTTP API, or {@code null}
   * @param accessLogging whether some stage writes access logs
   */
  public record Api(
      String id,
      String arn,
      String kind,
      @Nullable String name,
      @Nullable String endpointType,
      @Nullable String policy,
      LambdaFacts.@Nullable Cors cors,
      @Nullable Boolean accessLogging,
      List<Route> routes,
      List<Authorizer> authorizers,
      List<Validator> validators) {
    public Api {
      routes = Snapshot.copy(routes);
      authorizers = Snapshot.copy(authorizers);
      validators = Snapshot.copy(validators);
    }
  }

  /**
   * A REST method or an HTTP/WebSocket route.
   *
   * @param id the method ARN path part ({@code resources/<id>/methods/GET}) or the route id
   * @param authorizationType {@code NONE}, {@code AWS_IAM}, {@code CUSTOM}, {@code
   *     COGNITO_USER_POOLS} or {@code JWT}
   * @param requestModel whether request models or required parameters are declared (REST)
   * @param functionArn the function a Lambda integration invokes, or {@code null}
   */
  public record Route(
      String id,
      String method,
      String path,
      @Nullable String authorizationType,
      @Nullable String authorizerId,
      @Nullable Boolean apiKeyRequired,
      @Nullable String requestValidatorId,
      @Nullable Boolean requestModel,
      @Nullable String functionArn) {}

  /** An authorizer. */
  public record Authorizer(String id, @Nullable String type, @Nullable String functionArn) {}

  /** A REST request validator. */
  public record Validator(
      String id, @Nullable Boolean validateBody, @Nullable Boolean validateParameters) {}
}
