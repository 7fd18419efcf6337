package dev.lambdasec.secrets;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Recognises what a configuration value is, from the value alone: a reference to a secret held
 * elsewhere, a placeholder, a path, a URL, an AWS key shape. All checks are linear in the value's
 * length; the few regular expressions are RE2/J.
 */
final class ValueShapes {

  /** The credential part of {@code scheme://user:password@host}: group 2 is the user info. */
  private static final Pattern URL_USERINFO =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*)://([^\\s/?#@\"'<>]*)@");

  private static final Pattern BEARER =
      Pattern.compile("(?i)(?:^|[\\s:\"'=])bearer\\s+([A-Za-z0-9._~+/\\-]{16,}=*)");

  private static final Pattern BASIC =
      Pattern.compile("(?i)(?:^|[\\s:\"'=])basic\\s+([A-Za-z0-9+/]{8,}={0,2})(?:$|[\\s\"';,])");

  /**
   * {@code key=value} or {@code key: value} inside a value: connection strings ({@code
   * ;Password=…;}), query strings ({@code &password=…}), JSON ({@code "password": "…"}) and JVM
   * options ({@code -Dx.trustStorePassword=…}).
   */
  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "(?:^|[\\s;&?,{(\"'\\-])\"?([A-Za-z][A-Za-z0-9_.\\-]{0,63})\"?\\s*[:=]\\s*"
              + "(?:\"([^\"]*)\"|'([^']*)'|([^\\s;&,\"'}]+))");

  private static final int MAX_EMBEDDED_SCAN = 16 * 1024;

  private final Vocabulary vocabulary;

  ValueShapes(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  // ---------------------------------------------------------------- references

  /** The value with its reference expressions blanked out, and how many there were. */
  record Stripped(String remainder, int expressions) {}

  /**
   * Blanks out {@code ${…}} (CloudFormation {@code Fn::Sub} and resolver placeholders, Serverless
   * Framework variables, Terraform interpolations; nested braces allowed), {@code #{…}}, {@code
   * $(…)}, {@code {{…}}} (CloudFormation dynamic references, templates) and {@code ${{…}}}.
   */
  static Stripped stripExpressions(String s) {
    if (s.indexOf('{') < 0 && s.indexOf("$(") < 0) {
      return new Stripped(s, 0);
    }
    StringBuilder out = new StringBuilder(s.length());
    int count = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      int end = -1;
      if (s.startsWith("${{", i)) {
        int close = s.indexOf("}}", i + 3);
        end = close < 0 ? -1 : close + 2;
      } else if (s.startsWith("{{", i)) {
        int close = s.indexOf("}}", i + 2);
        end = close < 0 ? -1 : close + 2;
      } else if ((c == '$' || c == '#') && i + 1 < n && s.charAt(i + 1) == '{') {
        end = closing(s, i + 1, '{', '}');
      } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '(') {
        end = closing(s, i + 1, '(', ')');
      }
      if (end > 0) {
        count++;
        out.append(' ');
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return new Stripped(out.toString(), count);
  }

  /** The index just after the bracket closing the one at {@code open}, or -1. */
  private static int closing(String s, int open, char opening, char closingChar) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == opening) {
        depth++;
      } else if (c == closingChar) {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
    }
    return -1;
  }

  /**
   * Whether the value refers to a secret (or other data) kept elsewhere instead of holding it: an
   * ARN, a CloudFormation dynamic reference or placeholder, a Serverless Framework or Terraform
   * variable, an environment-variable reference, an SSM parameter path, a Secrets Manager name with
   * a path, a file path, a KMS alias. A value mixing references with literal text is a reference
   * unless the literal text itself carries a credential (a URL password, a random token).
   */
  boolean isReference(String value) {
    String s = Text.unquote(value);
    if (s.isEmpty()) {
      return false;
    }
    if (isArn(s)) {
      return true;
    }
    Stripped st = stripExpressions(s);
    if (st.expressions() > 0) {
      String rest = st.remainder().strip();
      if (!Text.hasAlnum(rest) || isArn(rest)) {
        return true;
      }
      return !hasLiteralCredential(rest);
    }
    return isVariableReference(s) || isPathReference(s) || isUnparsedIntrinsic(s);
  }

  private static final List<String> INTRINSIC_PREFIXES =
      List.of(
          "!Ref ",
          "!GetAtt ",
          "!Sub ",
          "!ImportValue ",
          "!FindInMap ",
          "!Join ",
          "!Select ",
          "!If ",
          "!Base64 ",
          "!Split ",
          "!GetAZs ",
          "!Cidr ",
          "Fn::");

  /**
   * CloudFormation intrinsic functions that reached us as text ({@code !Ref DbPassword}, {@code
   * Fn::GetAtt}): a source that could not parse them still did not hold a literal secret there.
   */
  static boolean isUnparsedIntrinsic(String s) {
    for (String prefix : INTRINSIC_PREFIXES) {
      if (s.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A base64 AWS KMS ciphertext blob (the Lambda console's encryption helpers store these in
   * environment variables): encrypted, so not a plaintext secret. KMS ciphertext blobs start with a
   * version byte 01, a format byte 01/02, a byte 01-03, then 00 78, which base64 renders as {@code
   * AQ[EI][BCD]AH} ({@code AQICAHh…}, {@code AQEDAHj…} in AWS examples). A random secret starts
   * that way with a probability of about 2^-33, and the value must also be long base64.
   */
  static boolean isKmsCiphertext(String s) {
    if (s.length() < 100
        || !s.startsWith("AQ")
        || "EI".indexOf(s.charAt(2)) < 0
        || "BCD".indexOf(s.charAt(3)) < 0
        || !s.startsWith("AH", 4)) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Text.isAlnum(c) || c == '+' || c == '/' || c == '=')) {
        return false;
      }
    }
    return true;
  }

  static boolean isArn(String s) {
    if (!s.startsWith("arn:")) {
      return false;
    }
    int colons = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ':') {
        colons++;
      } else if (Character.isWhitespace(c)) {
        return false;
      }
    }
    return colons >= 5;
  }

  /**
   * {@code $NAME}, {@code $name}, {@code %NAME%}, {@code @NAME@}: a reference to a variable; {@code
   * $.detail.token}, {@code $$.Task.Token} (Step Functions paths) and {@code
   * $context.authorizer.token} (API Gateway mapping variables): a reference to request data.
   */
  static boolean isVariableReference(String s) {
    int n = s.length();
    if (n < 2) {
      return false;
    }
    char first = s.charAt(0);
    if (first == '$') {
      return isSingleCaseName(s, 1, n) || isDollarPath(s);
    }
    if ((first == '%' || first == '@') && n > 2 && s.charAt(n - 1) == first) {
      return isSingleCaseName(s, 1, n - 1);
    }
    return false;
  }

  /** {@code $} or {@code $$}, an optional name, then at least one {@code .name} step. */
  private static boolean isDollarPath(String s) {
    int i = s.startsWith("$$") ? 2 : 1;
    int dots = 0;
    boolean stepStart = true;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (dots > 0 && stepStart) {
          return false;
        }
        dots++;
        stepStart = true;
      } else if (Text.isLower(c) || Text.isUpper(c) || c == '_') {
        stepStart = false;
      } else if (Text.isDigit(c) || c == '[' || c == ']' || c == '*' || c == '\'' || c == '-') {
        if (stepStart && dots > 0 && !(c == '[' || c == '*')) {
          return false;
        }
        stepStart = false;
      } else {
        return false;
      }
    }
    return dots > 0 && !stepStart;
  }

  private static boolean isSingleCaseName(String s, int from, int to) {
    if (to <= from) {
      return false;
    }
    boolean lower = false;
    boolean upper = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (Text.isLower(c)) {
        lower = true;
      } else if (Text.isUpper(c)) {
        upper = true;
      } else if (c != '_') {
        return false;
      }
    }
    return !(lower && upper);
  }

  /**
   * An absolute or relative path whose every segment reads like words: {@code /prod/db/password}
   * (SSM parameter), {@code prod/api-key} and {@code config/database_credentials} (Secrets Manager
   * names), {@code alias/app-key} (KMS alias), {@code /etc/pki/tls/cert.pem}. Base64 secrets also
   * contain slashes, but their segments are random ({@code wJalrXUtnFEMI}) and are not accepted.
   */
  static boolean isPathReference(String s) {
    if (s.length() > 1024 || s.indexOf('/') < 0 || s.contains("://")) {
      return false;
    }
    boolean absolute =
        s.startsWith("/") || s.startsWith("./") || s.startsWith("../") || s.startsWith("~/");
    int segments = 0;
    int start = 0;
    int n = s.length();
    for (int i = 0; i <= n; i++) {
      if (i < n && s.charAt(i) != '/') {
        char c = s.charAt(i);
        if (!(Text.isAlnum(c) || c == '-' || c == '_' || c == '.' || c == '@' || c == '~')) {
          return false;
        }
        continue;
      }
      if (i > start) {
        if (!Text.isIdentifierLike(s.subSequence(start, i))) {
          return false;
        }
        segments++;
      } else if (start > 0 && i < n) {
        return false; // "//" inside
      }
      start = i + 1;
    }
    return segments >= (absolute ? 1 : 2);
  }

  private boolean hasLiteralCredential(String text) {
    if (urlCredential(text).isPresent()) {
      return true;
    }
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      boolean tokenChar = Text.isAlnum(c) || "+/=_-.~".indexOf(c) >= 0;
      if (tokenChar && start < 0) {
        start = i;
      } else if (!tokenChar && start >= 0) {
        if (looksRandom(text.substring(start, i))) {
          return true;
        }
        start = -1;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- placeholders and plain data

  /**
   * Whether the value is a placeholder that cannot be a live credential: empty or null-like
   * literals, booleans, masks ({@code ****}, {@code xxxx}, one repeated character), template syntax
   * ({@code <password>}, {@code %(password)s}, {@code {password}}), and instructions or
   * documentation markers ({@code YOUR-TOKEN-HERE}, {@code REPLACE_ME}, {@code TODO}, {@code
   * example}, {@code dummy}).
   */
  boolean isPlaceholder(String value) {
    String s = Text.unquote(value);
    if (s.isEmpty() || Text.allSameChar(s)) {
      return true;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (vocabulary.placeholderValues().contains(lower) || isMask(lower) || isTemplate(s)) {
      return true;
    }
    for (String fragment : vocabulary.placeholderSubstrings()) {
      if (lower.contains(fragment)) {
        return true;
      }
    }
    if (lower.startsWith("your")) {
      return true;
    }
    List<String> words = NameClassifier.words(s);
    for (String w : words) {
      if (vocabulary.placeholderWords().contains(w)) {
        return true;
      }
    }
    return words.size() > 1 && words.get(words.size() - 1).equals("here");
  }

  private static boolean isMask(String lower) {
    for (int i = 0; i < lower.length(); i++) {
      if ("*x#.-_ \u2022".indexOf(lower.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTemplate(String s) {
    int lt = s.indexOf('<');
    if (lt >= 0) {
      int gt = s.indexOf('>', lt + 1);
      if (gt > lt + 1 && Text.hasLetter(s.substring(lt + 1, gt))) {
        return true;
      }
    }
    int pct = s.indexOf("%(");
    if (pct >= 0 && s.indexOf(")s", pct) > pct) {
      return true;
    }
    if (s.length() > 2 && s.charAt(0) == '{' && s.charAt(s.length() - 1) == '}') {
      return isSingleCaseNameOrWord(s.substring(1, s.length() - 1));
    }
    return false;
  }

  private static boolean isSingleCaseNameOrWord(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Text.isAlnum(c) || c == '_' || c == '-' || c == '.' || c == ' ')) {
        return false;
      }
    }
    return !s.isBlank();
  }

  static boolean isUrl(String s) {
    int colon = s.indexOf("://");
    if (colon <= 0) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = s.charAt(i);
      if (!(Text.isAlnum(c) || c == '+' || c == '.' || c == '-')) {
        return false;
      }
    }
    return Text.isLower(Character.toLowerCase(s.charAt(0)));
  }

  static boolean isEmail(String s) {
    int at = s.indexOf('@');
    if (at <= 0 || at != s.lastIndexOf('@') || s.indexOf(' ') >= 0) {
      return false;
    }
    String domain = s.substring(at + 1);
    return isHostname(domain, 1);
  }

  /** A DNS name in lower case with at least {@code minDots} dots and an alphabetic last label. */
  static boolean isHostname(String s, int minDots) {
    int dots = 0;
    int labelStart = 0;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : '.';
      if (c == '.') {
        if (i == labelStart) {
          return false;
        }
        if (i == s.length()) {
          for (int j = labelStart; j < i; j++) {
            if (!Text.isLower(s.charAt(j))) {
              return false;
            }
          }
          return i - labelStart >= 2 && dots >= minDots;
        }
        dots++;
        labelStart = i + 1;
      } else if (!(Text.isLower(c) || Text.isDigit(c) || c == '-')) {
        return false;
      }
    }
    return false;
  }

  /** IAM unique ids that are identifiers, not credentials: {@code AIDA…}, {@code AROA…}, … */
  boolean isNonSecretAwsId(String s) {
    if (s.length() < 16 || s.length() > 32) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Text.isUpper(c) || Text.isDigit(c))) {
        return false;
      }
    }
    for (String prefix : vocabulary.nonSecretAwsIdPrefixes()) {
      if (s.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A word-like name or path that mentions a stage, a database or a credential store ({@code
   * prod-db-credentials}, {@code MyDatabaseSecret}): under a {@code *_SECRET} variable this is the
   * name of a Secrets Manager secret, not its content.
   */
  boolean looksLikeSecretName(String s) {
    if (s.length() > 256 || !(Text.isIdentifierLike(s) || isPathReference(s))) {
      return false;
    }
    for (String w : NameClassifier.words(s)) {
      if (vocabulary.secretNameSlugWords().contains(w)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- credential shapes

  /**
   * A random-looking token: at least 16 characters, entropy of at least 3.5 bits per character, and
   * either letters mixed with digits or a mixed-case string that is not camel case.
   */
  static boolean looksRandom(String s) {
    if (s.length() < 16 || Text.shannon(s) < 3.5) {
      return false;
    }
    if (Text.hasDigit(s) && Text.hasLetter(s)) {
      return true;
    }
    return Text.characterClasses(s) >= 2 && !Text.isIdentifierLike(s);
  }

  /** {@code MEDIUM} for random-looking or complex values, {@code LOW} for weak ones. */
  static SecretMatch.Confidence strength(String s) {
    return looksRandom(s) || (s.length() >= 10 && Text.characterClasses(s) >= 3)
        ? SecretMatch.Confidence.MEDIUM
        : SecretMatch.Confidence.LOW;
  }

  /** 40 characters of base64 with both cases and an entropy above 4: an AWS secret access key. */
  static boolean looksLikeAwsSecretAccessKey(String s) {
    if (s.length() != 40) {
      return false;
    }
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < 40; i++) {
      char c = s.charAt(i);
      if (Text.isUpper(c)) {
        upper = true;
      } else if (Text.isLower(c)) {
        lower = true;
      } else if (!(Text.isDigit(c) || c == '/' || c == '+')) {
        return false;
      }
    }
    return upper && lower && Text.shannon(s) > 4.0;
  }

  /** At least 100 characters of base64 with an entropy above 4: an AWS session token. */
  static boolean looksLikeAwsSessionToken(String s) {
    if (s.length() < 100) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Text.isAlnum(c) || c == '/' || c == '+' || c == '=')) {
        return false;
      }
    }
    return Text.shannon(s) > 4.0;
  }

  /** The strength of the first literal password in a {@code scheme://user:password@} URL. */
  Optional<SecretMatch.Confidence> urlCredential(String s) {
    if (s.indexOf("://") < 0 || s.indexOf('@') < 0) {
      return Optional.empty();
    }
    Matcher m = URL_USERINFO.matcher(s);
    while (m.find()) {
      String userInfo = m.group(2);
      if (userInfo == null) {
        continue;
      }
      int colon = userInfo.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String password = userInfo.substring(colon + 1).strip();
      if (password.isEmpty()
          || password.contains("${")
          || password.contains("{{")
          || password.contains("%7B")
          || isPlaceholder(password)) {
        continue;
      }
      return Optional.of(strength(password));
    }
    return Optional.empty();
  }

  /** The strength of a credential in an {@code Authorization} header value, if there is one. */
  Optional<SecretMatch.Confidence> authorizationCredential(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.contains("bearer")) {
      Matcher m = BEARER.matcher(s);
      while (m.find()) {
        String token = m.group(1);
        if (token != null && !isPlaceholder(token) && Text.shannon(token) >= 3.0) {
          return Optional.of(strength(token));
        }
      }
    }
    if (lower.contains("basic")) {
      Matcher m = BASIC.matcher(s);
      while (m.find()) {
        String encoded = m.group(1);
        String decoded = encoded == null ? null : decodeBase64(encoded);
        if (decoded != null
            && decoded.indexOf(':') > 0
            && decoded.indexOf(':') < decoded.length() - 1) {
          String password = decoded.substring(decoded.indexOf(':') + 1);
          if (!isPlaceholder(password)) {
            return Optional.of(strength(password));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static @Nullable String decodeBase64(String s) {
    try {
      byte[] bytes = Base64.getDecoder().decode(s);
      for (byte b : bytes) {
        if (b < 0x20 || b > 0x7e) {
          return null;
        }
      }
      return new String(bytes, StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** One {@code key=value} pair found inside a value. */
  record Assignment(String key, String value) {}

  /** The {@code key=value} / {@code key: value} pairs inside a value, in order. */
  static List<Assignment> assignments(String s) {
    if (s.length() > MAX_EMBEDDED_SCAN || (s.indexOf('=') < 0 && s.indexOf(':') < 0)) {
      return List.of();
    }
    ArrayList<Assignment> out = new ArrayList<>();
    Matcher m = ASSIGNMENT.matcher(s);
    while (m.find()) {
      String key = m.group(1);
      String value = firstNonNull(m.group(2), m.group(3), m.group(4));
      if (key != null && value != null) {
        out.add(new Assignment(key, value));
      }
    }
    return out;
  }

  private static @Nullable String firstNonNull(
      @Nullable String a, @Nullable String b, @Nullable String c) {
    return a != null ? a : b != null ? b : c;
  }
}
