package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Value;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the function an API integration or authorizer URI invokes: {@code
 * arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function-arn>/invocations}, written
 * with a reference to a function of the template or with a literal function ARN.
 */
final class Integrations {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}.]+)(?:\\.[^}]*)?}");
  private static final Pattern FUNCTION_ARN =
      Pattern.compile("(arn:[^:/]*:lambda:[^/]*?:function:[^/:]+)(?::[^/]+)?");

  private final ResourceIndex index;

  Integrations(ResourceIndex index) {
    this.index = index;
  }

  /** The function the URI invokes; absent when it invokes something else. */
  Value<Ref> function(@Nullable Node uri, Origin resource) {
    if (uri == null) {
      return Value.absent(resource);
    }
    if (uri instanceof Unresolved u) {
      return Value.unresolved(u.origin(), u.reason());
    }
    if (uri instanceof Reference r) {
      return index
          .function(r.target())
          .map(id -> Value.set(Ref.to(index.key(id)), r.origin()))
          .orElse(Value.absent(resource));
    }
    Optional<String> text = Nodes.text(uri);
    if (text.isEmpty()) {
      return Value.absent(resource);
    }
    Matcher placeholders = PLACEHOLDER.matcher(text.get());
    while (placeholders.find()) {
      Optional<String> function = index.function(placeholders.group(1));
      if (function.isPresent()) {
        return Value.set(Ref.to(index.key(function.get())), uri.origin());
      }
    }
    Matcher arn = FUNCTION_ARN.matcher(text.get());
    if (arn.find()) {
      String literal = arn.group(1);
      Ref ref =
          index
              .byLiteral(ResourceIndex.Kind.FUNCTION, literal)
              .map(id -> Ref.to(index.key(id)))
              .orElse(Ref.literal(literal));
      return Value.set(ref, uri.origin());
    }
    return Value.absent(resource);
  }

  /** The logical ids named by placeholders in a string, such as {@code integrations/${Integ}}. */
  static Optional<String> firstPlaceholder(@Nullable Node node) {
    if (node instanceof Reference r) {
      return Optional.of(r.target());
    }
    Optional<String> text = Nodes.text(node);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = PLACEHOLDER.matcher(text.get());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
