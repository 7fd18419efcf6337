package dev.lambdasec.source.aws.collect;

import dev.lambdasec.secrets.SecretDetector;
import dev.lambdasec.secrets.SecretMatch;
import dev.lambdasec.source.aws.snapshot.LambdaFacts.EnvKind;
import dev.lambdasec.source.aws.snapshot.LambdaFacts.EnvVar;
import dev.lambdasec.source.aws.snapshot.LambdaFacts.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decides, as environment variables are read, what the snapshot may keep of each: references in
 * clear, a secret as the detector's verdict, anything else not at all; every value also as a keyed
 * fingerprint, so a changed value shows as a changed fingerprint between snapshots.
 */
final class EnvironmentClassifier {

  private final SecretDetector detector;

  EnvironmentClassifier(SecretDetector detector) {
    this.detector = detector;
  }

  List<EnvVar> classify(String functionArn, Map<String, String> variables) {
    Map<String, SecretMatch> secrets = detector.inspectAll(variables);
    List<EnvVar> out = new ArrayList<>();
    for (Map.Entry<String, String> e : variables.entrySet()) {
      String name = e.getKey();
      String value = e.getValue() == null ? "" : e.getValue();
      String fingerprint = fingerprint(functionArn, name, value);
      SecretMatch m = secrets.get(name);
      if (m != null) {
        out.add(
            new EnvVar(
                name,
                EnvKind.SECRET,
                fingerprint,
                null,
                new Secret(m.ruleId(), m.description(), m.kind().name(), m.confidence().name())));
      } else if (!value.isEmpty() && detector.isReference(value)) {
        out.add(new EnvVar(name, EnvKind.REFERENCE, fingerprint, value, null));
      } else {
        out.add(new EnvVar(name, EnvKind.WITHHELD, fingerprint, null, null));
      }
    }
    return out;
  }

  /**
   * {@code hmac-sha256:} and 32 hex digits of HMAC-SHA256 over the value, keyed by the function ARN
   * and the variable name: stable between snapshots of the same variable, unrelated across
   * variables and functions (no lookup table across functions). A weak password can still be
   * guessed offline from it: treat snapshots as confidential.
   */
  static String fingerprint(String functionArn, String name, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              (functionArn + "\u0000" + name).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return "hmac-sha256:" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
