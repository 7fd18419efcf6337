package dev.lambdasec.model;

import java.util.List;

/**
 * A Lambda code-signing config.
 *
 * @param untrustedArtifactOnDeployment {@code Warn} (the default) or {@code Enforce}
 */
public record CodeSigningConfig(
    Meta meta, Value<String> untrustedArtifactOnDeployment, List<Value<String>> signingProfiles)
    implements Resource {
  public CodeSigningConfig {
    signingProfiles = List.copyOf(signingProfiles);
  }
}
