package dev.lambdasec.source.iac.terraform.hcl;

/** A 1-based line and column in an HCL file. */
public record Pos(int line, int column) {}
