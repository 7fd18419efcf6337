package dev.lambdasec.engine;

import dev.lambdasec.engine.api.Subject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable finding identities: a hash of the rule id, the resource's scope and id, and the part of
 * the resource. No line numbers, so the fingerprint survives edits that move the resource.
 */
public final class Fingerprints {

  private Fingerprints() {}

  public static String of(String ruleId, Subject subject) {
    String disc = subject.discriminator();
    String material =
        String.join(
            "\u0000", ruleId, subject.key().scope(), subject.id(), disc == null ? "" : disc);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
