package dev.lambdasec.secrets;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An RE2/J expression compiled on first use: most rules never run on a given scan because their
 * keywords do not occur, so compiling all of them up front only costs start-up time.
 */
final class LazyPattern {

  private final String source;
  private volatile @Nullable Pattern compiled;

  LazyPattern(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  Pattern pattern() {
    Pattern p = compiled;
    if (p == null) {
      p = Pattern.compile(source);
      compiled = p;
    }
    return p;
  }

  Matcher matcher(CharSequence input) {
    return pattern().matcher(input);
  }
}
