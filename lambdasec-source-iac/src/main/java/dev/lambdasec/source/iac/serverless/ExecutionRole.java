package dev.lambdasec.source.iac.serverless;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.cfn.TemplateResource;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An execution role the framework generates: {@code IamRoleLambdaExecution}, shared by every
 * function without a role of its own, or the per-function role of the {@code
 * serverless-iam-roles-per-function} or {@code serverless-plugin-custom-roles} plugin. It trusts
 * Lambda, lets the functions write their logs, and holds the statements the service writes plus
 * those its events and settings need (stream and queue reads, X-Ray, destinations).
 */
final class ExecutionRole {

  static final String VPC_POLICY =
      "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole";

  private final String id;
  private final Origin origin;
  private final @Nullable String definedBy;
  private final List<Node> logGroups = new ArrayList<>();
  private final List<Node> statements = new ArrayList<>();
  private final List<Node> managed = new ArrayList<>();
  private boolean used;

  /**
   * @param definedBy what generated it: {@code provider} for the shared role, the function key for
   *     a per-function role
   */
  ExecutionRole(String id, Origin origin, @Nullable String definedBy) {
    this.id = id;
    this.origin = origin;
    this.definedBy = definedBy;
  }

  String id() {
    return id;
  }

  boolean used() {
    return used;
  }

  /** The role as a function's {@code Role}. */
  Node arn(Origin at) {
    used = true;
    return Nodes.getAtt(id, "Arn", at);
  }

  /** A log group the role's functions write to. */
  void logGroup(Node name) {
    logGroups.add(name);
  }

  /**
   * A written statement whose values read at deployment from outside the service ({@code Resource:
   * ${ssm:/orders/table-arn}}) are unresolved: unlike a reference to a resource of the service,
   * such a value may name any resource, {@code *} included.
   */
  private static Node withoutDeployTimeValues(Node n) {
    return switch (n) {
      case Node.Reference r when Variables.isDeployTime(r) ->
          new Unresolved(
              r.placeholder() + " is read at deployment and may name any resource", r.origin());
      case MapNode m ->
          new MapNode(
              m.entries().stream()
                  .map(e ->
                      new Node.Entry(e.key(), e.keyOrigin(), withoutDeployTimeValues(e.value())))
                  .toList(),
              m.origin());
      case Node.ListNode l ->
          new Node.ListNode(
              l.items().stream().map(ExecutionRole::withoutDeployTimeValues).toList(), l.origin());
      default -> n;
    };
  }

  /** A statement the framework adds for an event or a setting; duplicates are kept once. */
  void allow(List<String> actions, List<Node> resources, Origin at) {
    MapNode statement =
        Nodes.map(at)
            .put("Effect", "Allow")
            .put(
                "Action",
                Nodes.list(actions.stream().map(a -> (Node) Nodes.string(a, at)).toList(), at))
            .put("Resource", Nodes.list(resources, at))
            .build();
    String content = Nodes.content(statement);
    if (statements.stream().noneMatch(s -> Nodes.content(s).equals(content))) {
      statements.add(statement);
    }
  }

  /** A managed policy ARN the framework attaches (the VPC access policy). */
  void managed(Node arn) {
    String content = Nodes.content(arn);
    if (managed.stream().noneMatch(m -> Nodes.content(m).equals(content))) {
      managed.add(arn);
    }
  }

  /**
   * The role resource.
   *
   * @param canonical the log group name prefix every default function name starts with ({@code
   *     <service>-<stage>}); log groups outside it are granted one by one
   * @param written the statements the service writes for the role
   * @param writtenManaged the managed policies the service attaches
   */
  TemplateResource build(
      @Nullable Node roleName,
      Node policyName,
      @Nullable Node canonical,
      List<Node> written,
      List<Node> writtenManaged,
      @Nullable Node path,
      @Nullable Node boundary,
      @Nullable Node tags) {
    List<Node> all = new ArrayList<>(logStatements(canonical));
    written.forEach(w -> all.add(withoutDeployTimeValues(w)));
    all.addAll(statements);
    MapNode document =
        Nodes.map(origin)
            .put("Version", "2012-10-17")
            .put("Statement", Nodes.list(all, origin))
            .build();
    List<Node> policies = new ArrayList<>(writtenManaged);
    policies.addAll(managed);
    MapNode properties =
        Nodes.map(origin)
            .put("AssumeRolePolicyDocument", trust())
            .put(
                "Policies",
                Nodes.list(
                    origin,
                    Nodes.map(origin)
                        .put("PolicyName", policyName)
                        .put("PolicyDocument", document)
                        .build()))
            .put("ManagedPolicyArns", policies.isEmpty() ? null : Nodes.list(policies, origin))
            .put("RoleName", roleName)
            .put("Path", path != null ? path : Nodes.string("/", origin))
            .put("PermissionsBoundary", boundary)
            .put("Tags", tags)
            .build();
    return new TemplateResource(
        id,
        "AWS::IAM::Role",
        "AWS::IAM::Role",
        properties,
        origin,
        null,
        definedBy,
        Nodes.map(origin).build());
  }

  /**
   * Create and write access to the functions' log groups: the canonical prefix with a wildcard, and
   * each log group whose name does not start with it.
   */
  private List<Node> logStatements(@Nullable Node canonical) {
    List<Node> names = new ArrayList<>();
    if (canonical != null) {
      names.add(Service.join(origin, canonical, "*"));
    }
    String prefix = canonical instanceof Scalar s ? "/aws/lambda/" + s.text() : null;
    for (Node name : logGroups) {
      boolean covered =
          prefix != null && Service.text(name).filter(n -> n.startsWith(prefix)).isPresent();
      if (!covered) {
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      return List.of();
    }
    List<Node> groups = new ArrayList<>();
    List<Node> streams = new ArrayList<>();
    for (Node name : names) {
      groups.add(arn(name, ":*"));
      streams.add(arn(name, ":*:*"));
    }
    return List.of(
        Nodes.map(origin)
            .put("Effect", "Allow")
            .put(
                "Action",
                Nodes.list(
                    origin,
                    Nodes.string("logs:CreateLogStream", origin),
                    Nodes.string("logs:CreateLogGroup", origin),
                    Nodes.string("logs:TagResource", origin)))
            .put("Resource", Nodes.list(groups, origin))
            .build(),
        Nodes.map(origin)
            .put("Effect", "Allow")
            .put("Action", Nodes.list(origin, Nodes.string("logs:PutLogEvents", origin)))
            .put("Resource", Nodes.list(streams, origin))
            .build());
  }

  /** {@code arn:…:logs:<region>:<account>:log-group:<name><suffix>}. */
  private Node arn(Node name, String suffix) {
    Node full =
        name instanceof Scalar s && s.text() != null && !s.text().startsWith("/aws/lambda/")
            ? Service.join(origin, "/aws/lambda/", s)
            : name;
    if (full instanceof Unresolved u) {
      return u;
    }
    return Nodes.sub(
        "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:"
            + Service.text(full).orElse("")
            + suffix,
        origin);
  }

  /** Lambda may assume the role. */
  private MapNode trust() {
    MapNode statement =
        Nodes.map(origin)
            .put("Effect", "Allow")
            .put(
                "Principal",
                Nodes.map(origin)
                    .put(
                        "Service", Nodes.list(origin, Nodes.string("lambda.amazonaws.com", origin)))
                    .build())
            .put("Action", Nodes.list(origin, Nodes.string("sts:AssumeRole", origin)))
            .build();
    return Nodes.map(origin)
        .put("Version", "2012-10-17")
        .put("Statement", Nodes.list(origin, statement))
        .build();
  }
}
