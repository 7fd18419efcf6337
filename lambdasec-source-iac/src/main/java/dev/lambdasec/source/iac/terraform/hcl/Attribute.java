package dev.lambdasec.source.iac.terraform.hcl;

/** {@code name = expression} in a body. */
public record Attribute(String name, Expr expr, Pos pos) {}
