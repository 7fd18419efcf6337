package dev.lambdasec.source.iac.terraform;

import dev.lambdasec.source.iac.terraform.hcl.Expr;
import java.util.Optional;

/**
 * The placeholder text an unknown name leaves in a string ({@code ${var.prefix}-orders}), so that
 * the known parts of names, ARNs and policy texts stay readable. Only names are rendered; an
 * unknown function result leaves the whole string unresolved.
 */
final class Placeholders {

  private Placeholders() {}

  /** {@code var.x}, {@code local.y.z}, {@code each.key}, {@code module.m.out[0]}…, when a name. */
  static Optional<String> of(Expr e) {
    return switch (e) {
      case Expr.Variable v -> Optional.of(v.name());
      case Expr.GetAttr g -> of(g.source()).map(s -> s + "." + g.name());
      case Expr.Index i when i.key() instanceof Expr.Literal l && l.text() != null ->
          of(i.source())
              .map(s ->
                  s
                      + (l.kind() == Expr.Kind.STRING
                          ? "[\"" + l.text() + "\"]"
                          : "[" + l.text() + "]"));
      default -> Optional.empty();
    };
  }
}
