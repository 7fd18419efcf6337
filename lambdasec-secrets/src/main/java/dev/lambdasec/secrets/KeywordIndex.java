package dev.lambdasec.secrets;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Finds which rules' keywords occur in a text in one pass: keywords are bucketed by a hash of their
 * first two characters, so each position of the text costs one array lookup, and only the few
 * keywords in that bucket are compared. Rules without keywords always run.
 */
final class KeywordIndex {

  private record Keyword(String text, int rule) {}

  private static final int BUCKETS = 4096;

  private final List<List<Keyword>> buckets = new ArrayList<>(BUCKETS);
  private final BitSet alwaysRun = new BitSet();

  KeywordIndex(List<PatternRule> rules) {
    for (int b = 0; b < BUCKETS; b++) {
      buckets.add(List.of());
    }
    for (int i = 0; i < rules.size(); i++) {
      List<String> keywords = rules.get(i).keywords();
      boolean indexed = false;
      for (String k : keywords) {
        if (k.length() < 2) {
          alwaysRun.set(i);
          continue;
        }
        int b = bucket(k, 0);
        List<Keyword> list = new ArrayList<>(buckets.get(b));
        list.add(new Keyword(k, i));
        buckets.set(b, List.copyOf(list));
        indexed = true;
      }
      if (!indexed) {
        alwaysRun.set(i);
      }
    }
  }

  private static int bucket(CharSequence s, int at) {
    return (s.charAt(at) * 31 + s.charAt(at + 1)) & (BUCKETS - 1);
  }

  /** The indexes of the rules to run on {@code lowerCaseText} (already in lower case). */
  BitSet candidates(String lowerCaseText) {
    BitSet out = (BitSet) alwaysRun.clone();
    int n = lowerCaseText.length();
    for (int i = 0; i + 1 < n; i++) {
      for (Keyword k : buckets.get(bucket(lowerCaseText, i))) {
        if (!out.get(k.rule()) && lowerCaseText.startsWith(k.text(), i)) {
          out.set(k.rule());
        }
      }
    }
    return out;
  }
}
