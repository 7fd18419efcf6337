package dev.lambdasec.source.iac.serverless;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A function's {@code destinations} ({@code onSuccess}, {@code onFailure}) and retry settings as
 * the {@code <Name>LambdaEvInConf} event invoke config, and the statements the generated role gets
 * to deliver to them.
 */
final class Destinations {

  /** What a destination is. */
  enum Type {
    FUNCTION,
    SNS,
    SQS,
    EVENT_BUS,
    UNKNOWN
  }

  private final ServiceExpander sls;
  private final Fn fn;

  Destinations(ServiceExpander sls, Fn fn) {
    this.sls = sls;
    this.fn = fn;
  }

  void eventInvokeConfig() {
    Node destinations = fn.get("destinations");
    Node retries = fn.get("maximumRetryAttempts");
    Node age = fn.get("maximumEventAge");
    if (destinations == null && retries == null && age == null) {
      return;
    }
    Origin at = destinations != null ? destinations.origin() : fn.at();
    Nodes.MapBuilder config = Nodes.map(at);
    for (String[] kind :
        List.of(new String[] {"onSuccess", "OnSuccess"}, new String[] {"onFailure", "OnFailure"})) {
      Node given = Nodes.get(destinations, kind[0]);
      if (given == null) {
        continue;
      }
      Node arn = arn(given);
      config.put(kind[1], Nodes.map(given.origin()).put("Destination", arn).build());
      ExecutionRole role = fn.role();
      if (role != null) {
        grant(role, type(given), arn, given.origin());
      }
    }
    MapNode built = config.build();
    sls.put(
        fn.logical() + "LambdaEvInConf",
        "AWS::Lambda::EventInvokeConfig",
        Nodes.map(at)
            .put("FunctionName", fn.ref(at))
            .put("Qualifier", "$LATEST")
            .put("DestinationConfig", built.entries().isEmpty() ? null : built)
            .put("MaximumRetryAttempts", retries)
            .put("MaximumEventAgeInSeconds", age)
            .build(),
        at,
        fn.key());
  }

  /**
   * A destination's ARN: written as one, {@code {arn}}, or the key of a function of the service.
   */
  private Node arn(Node destination) {
    Node arn = destination instanceof MapNode m ? m.get("arn").orElse(destination) : destination;
    String text = Service.text(arn).orElse("");
    if (!text.isEmpty() && !text.startsWith("arn:") && sls.isFunction(text)) {
      return Nodes.getAtt(text, "Arn", arn.origin());
    }
    return arn;
  }

  private Type type(Node destination) {
    String declared =
        Service.text(Nodes.get(destination, "type")).orElse("").toLowerCase(Locale.ROOT);
    return switch (declared) {
      case "function" -> Type.FUNCTION;
      case "sns" -> Type.SNS;
      case "sqs" -> Type.SQS;
      case "eventbus" -> Type.EVENT_BUS;
      default -> typeOf(arn(destination), sls);
    };
  }

  /** The type of a destination from its ARN, reference or function key. */
  static Type typeOf(Node arn, ServiceExpander sls) {
    if (Nodes.intrinsicName(arn).filter("Fn::GetAtt"::equals).isPresent()) {
      String target =
          Nodes.text(Nodes.items(Nodes.get(arn, "Fn::GetAtt")).stream().findFirst().orElse(null))
              .orElse("");
      return sls.isFunction(target) ? Type.FUNCTION : Type.UNKNOWN;
    }
    String text = Service.text(arn).orElse("");
    if (text.contains(":sns:")) {
      return Type.SNS;
    }
    if (text.contains(":sqs:")) {
      return Type.SQS;
    }
    if (text.contains(":events:")) {
      return Type.EVENT_BUS;
    }
    return text.contains(":lambda:") || sls.isFunction(text) ? Type.FUNCTION : Type.UNKNOWN;
  }

  /** The statement the framework adds so the function's role can deliver to a destination. */
  static void grant(ExecutionRole role, Type type, @Nullable Node arn, Origin at) {
    if (arn == null) {
      return;
    }
    String action =
        switch (type) {
          case FUNCTION -> "lambda:InvokeFunction";
          case SNS -> "sns:Publish";
          case SQS -> "sqs:SendMessage";
          case EVENT_BUS -> "events:PutEvents";
          case UNKNOWN -> null;
        };
    if (action != null) {
      role.allow(List.of(action), List.of(arn), at);
    }
  }
}
