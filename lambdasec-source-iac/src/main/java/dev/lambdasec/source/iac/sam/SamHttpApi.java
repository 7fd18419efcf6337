package dev.lambdasec.source.iac.sam;

import static dev.lambdasec.source.iac.sam.SamOpenApi.INTEGRATION;
import static dev.lambdasec.source.iac.sam.SamOpenApi.METHODS;
import static dev.lambdasec.source.iac.sam.SamOpenApi.requirement;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.cfn.TemplateResource;
import java.util.Optional;

/**
 * An {@code AWS::Serverless::HttpApi} (or the implicit {@code ServerlessHttpApi}) as SAM writes it:
 * an {@code AWS::ApiGatewayV2::Api} whose OpenAPI 3 body holds the event routes, the default
 * authorizer, the authorizers as security schemes and {@code x-amazon-apigateway-cors}, plus its
 * {@code $default} stage.
 */
final class SamHttpApi {

  private final SamExpander sam;
  private final SamApiDeclaration api;

  SamHttpApi(SamExpander sam, SamApiDeclaration api) {
    this.sam = sam;
    this.api = api;
  }

  void build() {
    OpenApiDocument doc =
        SamOpenApi.definition(sam, api, SamOpenApi.skeleton(api, true), this::operation);
    Node defaultAuthorizer = api.auth("DefaultAuthorizer");
    Optional<String> defaultName = Nodes.text(defaultAuthorizer);
    if (defaultName.isPresent() && defaultAuthorizer != null) {
      Origin at = defaultAuthorizer.origin();
      doc.rewrite((method, op) -> {
        boolean unsecured =
            METHODS.contains(method)
                && op instanceof MapNode m
                && m.get(INTEGRATION).isPresent()
                && Nodes.items(m.get("security").orElse(null)).isEmpty();
        return unsecured
            ? Nodes.with(
                (MapNode) op, "security", Nodes.list(at, requirement(defaultName.get(), at)))
            : op;
      });
    }
    doc.rewrite((method, op) -> METHODS.contains(method) ? SamOpenApi.withoutMarkers(op) : op);
    securitySchemes(doc);
    Node cors = api.get("CorsConfiguration");
    if (cors != null) {
      doc.putTop("x-amazon-apigateway-cors", cors(cors));
    }
    MapNode props =
        Nodes.map(api.origin).put("Name", api.get("Name")).put("Body", doc.build()).build();
    TemplateResource resource = api.resource("AWS::ApiGatewayV2::Api", SamExpander.HTTP_API, props);
    sam.put(resource);
    Node stageName = api.get("StageName");
    Origin at = stageName != null ? stageName.origin() : api.origin;
    sam.put(
        TemplateResource.generated(
            api.id + "ApiGatewayDefaultStage",
            "AWS::ApiGatewayV2::Stage",
            Nodes.map(at)
                .put("ApiId", Nodes.ref(api.id, at))
                .put(
                    "StageName",
                    stageName != null ? stageName : Nodes.string(SamOpenApi.DEFAULT_PATH, at))
                .put("AccessLogSettings", api.get("AccessLogSettings"))
                .build(),
            at,
            resource));
    SamOpenApi.authorizerPermissions(sam, api, resource, true);
  }

  /** The operation SAM writes for an {@code HttpApi} event. */
  private MapNode operation(SamApiDeclaration.Route route) {
    SamEvents.Event event = route.event();
    Origin at = event.at();
    Node version = event.get("PayloadFormatVersion");
    MapNode integration =
        Nodes.with(
            SamOpenApi.integration(route.fn(), at, true),
            "payloadFormatVersion",
            version != null ? version : Nodes.string("2.0", at));
    Nodes.MapBuilder op = Nodes.map(at).put(INTEGRATION, integration);
    Node authorizer = Nodes.get(event.get("Auth"), "Authorizer");
    Optional<String> name = Nodes.text(authorizer);
    if (authorizer != null && name.isPresent()) {
      op.put(
          "security",
          Nodes.list(authorizer.origin(), requirement(name.get(), authorizer.origin())));
    }
    if (route.path().equals(SamOpenApi.DEFAULT_PATH)) {
      op.put("isDefaultRoute", Nodes.bool(true, at));
    }
    return op.put("responses", Nodes.map(at).build()).build();
  }

  /** {@code components.securitySchemes}: the authorizers and, when enabled, {@code AWS_IAM}. */
  private void securitySchemes(OpenApiDocument doc) {
    Node components = doc.top("components");
    Node existing = Nodes.get(components, "securitySchemes");
    MapNode schemes = existing instanceof MapNode m ? m : Nodes.map(api.origin).build();
    schemes = SamOpenApi.authorizerSchemes(sam, api, schemes, this::scheme);
    boolean iam =
        SamOpenApi.usedSchemes(doc).contains("AWS_IAM")
            || SamOpenApi.isTrue(sam, api.auth("EnableIamAuthorizer"));
    if (iam) {
      schemes = Nodes.with(schemes, "AWS_IAM", SamOpenApi.iamScheme(api.authOrigin()));
    }
    if (!schemes.entries().isEmpty()) {
      MapNode c = components instanceof MapNode m ? m : Nodes.map(api.origin).build();
      doc.putTop("components", Nodes.with(c, "securitySchemes", schemes));
    }
  }

  /** An HTTP API authorizer: JWT ({@code JwtConfiguration}) or Lambda ({@code FunctionArn}). */
  private Optional<MapNode> scheme(Entry authorizer) {
    Node def = authorizer.value();
    Origin at = def.origin();
    Node jwt = Nodes.get(def, "JwtConfiguration");
    Node function = Nodes.get(def, "FunctionArn");
    if (jwt != null) {
      return Optional.of(
          Nodes.map(at)
              .put("type", "oauth2")
              .put(
                  "x-amazon-apigateway-authorizer",
                  Nodes.map(at)
                      .put("jwtConfiguration", jwt)
                      .put("identitySource", Nodes.get(def, "IdentitySource"))
                      .put("type", "jwt")
                      .build())
              .build());
    }
    if (function != null) {
      return Optional.of(
          Nodes.map(at)
              .put("type", "apiKey")
              .put("name", "Unused")
              .put("in", "header")
              .put(
                  "x-amazon-apigateway-authorizer",
                  Nodes.map(at)
                      .put("type", "request")
                      .put("authorizerUri", SamOpenApi.authorizerUri(function, at))
                      .put(
                          "authorizerPayloadFormatVersion",
                          Nodes.get(def, "AuthorizerPayloadFormatVersion"))
                      .build())
              .build());
    }
    return Optional.empty();
  }

  /**
   * {@code CorsConfiguration}: {@code true} allows any origin; a map is copied in lower camel case.
   */
  private Node cors(Node cors) {
    Origin at = cors.origin();
    if (cors instanceof MapNode m && !Nodes.isIntrinsic(m)) {
      Nodes.MapBuilder out = Nodes.map(at);
      for (Entry e : m.entries()) {
        out.put(Character.toLowerCase(e.key().charAt(0)) + e.key().substring(1), e.value());
      }
      return out.build();
    }
    if (SamOpenApi.isTrue(sam, cors)) {
      return Nodes.map(at).put("allowOrigins", Nodes.list(at, Nodes.string("*", at))).build();
    }
    return cors;
  }
}
