package dev.lambdasec.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a configuration key name ({@code DB_PASSWORD}, {@code apiKey}, {@code
 * javax.net.ssl.trustStorePassword}) and says what its value is expected to hold.
 */
final class NameClassifier {

  /** What a name says about its value. */
  enum Role {
    /** Nothing secret-sounding. */
    NONE,
    /** A password or shared secret, possibly chosen by a person: any real-looking value counts. */
    PASSWORD,
    /** An issued token or API key: the value must look machine-made. */
    TOKEN,
    /** A key of unknown purpose ({@code STRIPE_KEY}): the value must look random. */
    KEY
  }

  /**
   * @param role what the value should be
   * @param pointer the name ends in a word that marks a pointer ({@code _ARN}, {@code _NAME},
   *     {@code _PARAM}, {@code _URL}…), so the value names or locates a secret rather than holding
   *     it
   * @param awsSecretKey the name reads like an AWS secret access key ({@code AWS_SECRET_KEY})
   * @param awsSessionToken the name reads like an AWS session token
   * @param secretContainer the last word is {@code secret(s)} or {@code credential(s)}: such
   *     variables often hold the <em>name</em> of a Secrets Manager secret
   */
  record NameInfo(
      Role role,
      boolean pointer,
      boolean awsSecretKey,
      boolean awsSessionToken,
      boolean secretContainer) {

    static final NameInfo EMPTY = new NameInfo(Role.NONE, false, false, false, false);
  }

  private final Vocabulary vocabulary;

  NameClassifier(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  NameInfo classify(String name) {
    List<String> words = words(name);
    if (words.isEmpty()) {
      return NameInfo.EMPTY;
    }
    int last = words.size() - 1;
    String lastWord = words.get(last);
    boolean pointer = vocabulary.pointerLastWords().contains(lastWord);
    String glued = String.join("", words);
    boolean awsSecretKey = containsAny(glued, vocabulary.awsSecretKeyNameFragments());
    boolean awsSessionToken = containsAny(glued, vocabulary.awsSessionTokenNameFragments());
    boolean container = vocabulary.secretContainerLastWords().contains(lastWord);

    boolean password = false;
    boolean token = false;
    boolean key = false;
    boolean negated = false;
    for (int i = 0; i <= last; i++) {
      String w = words.get(i);
      if (vocabulary.ignoredWords().contains(w)) {
        continue;
      }
      if (vocabulary.negatorWords().contains(w)) {
        negated = true;
        break;
      }
      if (containsAny(w, vocabulary.passwordSubstrings())) {
        password = true;
      }
      if (containsAny(w, vocabulary.tokenSubstrings())) {
        token = true;
      }
      if (i == last && vocabulary.passwordLastWords().contains(w)) {
        password = true;
      }
      String qualifier = null;
      if (w.equals("key") || w.equals("keys")) {
        qualifier = i > 0 ? words.get(i - 1) : "";
      } else if (w.endsWith("key") && w.length() > 3) {
        qualifier = w.substring(0, w.length() - 3);
      }
      if (qualifier != null) {
        if (vocabulary.passwordKeyQualifiers().contains(qualifier)) {
          password = true;
        } else if (vocabulary.tokenKeyQualifiers().contains(qualifier)) {
          token = true;
        } else if (i == last && (w.equals("key") || w.equals("keys"))) {
          key = true;
        }
      }
    }
    Role role;
    if (negated) {
      role = Role.NONE;
    } else if (password) {
      role = Role.PASSWORD;
    } else if (token) {
      role = Role.TOKEN;
    } else if (key) {
      role = Role.KEY;
    } else {
      role = Role.NONE;
    }
    return new NameInfo(
        role, pointer, awsSecretKey && !pointer, awsSessionToken && !pointer, container);
  }

  private static boolean containsAny(String s, Iterable<String> fragments) {
    for (String f : fragments) {
      if (s.contains(f)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The lower-case words of a name: split at every non-alphanumeric character and at camel-case
   * humps ({@code dbPassword}, {@code APIKey}); digits stay with the word before them and are then
   * dropped from its end ({@code KEY2} is {@code key}), except in {@code auth0}, which is a product
   * name rather than a numbered {@code auth}.
   */
  static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int n = name.length();
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (!Text.isAlnum(c)) {
        flush(current, out);
        continue;
      }
      if (current.length() > 0) {
        char prev = name.charAt(i - 1);
        boolean hump = (Text.isLower(prev) || Text.isDigit(prev)) && Text.isUpper(c);
        boolean acronymEnd =
            Text.isUpper(prev) && Text.isUpper(c) && i + 1 < n && Text.isLower(name.charAt(i + 1));
        if (hump || acronymEnd) {
          flush(current, out);
        }
      }
      current.append(c);
    }
    flush(current, out);
    return out;
  }

  private static void flush(StringBuilder current, List<String> out) {
    if (current.length() == 0) {
      return;
    }
    String w = current.toString().toLowerCase(Locale.ROOT);
    current.setLength(0);
    if (!w.equals("auth0")) {
      int end = w.length();
      while (end > 0 && Text.isDigit(w.charAt(end - 1))) {
        end--;
      }
      if (end > 0) {
        w = w.substring(0, end);
      }
    }
    out.add(w);
  }
}
