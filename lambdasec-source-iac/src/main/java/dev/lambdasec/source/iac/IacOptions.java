package dev.lambdasec.source.iac;

import java.util.List;
import java.util.Map;

/**
 * How infrastructure code is read.
 *
 * @param parameters CloudFormation parameter values given with {@code --param Name=Value}; they win
 *     over a parameter's {@code Default}
 * @param variables Terraform variable values given with {@code --var NAME=VALUE}; they win over
 *     {@code .tfvars} files and defaults
 * @param varFiles Terraform variable files given with {@code --var-file}, applied in order after
 *     {@code terraform.tfvars} and {@code *.auto.tfvars}
 * @param maxFileBytes files larger than this are not read
 */
public record IacOptions(
    Map<String, String> parameters,
    Map<String, String> variables,
    List<String> varFiles,
    long maxFileBytes) {

  /** 20 MB, well above the 1 MB CloudFormation accepts from S3. */
  public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;

  public IacOptions {
    parameters = Map.copyOf(parameters);
    variables = Map.copyOf(variables);
    varFiles = List.copyOf(varFiles);
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive");
    }
  }

  /** CloudFormation parameters only. */
  public IacOptions(Map<String, String> parameters, long maxFileBytes) {
    this(parameters, Map.of(), List.of(), maxFileBytes);
  }

  /** No parameter or variable overrides, files up to 20 MB. */
  public static IacOptions defaults() {
    return new IacOptions(Map.of(), DEFAULT_MAX_FILE_BYTES);
  }
}
