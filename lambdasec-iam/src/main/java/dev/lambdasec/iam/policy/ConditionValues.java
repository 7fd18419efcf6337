package dev.lambdasec.iam.policy;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How condition values are read for each operator family: numbers, dates (ISO 8601 or epoch
 * seconds), booleans, CIDR blocks and base64. Used to check policies and to evaluate conditions.
 */
public final class ConditionValues {

  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private ConditionValues() {}

  /** What is wrong with {@code value} for {@code op}, or empty when IAM can compare it. */
  public static Optional<String> problem(Operator op, String value) {
    if (value.contains("${")) {
      return Optional.empty(); // a policy variable or a placeholder for a deploy-time value
    }
    boolean ok =
        switch (op.family()) {
          case NUMERIC -> number(value).isPresent();
          case DATE -> date(value).isPresent();
          case BOOL, NULL -> bool(value).isPresent();
          case IP_ADDRESS -> cidr(value).isPresent();
          case BINARY -> base64(value);
          case STRING, ARN -> true;
        };
    return ok
        ? Optional.empty()
        : Optional.of(
            "'" + value + "' is not a valid " + expected(op.family()) + " for " + op.text());
  }

  private static String expected(Operator.Family family) {
    return switch (family) {
      case NUMERIC -> "number";
      case DATE -> "date (ISO 8601 or epoch seconds)";
      case BOOL, NULL -> "boolean (true or false)";
      case IP_ADDRESS -> "IP address or CIDR block";
      case BINARY -> "base64 value";
      case STRING, ARN -> "string";
    };
  }

  public static Optional<BigDecimal> number(String text) {
    try {
      return Optional.of(new BigDecimal(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** An instant from an ISO 8601 date or date-time, or from epoch seconds. */
  public static Optional<Instant> date(String text) {
    String t = text.trim();
    if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() <= 12) {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)));
    }
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      // not a date-time with offset
    }
    try {
      return Optional.of(Instant.parse(t));
    } catch (DateTimeParseException e) {
      // not an instant
    }
    try {
      return Optional.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public static Optional<Boolean> bool(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static boolean base64(String text) {
    try {
      Base64.getDecoder().decode(text.trim());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * A CIDR block (an address alone is a /32 or /128). Only literal addresses are read: no name is
   * ever looked up.
   */
  public static Optional<Cidr> cidr(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    String address = slash < 0 ? t : t.substring(0, slash);
    byte[] bytes = literal(address);
    if (bytes == null) {
      return Optional.empty();
    }
    int max = bytes.length * 8;
    int prefix = max;
    if (slash >= 0) {
      String p = t.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(p);
      if (prefix > max) {
        return Optional.empty();
      }
    }
    return Optional.of(new Cidr(bytes, prefix));
  }

  private static byte @org.jspecify.annotations.Nullable [] literal(String address) {
    if (IPV4.matcher(address).matches()) {
      String[] parts = address.split("\\.");
      byte[] out = new byte[4];
      for (int i = 0; i < 4; i++) {
        out[i] = (byte) Integer.parseInt(parts[i]);
      }
      return out;
    }
    if (address.length() <= 45 && IPV6_CHARS.matcher(address).matches()) {
      try {
        // Contains a colon, so the JDK parses it as an IPv6 literal and never resolves a name.
        byte[] out = InetAddress.getByName("[" + address + "]").getAddress();
        return out.length == 16 ? out : null;
      } catch (UnknownHostException | RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  /** An address block. */
  public record Cidr(byte[] address, int prefix) {

    /** True when the block covers every address of its family ({@code 0.0.0.0/0}, {@code ::/0}). */
    public boolean isEverything() {
      return prefix == 0;
    }

    /** True when {@code other} lies within this block. */
    public boolean contains(Cidr other) {
      if (other.address.length != address.length || other.prefix < prefix) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != other.address[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (other.address[full] & mask);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Cidr c
          && c.prefix == prefix
          && java.util.Arrays.equals(c.address, address);
    }

    @Override
    public int hashCode() {
      return 31 * java.util.Arrays.hashCode(address) + prefix;
    }

    @Override
    public String toString() {
      return java.util.HexFormat.of().formatHex(address) + "/" + prefix;
    }
  }
}
