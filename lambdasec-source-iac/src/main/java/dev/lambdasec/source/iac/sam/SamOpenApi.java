package dev.lambdasec.source.iac.sam;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.cfn.TemplateResource;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** What SAM writes the same way into REST and HTTP API definitions. */
final class SamOpenApi {

  static final String INTEGRATION = "x-amazon-apigateway-integration";
  static final String ANY_METHOD = "x-amazon-apigateway-any-method";
  static final String DEFAULT_PATH = "$default";
  static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", ANY_METHOD);

  private SamOpenApi() {}

  /**
   * The definition SAM edits: the inline {@code DefinitionBody}, or one SAM generates. Event routes
   * go into a generated one, or into an inline one with {@code MergeDefinitions}; a definition SAM
   * cannot read (DefinitionUri, an include) is approximated by the event routes, with a note.
   */
  static OpenApiDocument definition(
      SamExpander sam,
      SamApiDeclaration api,
      MapNode skeleton,
      Function<SamApiDeclaration.Route, MapNode> operation) {
    Node body = api.get("DefinitionBody");
    if (body instanceof MapNode m && !Nodes.isIntrinsic(m)) {
      OpenApiDocument doc = new OpenApiDocument(m);
      if (sam.text(api.get("MergeDefinitions")).filter("true"::equalsIgnoreCase).isPresent()) {
        addRoutes(sam, api, doc, operation);
      }
      return doc;
    }
    OpenApiDocument doc = new OpenApiDocument(skeleton);
    Node where = body != null ? body : api.get("DefinitionUri");
    if (where != null) {
      sam.notes()
          .add(
              where.origin(),
              "API "
                  + api.id
                  + " is defined outside the template; its routes are taken from the functions'"
                  + " events only");
      // What the outside definition says about access is unknown, unless the template sets it.
      Node.Unresolved outside =
          new Node.Unresolved("the API definition is outside the template", where.origin());
      doc.putTop("x-amazon-apigateway-policy", outside);
      doc.putTop("x-amazon-apigateway-cors", outside);
    }
    addRoutes(sam, api, doc, operation);
    return doc;
  }

  private static void addRoutes(
      SamExpander sam,
      SamApiDeclaration api,
      OpenApiDocument doc,
      Function<SamApiDeclaration.Route, MapNode> operation) {
    for (SamApiDeclaration.Route route : api.routes) {
      if (!sam.excluded(route.fn().resource().condition())) {
        String method = route.method().equals("any") ? ANY_METHOD : route.method();
        doc.put(route.path(), method, operation.apply(route));
      }
    }
  }

  /** The definition SAM starts from when the API has none inline. */
  static MapNode skeleton(SamApiDeclaration api, boolean openApi3) {
    Origin at = api.origin;
    return Nodes.map(at)
        .put(openApi3 ? "openapi" : "swagger", openApi3 ? "3.0.1" : "2.0")
        .put(
            "info",
            Nodes.map(at)
                .put("version", "1.0")
                .put("title", Nodes.ref("AWS::StackName", at))
                .build())
        .put("paths", Nodes.map(at).build())
        .build();
  }

  /** The Lambda proxy integration SAM writes for a route. */
  static MapNode integration(SamFunction fn, Origin at, boolean httpApi) {
    String partition = httpApi ? "${AWS::Partition}" : "aws";
    return Nodes.map(at)
        .put("type", "aws_proxy")
        .put("httpMethod", "POST")
        .put(
            "uri",
            Nodes.sub(
                "arn:"
                    + partition
                    + ":apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                    + fn.invokePlaceholder()
                    + "/invocations",
                at))
        .build();
  }

  static MapNode authorizerUri(Node function, Origin at) {
    return Nodes.sub(
        "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}"
            + "/invocations",
        Nodes.map(at).put("__FunctionArn__", function).build(),
        at);
  }

  /** A security requirement {@code {name: []}}. */
  static MapNode requirement(String name, Origin at) {
    return Nodes.map(at).put(name, Nodes.list(List.of(), at)).build();
  }

  static List<String> keys(Node requirement) {
    return requirement instanceof MapNode m ? m.keys() : List.of();
  }

  /** Removes SAM's internal {@code NONE} and {@code api_key_false} markers from an operation. */
  static Node withoutMarkers(Node operation) {
    if (!(Nodes.get(operation, "security") instanceof Node.ListNode security)
        || !(operation instanceof MapNode op)) {
      return operation;
    }
    List<Node> kept =
        security.items().stream()
            .filter(s -> !keys(s).contains("NONE") && !keys(s).contains("api_key_false"))
            .toList();
    return kept.size() == security.items().size()
        ? operation
        : Nodes.with(op, "security", Nodes.list(kept, security.origin()));
  }

  /** The security scheme names the operations of a definition use. */
  static Set<String> usedSchemes(OpenApiDocument doc) {
    Set<String> used = new HashSet<>();
    for (Node op : doc.operations()) {
      Nodes.items(Nodes.get(op, "security")).forEach(s -> used.addAll(keys(s)));
    }
    return used;
  }

  /** The {@code AWS_IAM} scheme SAM defines when a route or the API uses IAM authorization. */
  static MapNode iamScheme(Origin at) {
    return Nodes.map(at)
        .put("x-amazon-apigateway-authtype", "awsSigv4")
        .put("type", "apiKey")
        .put("name", "Authorization")
        .put("in", "header")
        .build();
  }

  /** Adds a scheme for each of {@code Auth.Authorizers} that {@code scheme} understands. */
  static MapNode authorizerSchemes(
      SamExpander sam,
      SamApiDeclaration api,
      MapNode schemes,
      Function<Entry, Optional<MapNode>> scheme) {
    MapNode out = schemes;
    if (api.auth("Authorizers") instanceof MapNode authorizers) {
      for (Entry a : authorizers.entries()) {
        Optional<MapNode> written = scheme.apply(a);
        if (written.isPresent()) {
          out = Nodes.with(out, a.key(), written.get());
        } else {
          sam.notes()
              .add(a.keyOrigin(), "authorizer " + a.key() + " of " + api.id + " is not understood");
        }
      }
    }
    return out;
  }

  /** The permission SAM grants an API to invoke each Lambda authorizer. */
  static void authorizerPermissions(
      SamExpander sam, SamApiDeclaration api, TemplateResource resource, boolean httpApi) {
    if (!(api.auth("Authorizers") instanceof MapNode authorizers)) {
      return;
    }
    for (Entry a : authorizers.entries()) {
      Node function = Nodes.get(a.value(), "FunctionArn");
      // HTTP APIs get the permission only on request; REST APIs unless it is disabled.
      boolean enabled =
          httpApi
              ? isTrue(sam, Nodes.get(a.value(), "EnableFunctionDefaultPermissions"))
              : !isTrue(sam, Nodes.get(a.value(), "DisableFunctionDefaultPermissions"));
      if (function == null || !enabled) {
        continue;
      }
      Origin at = a.value().origin();
      sam.put(
          TemplateResource.generated(
              api.id + a.key() + "AuthorizerPermission",
              "AWS::Lambda::Permission",
              Nodes.map(at)
                  .put("Action", "lambda:InvokeFunction")
                  .put("FunctionName", function)
                  .put("Principal", "apigateway.amazonaws.com")
                  .put(
                      "SourceArn",
                      Nodes.sub(
                          "arn:"
                              + (httpApi ? "${AWS::Partition}" : "aws")
                              + ":execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}"
                              + "/authorizers/*",
                          Nodes.map(at).put("__ApiId__", Nodes.ref(api.id, at)).build(),
                          at))
                  .build(),
              at,
              resource));
    }
  }

  static boolean isTrue(SamExpander sam, @Nullable Node node) {
    return sam.text(node).filter("true"::equalsIgnoreCase).isPresent();
  }

  static boolean isFalse(SamExpander sam, @Nullable Node node) {
    return sam.text(node).filter("false"::equalsIgnoreCase).isPresent();
  }
}
