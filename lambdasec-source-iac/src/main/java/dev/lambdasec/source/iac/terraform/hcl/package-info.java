/**
 * HCL native syntax, as written in Terraform {@code .tf} and {@code .tfvars} files: a
 * recursive-descent parser written from HashiCorp's specification, with a line and column on every
 * node and a bound on nesting, into a small syntax tree that keeps expressions unevaluated.
 */
@NullMarked
package dev.lambdasec.source.iac.terraform.hcl;

import org.jspecify.annotations.NullMarked;
