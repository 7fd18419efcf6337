package dev.lambdasec.rules.support;

import dev.lambdasec.iam.Arn;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.LogGroup;
import java.util.Optional;

/** Where a function writes its logs. */
public final class FunctionLogs {

  private FunctionLogs() {}

  /**
   * The log group name: the one named in the logging config, else {@code /aws/lambda/<function
   * name>}; an unknown function name stands as the placeholder {@code ${<logical id>}} (what {@code
   * Ref} returns).
   */
  public static String logGroupName(Application app, LambdaFunction fn) {
    Optional<LogGroup> configured = app.resolve(fn.logGroup(), LogGroup.class);
    if (configured.isPresent() && configured.get().name().isPresent()) {
      return configured.get().name().get();
    }
    if (fn.logGroup().isPresent() && fn.logGroup().get().literal() != null) {
      return String.valueOf(fn.logGroup().get().literal());
    }
    return "/aws/lambda/" + fn.name().known().orElse("${" + fn.id() + "}");
  }

  /** The log group the sources declare for the function, if any. */
  public static Optional<LogGroup> declaredLogGroup(Application app, LambdaFunction fn) {
    Optional<LogGroup> configured = app.resolve(fn.logGroup(), LogGroup.class);
    if (configured.isPresent()) {
      return configured;
    }
    String name = logGroupName(app, fn);
    String byRef = "/aws/lambda/${" + fn.id() + "}";
    return app.logGroups().stream()
        .filter(g -> g.key().scope().equals(fn.key().scope()))
        .filter(g -> g.name().known().filter(n -> n.equals(name) || n.equals(byRef)).isPresent())
        .findFirst();
  }

  /** The ARN of a log stream of the function's log group, as IAM authorizes log writes. */
  public static String logStreamArn(Application app, LambdaFunction fn) {
    String region = "${AWS::Region}";
    String account = "${AWS::AccountId}";
    Optional<Arn> arn = fn.arn().known().flatMap(Arn::parse);
    if (arn.isPresent()) {
      region = arn.get().region();
      account = arn.get().account();
    }
    return "arn:aws:logs:"
        + region
        + ":"
        + account
        + ":log-group:"
        + logGroupName(app, fn)
        + ":log-stream:${LogStream}";
  }
}
