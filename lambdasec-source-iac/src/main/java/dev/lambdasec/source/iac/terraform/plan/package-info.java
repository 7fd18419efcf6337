/**
 * Terraform plans in JSON ({@code terraform show -json plan.out}): resolved values, with what is
 * known only after apply kept unresolved.
 */
@NullMarked
package dev.lambdasec.source.iac.terraform.plan;

import org.jspecify.annotations.NullMarked;
