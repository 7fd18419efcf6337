package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.ResourceKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The resources of one template by logical id, with what is needed to resolve what other resources
 * write about them: physical names, the function behind an alias or version, the key behind a KMS
 * alias.
 */
final class ResourceIndex {

  /** What kind of resource a reference slot expects. */
  enum Kind {
    FUNCTION,
    ROLE,
    USER,
    GROUP,
    MANAGED_POLICY,
    LOG_GROUP,
    KMS_KEY,
    ANY
  }

  private final String scope;
  private final Map<String, ResolvedResource> byId = new LinkedHashMap<>();
  private final Map<Kind, Map<String, String>> byName = new HashMap<>();
  private final Map<String, String> functionOfAlias = new HashMap<>();
  private final Map<String, String> qualifierOfAlias = new HashMap<>();
  private final Map<String, String> keyOfAlias = new HashMap<>();

  ResourceIndex(String scope, List<ResolvedResource> resources) {
    this.scope = scope;
    for (Kind k : Kind.values()) {
      byName.put(k, new HashMap<>());
    }
    resources.forEach(r -> byId.putIfAbsent(r.id(), r));
    for (ResolvedResource r : resources) {
      switch (r.type()) {
        case "AWS::Lambda::Function" -> name(Kind.FUNCTION, r, "FunctionName");
        case "AWS::IAM::Role" -> name(Kind.ROLE, r, "RoleName");
        case "AWS::IAM::User" -> name(Kind.USER, r, "UserName");
        case "AWS::IAM::Group" -> name(Kind.GROUP, r, "GroupName");
        case "AWS::IAM::ManagedPolicy" -> name(Kind.MANAGED_POLICY, r, "ManagedPolicyName");
        case "AWS::Logs::LogGroup" -> name(Kind.LOG_GROUP, r, "LogGroupName");
        default -> {
          // not referred to by name
        }
      }
    }
    for (ResolvedResource r : resources) {
      switch (r.type()) {
        case "AWS::Lambda::Alias", "AWS::Lambda::Version" -> {
          functionTarget(r.get("FunctionName")).ifPresent(f -> functionOfAlias.put(r.id(), f));
          if (r.type().equals("AWS::Lambda::Alias")) {
            Nodes.text(r.get("Name")).ifPresent(n -> qualifierOfAlias.put(r.id(), n));
          }
        }
        case "AWS::KMS::Alias" -> {
          if (r.get("TargetKeyId") instanceof Reference ref
              && isType(ref.target(), "AWS::KMS::Key")) {
            keyOfAlias.put(r.id(), ref.target());
          }
        }
        default -> {
          // nothing to link
        }
      }
    }
  }

  private void name(Kind kind, ResolvedResource r, String property) {
    Map<String, String> names = byName.computeIfAbsent(kind, k -> new HashMap<>());
    Nodes.text(r.get(property)).ifPresent(n -> names.putIfAbsent(n, r.id()));
  }

  private Optional<String> functionTarget(@Nullable Node node) {
    if (node instanceof Reference ref && isType(ref.target(), "AWS::Lambda::Function")) {
      return Optional.of(ref.target());
    }
    return Nodes.text(node).flatMap(t -> byLiteral(Kind.FUNCTION, t));
  }

  String scope() {
    return scope;
  }

  ResourceKey key(String id) {
    return new ResourceKey(scope, id);
  }

  Optional<ResolvedResource> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  boolean isType(String id, String type) {
    ResolvedResource r = byId.get(id);
    return r != null && r.type().equals(type);
  }

  /** The function a reference to a function, alias or version stands for. */
  Optional<String> function(String id) {
    if (isType(id, "AWS::Lambda::Function")) {
      return Optional.of(id);
    }
    return Optional.ofNullable(functionOfAlias.get(id));
  }

  /** The alias name when {@code id} is an alias. */
  Optional<String> qualifier(String id) {
    return Optional.ofNullable(qualifierOfAlias.get(id));
  }

  /** The resource a reference of the given kind stands for, when it is in the template. */
  Optional<String> target(Kind kind, String id) {
    return switch (kind) {
      case FUNCTION -> function(id);
      case KMS_KEY ->
          isType(id, "AWS::KMS::Key") ? Optional.of(id) : Optional.ofNullable(keyOfAlias.get(id));
      default -> byId.containsKey(id) ? Optional.of(id) : Optional.empty();
    };
  }

  /** The resource a literal name or ARN stands for, when a resource of the template has it. */
  Optional<String> byLiteral(Kind kind, String literal) {
    Map<String, String> names = byName.get(kind);
    if (names == null || names.isEmpty()) {
      return Optional.empty();
    }
    String name =
        switch (kind) {
          case FUNCTION -> functionName(literal);
          case ROLE, USER, GROUP, MANAGED_POLICY ->
              literal.startsWith("arn:") && !literal.contains(":iam::aws:")
                  ? literal.substring(literal.lastIndexOf('/') + 1)
                  : literal;
          case LOG_GROUP -> logGroupName(literal);
          default -> literal;
        };
    return Optional.ofNullable(names.get(name));
  }

  /** {@code name}, {@code arn:…:function:name[:qualifier]} or {@code acct:function:name}. */
  private static String functionName(String literal) {
    int at = literal.indexOf(":function:");
    if (at < 0) {
      return literal;
    }
    String rest = literal.substring(at + ":function:".length());
    int colon = rest.indexOf(':');
    return colon < 0 ? rest : rest.substring(0, colon);
  }

  private static String logGroupName(String literal) {
    int at = literal.indexOf(":log-group:");
    if (at < 0) {
      return literal;
    }
    String rest = literal.substring(at + ":log-group:".length());
    return rest.endsWith(":*") ? rest.substring(0, rest.length() - 2) : rest;
  }
}
