package dev.lambdasec.source.iac.serverless;

import java.util.Locale;

/**
 * The logical ids the Serverless Framework gives the resources it generates, so that {@code
 * resources:} can refer to them ({@code HelloLambdaFunction}, {@code HelloLogGroup}, {@code
 * ApiGatewayMethodUsersIdVarGet}).
 */
final class LogicalIds {

  /** The execution role shared by the functions that have none of their own. */
  static final String SHARED_ROLE = "IamRoleLambdaExecution";

  static final String REST_API = "ApiGatewayRestApi";
  static final String HTTP_API = "HttpApi";
  static final String WEBSOCKET_API = "WebsocketsApi";

  private LogicalIds() {}

  /** {@code hello-world_v2} → {@code HelloDashworldUnderscorev2}. */
  static String function(String key) {
    return capitalize(key.replace("-", "Dash").replace("_", "Underscore"));
  }

  static String lambda(String key) {
    return function(key) + "LambdaFunction";
  }

  static String logGroup(String key) {
    return function(key) + "LogGroup";
  }

  /**
   * Letters and digits only, first letter upper case: {@code my-bucket.name} → {@code
   * Mybucketname}.
   */
  static String alphanumeric(String name) {
    return capitalize(name.replaceAll("[^0-9A-Za-z]", ""));
  }

  /** A REST API path as an id part: {@code users/{id}/orders-x} → {@code UsersIdVarOrdersDashx}. */
  static String path(String path) {
    StringBuilder out = new StringBuilder();
    for (String part : path.split("/", -1)) {
      if (part.isEmpty()) {
        continue;
      }
      String p = part.replace("-", "Dash").replace("+", "");
      if (p.startsWith("{") && p.endsWith("}")) {
        p = p.substring(1, p.length() - 1) + "Var";
      }
      out.append(alphanumeric(p));
    }
    return out.toString();
  }

  /**
   * A WebSocket route key as the framework names its route, not capitalized: {@code $connect} →
   * {@code SconnectWebsocketsRoute}, {@code chat/send-it} → {@code
   * chatSlashsendDashitWebsocketsRoute}.
   */
  static String websocketRoute(String routeKey) {
    return routeKey
            .replace("$", "S")
            .replace("/", "Slash")
            .replace("-", "Dash")
            .replace("_", "Underscore")
            .replace(".", "Period")
        + "WebsocketsRoute";
  }

  /** {@code get} → {@code Get}. */
  static String method(String method) {
    String lower = method.toLowerCase(Locale.ROOT);
    return capitalize(lower);
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
