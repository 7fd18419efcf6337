/**
 * Terraform configurations ({@code .tf} files in a folder, with local modules) into the model:
 * variables, locals, {@code count}/{@code for_each} and references are evaluated as far as they can
 * be known before apply, and the AWS resources are mapped to the same model records as every other
 * source.
 */
@NullMarked
package dev.lambdasec.source.iac.terraform;

import org.jspecify.annotations.NullMarked;
