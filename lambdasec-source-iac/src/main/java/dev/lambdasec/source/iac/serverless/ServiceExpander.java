package dev.lambdasec.source.iac.serverless;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.cfn.Notes;
import dev.lambdasec.source.iac.cfn.TemplateResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Expands a resolved service into the CloudFormation-shaped resources the framework deploys:
 * functions, log groups, the shared execution role, APIs, event resources and permissions, layers,
 * then {@code resources:} merged over them as the framework merges it. Functions keep their key as
 * their id; {@code Ref}s to the framework's logical id ({@code HelloLambdaFunction}) are rewritten
 * to it.
 */
final class ServiceExpander {

  /**
   * The plugins that give a function with {@code iamRoleStatements} a role of its own: {@code
   * serverless-iam-roles-per-function} (npm, functionalone) and its fork {@code
   * serverless-granular-iam} (npm, CoorpAcademy), which read the same function settings.
   */
  private static final Set<String> PER_FUNCTION_ROLE_PLUGINS =
      Set.of("serverless-iam-roles-per-function", "serverless-granular-iam");

  /**
   * The plugin (npm, AntonBazhal) that gives every function without {@code role} a role of its own,
   * holding the provider's statements and the function's {@code iamRoleStatements}.
   */
  private static final String CUSTOM_ROLES_PLUGIN = "serverless-plugin-custom-roles";

  /** Which plugin, if any, gives functions roles of their own. */
  private enum RolePlugin {
    NONE,
    PER_FUNCTION,
    CUSTOM_ROLES
  }

  /** The resources of the service and the template sections {@code resources:} brings. */
  record Expansion(
      List<TemplateResource> resources,
      MapNode parameters,
      MapNode mappings,
      MapNode conditions,
      Map<String, String> renamed) {}

  private final Service service;
  private final Notes notes;
  private final Map<String, TemplateResource> out = new LinkedHashMap<>();
  private final Map<String, String> renamed = new HashMap<>();
  private final Set<String> functionKeys;
  private final RestApi rest;
  private final HttpApi http;
  private final WebSocketApi websockets;
  private final Events events;
  private final ExecutionRole shared;

  ServiceExpander(Service service, Notes notes) {
    this.service = service;
    this.notes = notes;
    this.functionKeys = functions().keySet();
    this.rest = new RestApi(this);
    this.http = new HttpApi(this);
    this.websockets = new WebSocketApi(this);
    this.events = new Events(this);
    this.shared = new ExecutionRole(LogicalIds.SHARED_ROLE, roleOrigin(), "provider");
  }

  Service service() {
    return service;
  }

  Notes notes() {
    return notes;
  }

  RestApi rest() {
    return rest;
  }

  HttpApi http() {
    return http;
  }

  WebSocketApi websockets() {
    return websockets;
  }

  Events events() {
    return events;
  }

  boolean isFunction(String key) {
    return functionKeys.contains(key);
  }

  Optional<TemplateResource> resource(String id) {
    return Optional.ofNullable(out.get(id));
  }

  /** Adds (or replaces) a generated resource. */
  void put(String id, String type, Node properties, Origin at, @Nullable String definedBy) {
    out.put(
        id,
        new TemplateResource(
            id, type, type, properties, at, null, definedBy, Nodes.map(at).build()));
  }

  /** Records that the framework's logical id {@code frameworkId} is {@code modelId} here. */
  void rename(String frameworkId, String modelId) {
    renamed.put(frameworkId, modelId);
  }

  Expansion expand() {
    layers();
    Node providerRole = providerRole();
    List<Map.Entry<Fn, ExecutionRole>> ownRoles = new ArrayList<>();
    RolePlugin plugin = rolePlugin();
    for (Map.Entry<String, Entry> f : functions().entrySet()) {
      Entry e = f.getValue();
      Origin at = e.keyOrigin().withResource(f.getKey());
      if (!(e.value() instanceof MapNode config)) {
        String why = e.value() instanceof Unresolved u ? u.reason() : "it is not a map";
        notes.add(at, "function " + f.getKey() + " is not read: " + why);
        continue;
      }
      ExecutionRole role = null;
      Node statements = config.get("iamRoleStatements").orElse(null);
      if (config.get("role").isEmpty()) {
        if (plugin == RolePlugin.CUSTOM_ROLES) {
          role = new ExecutionRole(LogicalIds.lambda(f.getKey()) + "Role", at, f.getKey());
        } else if (statements != null && plugin == RolePlugin.PER_FUNCTION) {
          role =
              new ExecutionRole(
                  LogicalIds.function(f.getKey()) + "IamRoleLambdaExecution",
                  statements.origin(),
                  f.getKey());
        } else {
          if (statements != null) {
            notes.add(
                statements.origin(),
                "iamRoleStatements of function "
                    + f.getKey()
                    + " are ignored: the framework reads them only through the"
                    + " serverless-iam-roles-per-function plugin, which plugins does not list;"
                    + " the function runs as "
                    + (providerRole == null ? LogicalIds.SHARED_ROLE : "the provider's role"));
          }
          if (providerRole == null) {
            role = shared;
          }
        }
      }
      Fn fn = new Fn(f.getKey(), config, at, role);
      new FunctionExpander(this, fn).expand(providerRole);
      if (role != null && role != shared) {
        ownRoles.add(Map.entry(fn, role));
      }
    }
    rest.build();
    http.build();
    websockets.build();
    if (shared.used()) {
      out.put(shared.id(), sharedRole());
    }
    for (Map.Entry<Fn, ExecutionRole> own : ownRoles) {
      Fn fn = own.getKey();
      out.put(
          own.getValue().id(),
          plugin == RolePlugin.CUSTOM_ROLES
              ? customRole(fn, own.getValue())
              : functionRole(fn, own.getValue()));
    }
    return resources();
  }

  /** {@code functions}: a map, or a list of maps (one per included file). */
  private Map<String, Entry> functions() {
    Map<String, Entry> all = new LinkedHashMap<>();
    Node section = service.config().get("functions").orElse(null);
    for (Node part : section instanceof ListNode l ? l.items() : Nodes.items(section)) {
      if (part instanceof MapNode m) {
        for (Entry e : m.entries()) {
          all.put(e.key(), e);
        }
      } else if (part instanceof Unresolved u) {
        notes.add(u.origin(), "functions are not read: " + u.reason());
      }
    }
    return all;
  }

  /**
   * The role plugin {@code plugins} (a list, or {@code modules} of a map) lists, under any npm
   * scope or local path; plugins that only name the roles another makes do not count.
   */
  private RolePlugin rolePlugin() {
    Node plugins = service.config().get("plugins").orElse(null);
    Node list = plugins instanceof MapNode m ? m.get("modules").orElse(null) : plugins;
    List<String> names =
        Nodes.items(list).stream()
            .map(Service::text)
            .flatMap(Optional::stream)
            .map(p -> p.substring(p.lastIndexOf('/') + 1).strip())
            .toList();
    if (names.contains(CUSTOM_ROLES_PLUGIN)) {
      return RolePlugin.CUSTOM_ROLES;
    }
    return names.stream().anyMatch(PER_FUNCTION_ROLE_PLUGINS::contains)
        ? RolePlugin.PER_FUNCTION
        : RolePlugin.NONE;
  }

  /** {@code provider.iam.role} (or the older {@code provider.role}) when it names a role. */
  private @Nullable Node providerRole() {
    Node role = service.provider("iam", "role");
    if (role == null || (role instanceof MapNode m && !Nodes.isIntrinsic(m))) {
      role = service.provider("role");
    }
    if (role == null || (role instanceof MapNode m && !Nodes.isIntrinsic(m))) {
      return null;
    }
    return role instanceof Scalar s && s.kind() == Scalar.Kind.NULL ? null : role;
  }

  private Origin roleOrigin() {
    for (String key : List.of("iam", "iamRoleStatements", "iamManagedPolicies")) {
      if (service.provider(key) != null) {
        return service.providerOrigin(key).withResource(LogicalIds.SHARED_ROLE);
      }
    }
    return service.provider().origin().withResource(LogicalIds.SHARED_ROLE);
  }

  /**
   * {@code IamRoleLambdaExecution}, with {@code provider.iam.role} or the older settings (the
   * framework's schema accepts both {@code permissionsBoundary} and {@code permissionBoundary}).
   */
  private TemplateResource sharedRole() {
    Origin at = roleOrigin();
    Node config = service.provider("iam", "role");
    MapNode role = config instanceof MapNode m && !Nodes.isIntrinsic(m) ? m : Nodes.map(at).build();
    List<Node> statements = new ArrayList<>(items(role.get("statements").orElse(null)));
    statements.addAll(items(service.provider("iamRoleStatements")));
    List<Node> managed = new ArrayList<>(items(role.get("managedPolicies").orElse(null)));
    managed.addAll(items(service.provider("iamManagedPolicies")));
    Node name = role.get("name").orElse(null);
    Node boundary = role.get("permissionsBoundary").orElse(null);
    if (boundary == null) {
      boundary = role.get("permissionBoundary").orElse(service.provider("rolePermissionsBoundary"));
    }
    return shared.build(
        name != null
            ? name
            : Service.join(
                at, service.name(), "-", service.stage(), "-", service.region(), "-lambdaRole"),
        Service.join(at, service.stage(), "-", service.name(), "-lambda"),
        service.prefix(at),
        statements,
        managed,
        role.get("path").orElse(null),
        boundary,
        tags(role.get("tags").orElse(null)));
  }

  /**
   * The role the {@code serverless-iam-roles-per-function} plugin creates for a function with
   * {@code iamRoleStatements}: log writes for that function, its statements (and the provider's
   * when {@code iamRoleStatementsInherit} is true), what its events need.
   */
  private TemplateResource functionRole(Fn fn, ExecutionRole role) {
    Origin at = fn.at();
    List<Node> statements = new ArrayList<>(items(fn.get("iamRoleStatements")));
    if (Service.isTrue(fn.get("iamRoleStatementsInherit"))) {
      statements.addAll(items(service.provider("iam", "role", "statements")));
      statements.addAll(items(service.provider("iamRoleStatements")));
    }
    Node name = fn.get("iamRoleStatementsName");
    Node boundary = fn.get("iamPermissionsBoundary");
    return role.build(
        name != null
            ? name
            : Service.join(
                at,
                service.name(),
                "-",
                service.stage(),
                "-",
                fn.key(),
                "-",
                service.region(),
                "-lambdaRole"),
        Service.join(at, service.name(), "-", service.stage(), "-", fn.key(), "-lambda"),
        null,
        statements,
        items(fn.get("iamManagedPolicies")),
        null,
        boundary != null ? boundary : service.provider("rolePermissionsBoundary"),
        null);
  }

  /**
   * The role {@code serverless-plugin-custom-roles} creates for a function: log writes for it, the
   * provider's statements ({@code provider.iam.role.statements}, else the older {@code
   * iamRoleStatements}), the function's own, what its events need; no name, the provider's
   * permissions boundary.
   */
  private TemplateResource customRole(Fn fn, ExecutionRole role) {
    Node provider = service.provider("iam", "role", "statements");
    List<Node> statements =
        new ArrayList<>(items(provider != null ? provider : service.provider("iamRoleStatements")));
    statements.addAll(items(fn.get("iamRoleStatements")));
    Node boundary = service.provider("iam", "role", "permissionsBoundary");
    return role.build(
        null,
        Nodes.string("custom", fn.at()),
        null,
        statements,
        List.of(),
        null,
        boundary != null ? boundary : service.provider("rolePermissionsBoundary"),
        null);
  }

  private static List<Node> items(@Nullable Node node) {
    if (node == null || (node instanceof Scalar s && s.kind() == Scalar.Kind.NULL)) {
      return List.of();
    }
    return Nodes.items(node);
  }

  /** Tags written as a map, as CloudFormation's list of {@code {Key, Value}}. */
  private static @Nullable Node tags(@Nullable Node tags) {
    if (!(tags instanceof MapNode m) || Nodes.isIntrinsic(m)) {
      return tags;
    }
    List<Node> list = new ArrayList<>();
    for (Entry e : m.entries()) {
      list.add(
          Nodes.map(e.keyOrigin())
              .put("Key", Nodes.string(e.key(), e.keyOrigin()))
              .put("Value", e.value())
              .build());
    }
    return Nodes.list(list, m.origin());
  }

  /** {@code layers:} as {@code <Name>LambdaLayer}, with the accounts allowed to use them. */
  private void layers() {
    for (Entry e : service.section("layers").entries()) {
      String id = LogicalIds.function(e.key()) + "LambdaLayer";
      Origin at = e.keyOrigin().withResource(id);
      Node layer = e.value();
      Node name = Nodes.get(layer, "name");
      put(
          id,
          "AWS::Lambda::LayerVersion",
          Nodes.map(at)
              .put("LayerName", name != null ? name : Nodes.string(e.key(), at))
              .put("Description", Nodes.get(layer, "description"))
              .put("CompatibleRuntimes", Nodes.get(layer, "compatibleRuntimes"))
              .put("LicenseInfo", Nodes.get(layer, "licenseInfo"))
              .put("Content", Nodes.get(layer, "path"))
              .build(),
          at,
          null);
      for (Node account : items(Nodes.get(layer, "allowedAccounts"))) {
        String who = Service.text(account).orElse("");
        put(
            id + "Permission" + (who.equals("*") ? "All" : LogicalIds.alphanumeric(who)),
            "AWS::Lambda::LayerVersionPermission",
            Nodes.map(account.origin())
                .put("Action", "lambda:GetLayerVersion")
                .put("LayerVersionArn", Nodes.ref(id, account.origin()))
                .put("Principal", account)
                .build(),
            account.origin(),
            id);
      }
    }
  }

  /** The generated resources with {@code resources:} merged over them, references rewritten. */
  private Expansion resources() {
    Node section = service.config().get("resources").orElse(null);
    List<Entry> parameters = new ArrayList<>();
    List<Entry> mappings = new ArrayList<>();
    List<Entry> conditions = new ArrayList<>();
    for (Node part : section instanceof ListNode l ? l.items() : Nodes.items(section)) {
      if (part instanceof Unresolved u) {
        notes.add(u.origin(), "resources are not read: " + u.reason());
        continue;
      }
      if (!(part instanceof MapNode m)) {
        continue;
      }
      sectionEntries(m, "Parameters").forEach(parameters::add);
      sectionEntries(m, "Mappings").forEach(mappings::add);
      sectionEntries(m, "Conditions").forEach(conditions::add);
      for (Entry e : sectionEntries(m, "Resources")) {
        declare(e);
      }
      for (Entry e : sectionEntries(m, "extensions")) {
        extend(e);
      }
    }
    ReferenceRewriter rewriter = new ReferenceRewriter(renamed);
    List<TemplateResource> all =
        out.values().stream().map(r -> r.withProperties(rewriter.rewrite(r.properties()))).toList();
    Origin at = service.config().origin();
    return new Expansion(
        all,
        new MapNode(parameters, at),
        new MapNode(mappings, at),
        new MapNode(conditions, at),
        Map.copyOf(renamed));
  }

  private static List<Entry> sectionEntries(MapNode part, String key) {
    return part.get(key).orElse(null) instanceof MapNode m ? m.entries() : List.of();
  }

  /** A resource of {@code resources.Resources}: new, or merged over the generated one. */
  private void declare(Entry e) {
    String id = renamed.getOrDefault(e.key(), e.key());
    Origin at = e.keyOrigin().withResource(id);
    if (!(e.value() instanceof MapNode value)) {
      String why = e.value() instanceof Unresolved u ? u.reason() : "it is not a map";
      notes.add(at, "resource " + e.key() + " is not read: " + why);
      return;
    }
    TemplateResource generated = out.get(id);
    Node properties = value.get("Properties").orElse(null);
    if (generated != null) {
      out.put(id, merged(generated, value, properties));
      return;
    }
    Optional<String> type = Nodes.text(value, "Type");
    if (type.isEmpty()) {
      notes.add(at, "resource " + e.key() + " has no Type; skipped");
      return;
    }
    out.put(
        id,
        TemplateResource.declared(
            id, value, type.get(), properties == null ? Nodes.map(at).build() : properties, at));
  }

  /** {@code resources.extensions}: properties merged into a resource the framework generates. */
  private void extend(Entry e) {
    String id = renamed.getOrDefault(e.key(), e.key());
    TemplateResource generated = out.get(id);
    if (generated == null || !(e.value() instanceof MapNode value)) {
      notes.add(e.keyOrigin(), "extension of " + e.key() + ", which the service does not generate");
      return;
    }
    out.put(id, merged(generated, value, value.get("Properties").orElse(null)));
  }

  private static TemplateResource merged(
      TemplateResource generated, MapNode written, @Nullable Node properties) {
    Node merged =
        properties == null ? generated.properties() : deepMerge(generated.properties(), properties);
    return new TemplateResource(
        generated.id(),
        generated.type(),
        generated.modelType(),
        merged,
        generated.origin(),
        Nodes.text(written, "Condition").orElse(generated.condition()),
        generated.definedBy(),
        written);
  }

  /** Maps merged key by key, the written value winning; anything else is replaced. */
  static Node deepMerge(Node base, Node over) {
    if (!(base instanceof MapNode b)
        || !(over instanceof MapNode o)
        || Nodes.isIntrinsic(b)
        || Nodes.isIntrinsic(o)) {
      return over;
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Entry e : b.entries()) {
      entries.put(e.key(), e);
    }
    for (Entry e : o.entries()) {
      Entry existing = entries.get(e.key());
      entries.put(
          e.key(),
          existing == null
              ? e
              : new Entry(e.key(), e.keyOrigin(), deepMerge(existing.value(), e.value())));
    }
    return new MapNode(List.copyOf(entries.values()), o.origin());
  }
}
