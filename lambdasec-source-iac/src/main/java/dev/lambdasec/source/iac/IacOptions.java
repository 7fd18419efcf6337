package dev.lambdasec.source.iac;

import java.util.Map;

/**
 * How templates are read.
 *
 * @param parameters template parameter values given with {@code --param Name=Value}; they win over
 *     a parameter's {@code Default}
 * @param maxFileBytes files larger than this are not read
 */
public record IacOptions(Map<String, String> parameters, long maxFileBytes) {

  /** 20 MB, well above the 1 MB CloudFormation accepts from S3. */
  public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;

  public IacOptions {
    parameters = Map.copyOf(parameters);
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive");
    }
  }

  /** No parameter overrides, files up to 20 MB. */
  public static IacOptions defaults() {
    return new IacOptions(Map.of(), DEFAULT_MAX_FILE_BYTES);
  }
}
