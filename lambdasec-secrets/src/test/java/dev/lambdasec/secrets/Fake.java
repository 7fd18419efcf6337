package dev.lambdasec.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Deterministic fake credentials for tests. Every token is built at run time from a provider prefix
 * and seeded random characters, so it matches the provider's format but is no real credential, and
 * no complete token appears in the test sources (keeping this repository clean for secret scanners,
 * including our own).
 */
final class Fake {

  static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  static final String DIGITS = "0123456789";
  static final String ALNUM = UPPER + LOWER + DIGITS;
  static final String LOWER_ALNUM = LOWER + DIGITS;
  static final String BASE32 = UPPER + "234567";
  static final String BASE64 = ALNUM + "+/";
  static final String WORD = ALNUM + "_";
  static final String URL_SAFE = ALNUM + "_-";
  static final String HEX = "0123456789abcdef";

  private Fake() {}

  /** {@code length} characters of {@code alphabet}, the same for the same seed. */
  static String of(String alphabet, int length, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  static String awsKeyId(String prefix, long seed) {
    return prefix + of(BASE32, 16, seed);
  }

  static String awsSecretKey(long seed) {
    return of(BASE64, 40, seed);
  }

  static String privateKey(String type, String newline, long seed) {
    StringBuilder b = new StringBuilder("-----BEGIN ").append(type).append(" KEY-----");
    for (int line = 0; line < 5; line++) {
      b.append(newline).append(of(BASE64, 64, seed + line));
    }
    return b.append(newline).append("-----END ").append(type).append(" KEY-----").toString();
  }
}
