package dev.lambdasec.source.iac.terraform.mapping;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.ResourceKey;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The resources of one configuration by address, with what other resources write about them: names
 * and ARNs, the function behind an alias, the key behind a KMS alias.
 */
final class ResourceIndex {

  /** What kind of resource a reference expects. */
  enum Kind {
    FUNCTION,
    ROLE,
    POLICY,
    USER,
    GROUP,
    LOG_GROUP,
    KMS_KEY,
    LAYER,
    ANY
  }

  /** A placeholder a string holds for an attribute of a resource: {@code ${address.attribute}}. */
  static final Pattern PLACEHOLDER =
      Pattern.compile(
          "\\$\\{((?:module\\.[\\w-]+(?:\\[[^\\]]*\\])?\\.)*(?:data\\.)?[\\w-]+\\.[\\w-]+(?:\\[[^\\]]*\\])?)(?:\\.([^}]*))?}");

  private static final Map<String, Kind> KIND_OF_TYPE =
      Map.of(
          "aws_lambda_function", Kind.FUNCTION,
          "aws_iam_role", Kind.ROLE,
          "aws_iam_policy", Kind.POLICY,
          "aws_iam_user", Kind.USER,
          "aws_iam_group", Kind.GROUP,
          "aws_cloudwatch_log_group", Kind.LOG_GROUP,
          "aws_kms_key", Kind.KMS_KEY,
          "aws_lambda_layer_version", Kind.LAYER);

  private static final Map<Kind, String> NAME_ATTRIBUTE =
      Map.of(
          Kind.FUNCTION, "function_name",
          Kind.ROLE, "name",
          Kind.POLICY, "name",
          Kind.USER, "name",
          Kind.GROUP, "name",
          Kind.LOG_GROUP, "name",
          Kind.LAYER, "layer_name");

  private final String scope;
  private final Map<String, TerraformResource> byAddress = new LinkedHashMap<>();
  private final Map<Kind, Map<String, String>> byLiteral = new EnumMap<>(Kind.class);
  private final Map<String, String> functionOfAlias = new HashMap<>();
  private final Map<String, String> qualifierOfAlias = new HashMap<>();
  private final Map<String, String> keyOfAlias = new HashMap<>();

  ResourceIndex(String scope, List<TerraformResource> resources) {
    this.scope = scope;
    resources.forEach(r -> byAddress.putIfAbsent(r.address(), r));
    for (TerraformResource r : resources) {
      Kind kind = KIND_OF_TYPE.get(r.type());
      if (kind == null) {
        continue;
      }
      Map<String, String> names = names(kind);
      String attribute = NAME_ATTRIBUTE.get(kind);
      if (attribute != null) {
        text(r.get(attribute)).ifPresent(n -> names.putIfAbsent(n, r.address()));
      }
      text(r.get("arn")).ifPresent(a -> names.putIfAbsent(a, r.address()));
    }
    for (TerraformResource r : resources) {
      switch (r.type()) {
        case "aws_lambda_alias" -> {
          target(Kind.FUNCTION, r.get("function_name"))
              .ifPresent(f -> functionOfAlias.put(r.address(), f));
          text(r.get("name")).ifPresent(n -> qualifierOfAlias.put(r.address(), n));
        }
        case "aws_kms_alias" -> {
          Optional<String> key = target(Kind.KMS_KEY, r.get("target_key_id"));
          key.ifPresent(k -> keyOfAlias.put(r.address(), k));
          key.ifPresent(
              k -> text(r.get("name")).ifPresent(n -> names(Kind.KMS_KEY).putIfAbsent(n, k)));
        }
        default -> {
          // nothing to link
        }
      }
    }
  }

  private Map<String, String> names(Kind kind) {
    return byLiteral.computeIfAbsent(kind, k -> new HashMap<>());
  }

  String scope() {
    return scope;
  }

  ResourceKey key(String address) {
    return new ResourceKey(scope, address);
  }

  Optional<TerraformResource> get(String address) {
    return Optional.ofNullable(byAddress.get(address));
  }

  boolean isType(String address, String type) {
    TerraformResource r = byAddress.get(address);
    return r != null && r.type().equals(type);
  }

  /** The resource of the expected kind a reference to {@code address} stands for. */
  Optional<String> target(Kind kind, String address) {
    TerraformResource r = byAddress.get(address);
    if (r == null) {
      return Optional.empty();
    }
    return switch (kind) {
      case FUNCTION ->
          r.type().equals("aws_lambda_function")
              ? Optional.of(address)
              : Optional.ofNullable(functionOfAlias.get(address));
      case KMS_KEY ->
          r.type().equals("aws_kms_key")
              ? Optional.of(address)
              : Optional.ofNullable(keyOfAlias.get(address));
      default -> Optional.of(address);
    };
  }

  /** The resource a node names: a reference, a placeholder string, or a name or ARN literal. */
  Optional<String> target(Kind kind, @Nullable Node node) {
    if (node instanceof Reference r) {
      return target(kind, r.target());
    }
    Optional<String> text = text(node);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> placeholder = placeholderTarget(text.get());
    if (placeholder.isPresent()) {
      return target(kind, placeholder.get());
    }
    return byLiteral(kind, text.get()).flatMap(a -> target(kind, a));
  }

  /** The address in a string that is one placeholder, optionally qualified ({@code ${…}:live}). */
  static Optional<String> placeholderTarget(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    if (m.lookingAt() && (m.end() == text.length() || text.charAt(m.end()) == ':')) {
      return Optional.of(m.group(1));
    }
    return Optional.empty();
  }

  /** The alias name when {@code address} is an alias. */
  Optional<String> qualifier(String address) {
    return Optional.ofNullable(qualifierOfAlias.get(address));
  }

  /** The resource a literal name or ARN stands for, when a resource of the configuration has it. */
  Optional<String> byLiteral(Kind kind, String literal) {
    Map<String, String> names = names(kind);
    if (names.isEmpty()) {
      return Optional.empty();
    }
    String found = names.get(literal);
    if (found != null) {
      return Optional.of(found);
    }
    String name =
        switch (kind) {
          case FUNCTION -> functionName(literal);
          case ROLE, POLICY, USER, GROUP ->
              literal.startsWith("arn:") && !literal.contains(":iam::aws:")
                  ? literal.substring(literal.lastIndexOf('/') + 1)
                  : literal;
          case LOG_GROUP -> logGroupName(literal);
          default -> literal;
        };
    return Optional.ofNullable(names.get(name));
  }

  static Optional<String> text(@Nullable Node n) {
    return n instanceof Node.Scalar s && s.kind() != Node.Scalar.Kind.NULL && s.text() != null
        ? Optional.of(s.text())
        : Optional.empty();
  }

  /** {@code name}, {@code arn:…:function:name[:qualifier]} or {@code name:qualifier}. */
  private static String functionName(String literal) {
    int at = literal.indexOf(":function:");
    String rest = at < 0 ? literal : literal.substring(at + ":function:".length());
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
