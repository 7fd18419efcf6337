package dev.lambdasec.source.iac.sam;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.cfn.TemplateResource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The SAM APIs of a template, explicit or implicit ({@code ServerlessRestApi}, {@code
 * ServerlessHttpApi}), collecting the routes of the functions' {@code Api} and {@code HttpApi}
 * events and granting each event the permission SAM grants; built once all functions are expanded.
 */
final class SamApis {

  static final String IMPLICIT_REST = "ServerlessRestApi";
  static final String IMPLICIT_HTTP = "ServerlessHttpApi";

  private static final Pattern PATH_PARAMETER =
      Pattern.compile("\\{([a-zA-Z0-9._-]+|[a-zA-Z0-9._-]+\\+|proxy\\+)}");

  private final SamExpander sam;
  private final Map<String, SamApiDeclaration> rest = new LinkedHashMap<>();
  private final Map<String, SamApiDeclaration> http = new LinkedHashMap<>();

  SamApis(SamExpander sam) {
    this.sam = sam;
  }

  void declareRest(TemplateResource r) {
    rest.put(r.id(), new SamApiDeclaration(r.id(), r, properties(r), r.origin(), null));
  }

  void declareHttp(TemplateResource r) {
    http.put(r.id(), new SamApiDeclaration(r.id(), r, properties(r), r.origin(), null));
  }

  private static MapNode properties(TemplateResource r) {
    return r.properties() instanceof MapNode m ? m : Nodes.map(r.origin()).build();
  }

  /** The API an event names ({@code Ref} or logical id), or the implicit one it creates. */
  private @Nullable SamApiDeclaration target(
      Map<String, SamApiDeclaration> apis,
      @Nullable Node named,
      String implicit,
      String type,
      SamFunction fn,
      SamEvents.Event event) {
    if (named == null) {
      return apis.computeIfAbsent(
          implicit,
          id -> {
            MapNode empty = Nodes.map(event.at()).build();
            Node props = sam.implicitProperties(type, id, empty);
            return new SamApiDeclaration(
                id, null, props instanceof MapNode m ? m : empty, event.at(), fn.id());
          });
    }
    Node ref = Nodes.get(named, "Ref");
    Optional<String> id = Nodes.text(ref != null ? ref : named);
    SamApiDeclaration api = id.map(apis::get).orElse(null);
    if (api == null) {
      sam.notes()
          .add(
              event.at(),
              "event "
                  + event.name()
                  + " of "
                  + fn.id()
                  + " does not name an API of this template");
    }
    return api;
  }

  void restEvent(SamFunction fn, SamEvents.Event event) {
    SamApiDeclaration api =
        target(rest, event.get("RestApiId"), IMPLICIT_REST, SamExpander.API, fn, event);
    if (api == null) {
      return;
    }
    Optional<String> path = sam.text(event.get("Path"));
    Optional<String> method = sam.text(event.get("Method")).map(m -> m.toLowerCase(Locale.ROOT));
    if (path.isEmpty() || method.isEmpty()) {
      sam.notes().add(event.at(), "Api event " + event.name() + " needs a Path and a Method");
      return;
    }
    api.routes.add(new SamApiDeclaration.Route(fn, event, path.get(), method.get()));
    // The permission's logical id ends with the stage: Prod for the implicit API, the
    // StageName of an explicit one, or "Stage" when that is not a plain string.
    Node stageName = api.get("StageName");
    String suffix =
        api.declared == null
            ? "Prod"
            : Nodes.text(stageName)
                .filter(s -> !s.isEmpty())
                .map(s -> s.replaceAll("[^A-Za-z0-9]", ""))
                .orElse("Stage");
    String verb = method.get().equals("any") ? "*" : method.get().toUpperCase(Locale.ROOT);
    permission(
        fn,
        event.logicalId() + "Permission" + suffix,
        "arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/"
            + verb
            + permissionPath(path.get()),
        api.id,
        event.at());
  }

  void httpEvent(SamFunction fn, SamEvents.Event event) {
    SamApiDeclaration api =
        target(http, event.get("ApiId"), IMPLICIT_HTTP, SamExpander.HTTP_API, fn, event);
    if (api == null) {
      return;
    }
    String path = sam.text(event.get("Path")).orElse(SamOpenApi.DEFAULT_PATH);
    String method =
        sam.text(event.get("Method"))
            .map(m -> m.toLowerCase(Locale.ROOT))
            .orElse(SamOpenApi.ANY_METHOD);
    boolean defaultRoute = path.equals(SamOpenApi.DEFAULT_PATH);
    boolean coveredByDefault =
        !defaultRoute
            && api.routes.stream()
                .anyMatch(r -> r.fn() == fn && r.path().equals(SamOpenApi.DEFAULT_PATH));
    api.routes.add(new SamApiDeclaration.Route(fn, event, path, method));
    if (coveredByDefault) {
      return; // SAM skips it: the function's $default permission covers every route
    }
    boolean any = method.equals("any") || method.equals(SamOpenApi.ANY_METHOD);
    String resource =
        defaultRoute
            ? "/*"
            : "/" + (any ? "*" : method.toUpperCase(Locale.ROOT)) + permissionPath(path);
    permission(
        fn,
        event.logicalId() + "Permission",
        "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}"
            + "/${__Stage__}"
            + resource,
        api.id,
        event.at());
  }

  /** A route path in an execute-api ARN: no trailing slash, path parameters as {@code *}. */
  private static String permissionPath(String path) {
    String trimmed =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return PATH_PARAMETER.matcher(trimmed).replaceAll("*");
  }

  private void permission(SamFunction fn, String id, String sourceArn, String apiId, Origin at) {
    sam.put(
        TemplateResource.generated(
            id,
            "AWS::Lambda::Permission",
            Nodes.map(at)
                .put("Action", "lambda:InvokeFunction")
                .put("FunctionName", fn.invokeName(at))
                .put("Principal", "apigateway.amazonaws.com")
                .put(
                    "SourceArn",
                    Nodes.sub(
                        sourceArn,
                        Nodes.map(at)
                            .put("__ApiId__", Nodes.ref(apiId, at))
                            .put("__Stage__", "*")
                            .build(),
                        at))
                .build(),
            at,
            fn.resource()));
  }

  /** Writes every API with its routes. */
  void build() {
    rest.values().forEach(api -> new SamRestApi(sam, api).build());
    http.values().forEach(api -> new SamHttpApi(sam, api).build());
  }
}
