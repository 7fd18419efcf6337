package dev.lambdasec.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The root of the model: every resource read from all inputs of one scan, with lookups by key and
 * ARN. Immutable; build it with {@link #builder()}.
 */
public final class Application {

  private final List<SourceUnit> sources;
  private final List<LambdaFunction> functions;
  private final List<Role> roles;
  private final List<ManagedPolicy> managedPolicies;
  private final List<Permission> permissions;
  private final List<FunctionUrl> functionUrls;
  private final List<Api> apis;
  private final List<ApiRoute> apiRoutes;
  private final List<Authorizer> authorizers;
  private final List<RequestValidator> requestValidators;
  private final List<EventSourceMapping> eventSourceMappings;
  private final List<ServiceNotification> notifications;
  private final List<LogGroup> logGroups;
  private final List<KmsKey> kmsKeys;
  private final List<Layer> layers;
  private final List<Subnet> subnets;
  private final List<SecurityGroup> securityGroups;
  private final List<Trail> trails;
  private final List<CodeSigningConfig> codeSigningConfigs;
  private final List<Alarm> alarms;
  private final List<AccountRegion> accountRegions;
  private final List<IamUser> users;
  private final List<IamGroup> groups;
  private final List<Suppression> suppressions;
  private final Map<ResourceKey, Resource> byKey = new HashMap<>();
  private final Map<String, List<Resource>> byLiteral = new HashMap<>();

  private Application(Builder b) {
    sources = List.copyOf(b.sources);
    functions = List.copyOf(b.functions);
    roles = List.copyOf(b.roles);
    managedPolicies = List.copyOf(b.managedPolicies);
    permissions = List.copyOf(b.permissions);
    functionUrls = List.copyOf(b.functionUrls);
    apis = List.copyOf(b.apis);
    apiRoutes = List.copyOf(b.apiRoutes);
    authorizers = List.copyOf(b.authorizers);
    requestValidators = List.copyOf(b.requestValidators);
    eventSourceMappings = List.copyOf(b.eventSourceMappings);
    notifications = List.copyOf(b.notifications);
    logGroups = List.copyOf(b.logGroups);
    kmsKeys = List.copyOf(b.kmsKeys);
    layers = List.copyOf(b.layers);
    subnets = List.copyOf(b.subnets);
    securityGroups = List.copyOf(b.securityGroups);
    trails = List.copyOf(b.trails);
    codeSigningConfigs = List.copyOf(b.codeSigningConfigs);
    alarms = List.copyOf(b.alarms);
    accountRegions = List.copyOf(b.accountRegions);
    users = List.copyOf(b.users);
    groups = List.copyOf(b.groups);
    suppressions = List.copyOf(b.suppressions);
    resources().forEach(this::index);
  }

  private void index(Resource r) {
    byKey.putIfAbsent(r.key(), r);
    identifiers(r).forEach(lit -> byLiteral.computeIfAbsent(lit, k -> new ArrayList<>()).add(r));
  }

  /** ARNs and names under which other resources may refer to {@code r} by literal. */
  private static Stream<String> identifiers(Resource r) {
    return switch (r) {
      case LambdaFunction f -> Stream.of(f.arn(), f.name()).flatMap(v -> v.known().stream());
      case Role role -> Stream.of(role.arn()).flatMap(v -> v.known().stream());
      case ManagedPolicy p -> Stream.of(p.arn()).flatMap(v -> v.known().stream());
      case IamUser u -> Stream.of(u.name()).flatMap(v -> v.known().stream());
      case IamGroup g -> Stream.of(g.name()).flatMap(v -> v.known().stream());
      case KmsKey k -> Stream.of(k.arn()).flatMap(v -> v.known().stream());
      case Layer l -> Stream.of(l.arn()).flatMap(v -> v.known().stream());
      case LogGroup g -> Stream.of(g.name()).flatMap(v -> v.known().stream());
      default -> Stream.empty();
    };
  }

  public static Builder builder() {
    return new Builder();
  }

  public static Application empty() {
    return new Builder().build();
  }

  /** Every resource of every type. */
  public Stream<Resource> resources() {
    return Stream.<List<? extends Resource>>of(
            functions,
            roles,
            managedPolicies,
            permissions,
            functionUrls,
            apis,
            apiRoutes,
            authorizers,
            requestValidators,
            eventSourceMappings,
            notifications,
            logGroups,
            kmsKeys,
            layers,
            subnets,
            securityGroups,
            trails,
            codeSigningConfigs,
            alarms,
            accountRegions,
            users,
            groups)
        .flatMap(List::stream);
  }

  /** The resource a reference points at, when it is part of this application. */
  public Optional<Resource> resolve(Ref ref) {
    return resolve(ref, Resource.class);
  }

  /**
   * The resource of the given type a reference points at: by key, or by an ARN or name one of the
   * application's resources of that type carries.
   */
  public <T extends Resource> Optional<T> resolve(Ref ref, Class<T> type) {
    ResourceKey key = ref.key();
    if (key != null) {
      return Optional.ofNullable(byKey.get(key)).filter(type::isInstance).map(type::cast);
    }
    String literal = ref.literal();
    if (literal == null) {
      return Optional.empty();
    }
    return byLiteral.getOrDefault(literal, List.of()).stream()
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst();
  }

  /** The resource of the given type a value points at, when the value is known and resolvable. */
  public <T extends Resource> Optional<T> resolve(Value<Ref> ref, Class<T> type) {
    return ref.known().flatMap(r -> resolve(r, type));
  }

  public Optional<Resource> byKey(ResourceKey key) {
    return Optional.ofNullable(byKey.get(key));
  }

  public List<SourceUnit> sources() {
    return sources;
  }

  public List<LambdaFunction> functions() {
    return functions;
  }

  public List<Role> roles() {
    return roles;
  }

  public List<ManagedPolicy> managedPolicies() {
    return managedPolicies;
  }

  public List<Permission> permissions() {
    return permissions;
  }

  public List<FunctionUrl> functionUrls() {
    return functionUrls;
  }

  public List<Api> apis() {
    return apis;
  }

  public List<ApiRoute> apiRoutes() {
    return apiRoutes;
  }

  public List<Authorizer> authorizers() {
    return authorizers;
  }

  public List<RequestValidator> requestValidators() {
    return requestValidators;
  }

  public List<EventSourceMapping> eventSourceMappings() {
    return eventSourceMappings;
  }

  public List<ServiceNotification> notifications() {
    return notifications;
  }

  public List<LogGroup> logGroups() {
    return logGroups;
  }

  public List<KmsKey> kmsKeys() {
    return kmsKeys;
  }

  public List<Layer> layers() {
    return layers;
  }

  public List<Subnet> subnets() {
    return subnets;
  }

  public List<SecurityGroup> securityGroups() {
    return securityGroups;
  }

  public List<Trail> trails() {
    return trails;
  }

  public List<CodeSigningConfig> codeSigningConfigs() {
    return codeSigningConfigs;
  }

  public List<Alarm> alarms() {
    return alarms;
  }

  /** The accounts and regions a live collection covered, with their security services. */
  public List<AccountRegion> accountRegions() {
    return accountRegions;
  }

  public List<IamUser> users() {
    return users;
  }

  public List<IamGroup> groups() {
    return groups;
  }

  /** Inline suppressions written in the sources. */
  public List<Suppression> suppressions() {
    return suppressions;
  }

  /** Accumulates resources from one or more adapters. */
  public static final class Builder {
    private final List<SourceUnit> sources = new ArrayList<>();
    private final List<LambdaFunction> functions = new ArrayList<>();
    private final List<Role> roles = new ArrayList<>();
    private final List<ManagedPolicy> managedPolicies = new ArrayList<>();
    private final List<Permission> permissions = new ArrayList<>();
    private final List<FunctionUrl> functionUrls = new ArrayList<>();
    private final List<Api> apis = new ArrayList<>();
    private final List<ApiRoute> apiRoutes = new ArrayList<>();
    private final List<Authorizer> authorizers = new ArrayList<>();
    private final List<RequestValidator> requestValidators = new ArrayList<>();
    private final List<EventSourceMapping> eventSourceMappings = new ArrayList<>();
    private final List<ServiceNotification> notifications = new ArrayList<>();
    private final List<LogGroup> logGroups = new ArrayList<>();
    private final List<KmsKey> kmsKeys = new ArrayList<>();
    private final List<Layer> layers = new ArrayList<>();
    private final List<Subnet> subnets = new ArrayList<>();
    private final List<SecurityGroup> securityGroups = new ArrayList<>();
    private final List<Trail> trails = new ArrayList<>();
    private final List<CodeSigningConfig> codeSigningConfigs = new ArrayList<>();
    private final List<Alarm> alarms = new ArrayList<>();
    private final List<AccountRegion> accountRegions = new ArrayList<>();
    private final List<IamUser> users = new ArrayList<>();
    private final List<IamGroup> groups = new ArrayList<>();
    private final List<Suppression> suppressions = new ArrayList<>();

    private Builder() {}

    public Builder source(SourceUnit unit) {
      sources.add(unit);
      return this;
    }

    /** Adds a resource to the list for its type. */
    public Builder add(Resource r) {
      switch (r) {
        case LambdaFunction f -> functions.add(f);
        case Role x -> roles.add(x);
        case ManagedPolicy x -> managedPolicies.add(x);
        case Permission x -> permissions.add(x);
        case FunctionUrl x -> functionUrls.add(x);
        case Api x -> apis.add(x);
        case ApiRoute x -> apiRoutes.add(x);
        case Authorizer x -> authorizers.add(x);
        case RequestValidator x -> requestValidators.add(x);
        case EventSourceMapping x -> eventSourceMappings.add(x);
        case ServiceNotification x -> notifications.add(x);
        case LogGroup x -> logGroups.add(x);
        case KmsKey x -> kmsKeys.add(x);
        case Layer x -> layers.add(x);
        case Subnet x -> subnets.add(x);
        case SecurityGroup x -> securityGroups.add(x);
        case Trail x -> trails.add(x);
        case CodeSigningConfig x -> codeSigningConfigs.add(x);
        case Alarm x -> alarms.add(x);
        case AccountRegion x -> accountRegions.add(x);
        case IamUser x -> users.add(x);
        case IamGroup x -> groups.add(x);
        default -> throw new IllegalArgumentException("unknown resource type " + r.getClass());
      }
      return this;
    }

    public Builder suppression(Suppression s) {
      suppressions.add(s);
      return this;
    }

    /** Adds everything from another application. */
    public Builder addAll(Application other) {
      sources.addAll(other.sources());
      other.resources().forEach(this::add);
      suppressions.addAll(other.suppressions());
      return this;
    }

    public Application build() {
      return new Application(this);
    }
  }
}
