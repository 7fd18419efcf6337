package dev.lambdasec.source.iac.serverless;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The REST API of the {@code http} events: {@code ApiGatewayRestApi}, a resource per path segment,
 * a method per event with its authorization (IAM, Lambda or Cognito authorizer, or none), API key
 * and request validation, the authorizers, the stage and the permissions for API Gateway.
 */
final class RestApi {

  private final ServiceExpander sls;
  private final Set<String> permitted = new HashSet<>();
  private @Nullable Origin first;

  RestApi(ServiceExpander sls) {
    this.sls = sls;
  }

  /** {@code http: 'GET path'} or {@code {path, method, authorizer, private, cors, request}}. */
  void route(Fn fn, Node event, Origin at) {
    String method;
    String path;
    if (event instanceof Scalar s && s.text() != null) {
      String[] parts = s.text().strip().split("\\s+", 2);
      method = parts[0];
      path = parts.length > 1 ? parts[1] : "";
    } else if (event instanceof MapNode m) {
      method = Service.text(m.get("method").orElse(null)).orElse("");
      path = Service.text(m.get("path").orElse(null)).orElse("");
    } else {
      sls.notes().add(at, "http event of " + fn.key() + " is not read");
      return;
    }
    if (method.isEmpty()) {
      sls.notes().add(at, "http event of " + fn.key() + " has no method");
      return;
    }
    if (first == null) {
      first = at;
    }
    path = trim(path);
    String verb = method.equalsIgnoreCase("any") ? "ANY" : method.toUpperCase(Locale.ROOT);
    Node resource = resource(path, at);
    String methodId = "ApiGatewayMethod" + LogicalIds.path(path) + LogicalIds.method(verb);
    Authorization auth = authorization(fn, Nodes.get(event, "authorizer"), at);
    Node request = Nodes.get(event, "request");
    Node schemas = Nodes.get(request, "schemas");
    if (schemas == null) {
      schemas = Nodes.get(request, "schema");
    }
    Node validator = null;
    Node models = null;
    if (schemas instanceof MapNode s && !s.entries().isEmpty()) {
      String validatorId = methodId + "Validator";
      validator = Nodes.ref(validatorId, s.origin());
      Nodes.MapBuilder byType = Nodes.map(s.origin());
      for (Entry e : s.entries()) {
        byType.put(e.key(), Nodes.string(methodId + "Model", e.keyOrigin()));
      }
      models = byType.build();
      sls.put(
          validatorId,
          "AWS::ApiGateway::RequestValidator",
          Nodes.map(s.origin())
              .put("RestApiId", api(s.origin()))
              .put("ValidateRequestBody", Nodes.bool(true, s.origin()))
              .put("ValidateRequestParameters", Nodes.bool(false, s.origin()))
              .build(),
          s.origin(),
          fn.key());
    }
    Node privateKey = Nodes.get(event, "private");
    sls.put(
        methodId,
        "AWS::ApiGateway::Method",
        Nodes.map(at)
            .put("HttpMethod", Nodes.string(verb, at))
            .put("ResourceId", resource)
            .put("RestApiId", api(at))
            .put("AuthorizationType", auth.type())
            .put("AuthorizerId", auth.authorizer())
            .put("ApiKeyRequired", privateKey)
            .put("RequestValidatorId", validator)
            .put("RequestModels", models)
            .put("RequestParameters", parameters(Nodes.get(request, "parameters"), at))
            .put("Integration", integration(fn, Nodes.get(event, "integration"), event, at))
            .build(),
        at,
        fn.key());
    Node cors = Nodes.get(event, "cors");
    if (cors != null && !Service.text(cors).filter("false"::equals).isPresent()) {
      sls.put(
          "ApiGatewayMethod" + LogicalIds.path(path) + "Options",
          "AWS::ApiGateway::Method",
          Nodes.map(cors.origin())
              .put("HttpMethod", "OPTIONS")
              .put("ResourceId", resource)
              .put("RestApiId", api(cors.origin()))
              .put("AuthorizationType", "NONE")
              .put("Integration", Nodes.map(cors.origin()).put("Type", "MOCK").build())
              .build(),
          cors.origin(),
          fn.key());
    }
    if (permitted.add(fn.key())) {
      invokePermission(fn.logical() + "LambdaPermissionApiGateway", fn.arn(at), at, fn.key());
    }
  }

  private static String trim(String path) {
    String p = path.strip();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static Node api(Origin at) {
    return Nodes.ref(LogicalIds.REST_API, at);
  }

  /** The resource of a path, creating the chain of {@code AWS::ApiGateway::Resource} it needs. */
  private Node resource(String path, Origin at) {
    Node parent = Nodes.getAtt(LogicalIds.REST_API, "RootResourceId", at);
    if (path.isEmpty()) {
      return parent;
    }
    String[] parts = path.split("/", -1);
    StringBuilder sub = new StringBuilder();
    for (String part : parts) {
      if (!sub.isEmpty()) {
        sub.append('/');
      }
      sub.append(part);
      String id = "ApiGatewayResource" + LogicalIds.path(sub.toString());
      if (sls.resource(id).isEmpty()) {
        sls.put(
            id,
            "AWS::ApiGateway::Resource",
            Nodes.map(at)
                .put("ParentId", parent)
                .put("PathPart", part)
                .put("RestApiId", api(at))
                .build(),
            at,
            "provider");
      }
      parent = Nodes.ref(id, at);
    }
    return parent;
  }

  /** How a method is authorized. */
  private record Authorization(Node type, @Nullable Node authorizer) {}

  /**
   * {@code authorizer: aws_iam}, the name or ARN of a Lambda authorizer, a Cognito user pool ARN,
   * or {@code {name, arn, type, authorizerId, identitySource}}; none means {@code NONE}.
   */
  private Authorization authorization(Fn fn, @Nullable Node authorizer, Origin at) {
    if (authorizer == null || (authorizer instanceof Scalar s && s.kind() == Scalar.Kind.NULL)) {
      return new Authorization(Nodes.string("NONE", at), null);
    }
    Origin o = authorizer.origin();
    if (authorizer instanceof Unresolved u) {
      return new Authorization(u, null);
    }
    MapNode config = authorizer instanceof MapNode m ? m : null;
    String type = Service.text(Nodes.get(config, "type")).orElse("").toLowerCase(Locale.ROOT);
    String text = Service.text(config != null ? null : authorizer).orElse("");
    if (type.equals("aws_iam") || text.equalsIgnoreCase("aws_iam")) {
      return new Authorization(Nodes.string("AWS_IAM", o), null);
    }
    Node existing = Nodes.get(config, "authorizerId");
    boolean cognitoType = type.equals("cognito_user_pools");
    if (existing != null) {
      return new Authorization(
          Nodes.string(cognitoType ? "COGNITO_USER_POOLS" : "CUSTOM", o), existing);
    }
    Node arn =
        config != null ? Nodes.get(config, "arn") : text.startsWith("arn:") ? authorizer : null;
    Node named =
        config != null ? Nodes.get(config, "name") : text.startsWith("arn:") ? null : authorizer;
    String arnText = Service.text(arn).orElse("");
    boolean cognito = cognitoType || arnText.contains(":cognito-idp:");
    String name =
        Service.text(named)
            .orElse(
                arnText.isEmpty()
                    ? "Authorizer"
                    : arnText.substring(arnText.lastIndexOf(':') + 1).replace("function:", ""));
    if (arn instanceof Unresolved u) {
      return new Authorization(u, null);
    }
    String id = LogicalIds.alphanumeric(name) + "ApiGatewayAuthorizer";
    Nodes.MapBuilder props =
        Nodes.map(o).put("Name", Nodes.string(name, o)).put("RestApiId", api(o));
    Node identity = Nodes.get(config, "identitySource");
    if (cognito) {
      props
          .put("Type", "COGNITO_USER_POOLS")
          .put("ProviderARNs", arn == null ? null : Nodes.list(o, arn));
    } else {
      Node function = arn;
      if (function == null && sls.isFunction(name)) {
        function = Nodes.getAtt(name, "Arn", o);
      }
      if (function == null) {
        sls.notes()
            .add(o, "authorizer " + name + " of " + fn.key() + " names no function of the service");
      }
      boolean request = type.equals("request");
      props
          .put("Type", request ? "REQUEST" : "TOKEN")
          .put(
              "IdentitySource",
              identity != null
                  ? identity
                  : request ? null : Nodes.string("method.request.header.Authorization", o))
          .put("AuthorizerUri", function == null ? null : uri(function, o));
      if (function != null) {
        invokePermission(
            LogicalIds.alphanumeric(name) + "LambdaPermissionApiGateway", function, o, fn.key());
      }
    }
    sls.put(id, "AWS::ApiGateway::Authorizer", props.build(), o, fn.key());
    return new Authorization(
        Nodes.string(cognito ? "COGNITO_USER_POOLS" : "CUSTOM", o), Nodes.ref(id, o));
  }

  /** The invocation URI of a Lambda function for API Gateway. */
  static Node uri(Node function, Origin at) {
    return Nodes.call(
        "Fn::Join",
        Nodes.list(
            at,
            Nodes.string("", at),
            Nodes.list(
                at,
                Nodes.string(
                    "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/", at),
                function,
                Nodes.string("/invocations", at))),
        at);
  }

  /**
   * {@code integration: lambda-proxy} (the default), {@code lambda}, {@code http}, {@code mock}…
   */
  private static Node integration(Fn fn, @Nullable Node kind, Node event, Origin at) {
    String k = Service.text(kind).orElse("lambda-proxy").toLowerCase(Locale.ROOT).replace("_", "-");
    return switch (k) {
      case "lambda", "aws" ->
          Nodes.map(at)
              .put("Type", "AWS")
              .put("IntegrationHttpMethod", "POST")
              .put("Uri", uri(fn.arn(at), at))
              .build();
      case "http", "http-proxy" ->
          Nodes.map(at)
              .put("Type", k.equals("http") ? "HTTP" : "HTTP_PROXY")
              .put("Uri", Nodes.at(event, "request", "uri"))
              .build();
      case "mock" -> Nodes.map(at).put("Type", "MOCK").build();
      default ->
          Nodes.map(at)
              .put("Type", "AWS_PROXY")
              .put("IntegrationHttpMethod", "POST")
              .put("Uri", uri(fn.arn(at), at))
              .build();
    };
  }

  /** {@code request.parameters.{querystrings,headers,paths}.<name>: true | {required}}. */
  private static @Nullable Node parameters(@Nullable Node parameters, Origin at) {
    if (!(parameters instanceof MapNode p)) {
      return null;
    }
    Nodes.MapBuilder out = Nodes.map(p.origin());
    for (Entry kind : p.entries()) {
      String in =
          switch (kind.key()) {
            case "querystrings" -> "querystring";
            case "headers" -> "header";
            case "paths" -> "path";
            default -> null;
          };
      if (in == null || !(kind.value() instanceof MapNode names)) {
        continue;
      }
      for (Entry e : names.entries()) {
        Node required = e.value() instanceof MapNode m ? m.get("required").orElse(null) : e.value();
        out.put(
            "method.request." + in + "." + e.key(),
            Nodes.bool(Service.isTrue(required), e.keyOrigin()));
      }
    }
    MapNode built = out.build();
    return built.entries().isEmpty() ? null : built;
  }

  /** API Gateway may invoke the function from this API, any stage and route. */
  private void invokePermission(String id, Node function, Origin at, String definedBy) {
    sls.put(
        id,
        "AWS::Lambda::Permission",
        Nodes.map(at)
            .put("FunctionName", function)
            .put("Action", "lambda:InvokeFunction")
            .put("Principal", "apigateway.amazonaws.com")
            .put(
                "SourceArn",
                Nodes.sub(
                    "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${"
                        + LogicalIds.REST_API
                        + "}/*/*",
                    at))
            .build(),
        at,
        definedBy);
  }

  /** The API itself, its stage (with access logs when {@code provider.logs.restApi} is on). */
  void build() {
    Origin at = first;
    if (at == null) {
      return;
    }
    Service service = sls.service();
    Node name = service.provider("apiName");
    Node endpoint = service.provider("endpointType");
    Node policy = service.provider("apiGateway", "resourcePolicy");
    if (policy == null) {
      policy = service.provider("resourcePolicy");
    }
    Origin o = service.providerOrigin("apiGateway");
    sls.put(
        LogicalIds.REST_API,
        "AWS::ApiGateway::RestApi",
        Nodes.map(at)
            .put(
                "Name",
                name != null ? name : Service.join(at, service.stage(), "-", service.name()))
            .put(
                "EndpointConfiguration",
                Nodes.map(at)
                    .put(
                        "Types",
                        Nodes.list(at, endpoint != null ? endpoint : Nodes.string("EDGE", at)))
                    .build())
            .put(
                "Policy",
                policy == null
                    ? null
                    : Nodes.map(policy.origin())
                        .put("Version", "2012-10-17")
                        .put("Statement", policy)
                        .build())
            .build(),
        at,
        "provider");
    Node logs = service.provider("logs", "restApi");
    boolean accessLogs =
        logs instanceof MapNode m
            ? !Service.text(m.get("accessLogging").orElse(null)).filter("false"::equals).isPresent()
            : Service.isTrue(logs);
    if (accessLogs && logs != null) {
      sls.put(
          "ApiGatewayLogGroup",
          "AWS::Logs::LogGroup",
          Nodes.map(logs.origin())
              .put(
                  "LogGroupName",
                  Service.join(logs.origin(), "/aws/api-gateway/", service.prefix(logs.origin())))
              .put("RetentionInDays", service.provider("logRetentionInDays"))
              .build(),
          logs.origin(),
          "provider");
      sls.put(
          "ApiGatewayStage",
          "AWS::ApiGateway::Stage",
          Nodes.map(logs.origin())
              .put("RestApiId", api(logs.origin()))
              .put("StageName", service.stage())
              .put(
                  "AccessLogSetting",
                  Nodes.map(logs.origin())
                      .put(
                          "DestinationArn",
                          Nodes.getAtt("ApiGatewayLogGroup", "Arn", logs.origin()))
                      .build())
              .build(),
          logs.origin(),
          "provider");
    } else {
      sls.put(
          "ApiGatewayDeployment",
          "AWS::ApiGateway::Deployment",
          Nodes.map(o).put("RestApiId", api(o)).put("StageName", service.stage()).build(),
          o,
          "provider");
    }
  }
}
