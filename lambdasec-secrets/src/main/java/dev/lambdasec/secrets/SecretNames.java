package dev.lambdasec.secrets;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short name of what a detection rule finds, for messages: the words of its id, spelled as its
 * description spells them ({@code github-oauth} → {@code GitHub OAuth}), initialisms in capitals,
 * the first word capitalised ({@code stripe-access-token} → {@code Stripe access token}).
 */
final class SecretNames {

  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]+");
  private static final Set<String> INITIALISMS =
      Set.of("api", "aws", "ca", "id", "jwt", "pat", "tf", "url", "yaml");

  private SecretNames() {}

  static String of(String ruleId, String description) {
    Map<String, String> spelled = new HashMap<>();
    Matcher m = WORD.matcher(description);
    while (m.find()) {
      spelled.putIfAbsent(m.group().toLowerCase(Locale.ROOT), m.group());
    }
    StringBuilder out = new StringBuilder();
    String[] words = ruleId.toLowerCase(Locale.ROOT).split("-");
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      if (word.isEmpty()) {
        continue;
      }
      String spelling = spelled.getOrDefault(word, word);
      String name;
      if (INITIALISMS.contains(word)) {
        name = word.toUpperCase(Locale.ROOT);
      } else if (!spelling.substring(1).equals(spelling.substring(1).toLowerCase(Locale.ROOT))) {
        name = spelling;
      } else if (out.isEmpty()) {
        name = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      } else {
        name = word;
      }
      out.append(out.isEmpty() ? "" : " ").append(name);
    }
    return out.toString();
  }
}
