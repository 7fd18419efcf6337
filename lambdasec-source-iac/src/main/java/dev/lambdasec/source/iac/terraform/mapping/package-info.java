/**
 * Terraform resources, from a configuration or a plan, to the model: {@code aws_lambda_function} to
 * {@code LambdaFunction}, {@code aws_iam_role} with its policies and attachments to {@code Role},
 * and so on, with Terraform addresses as resource ids.
 */
@NullMarked
package dev.lambdasec.source.iac.terraform.mapping;

import org.jspecify.annotations.NullMarked;
