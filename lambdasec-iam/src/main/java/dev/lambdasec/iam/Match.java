package dev.lambdasec.iam;

/** A three-valued answer: YES, NO, or MAYBE when it depends on values unknown before deployment. */
public enum Match {
  YES,
  MAYBE,
  NO;

  public static Match or(Match a, Match b) {
    if (a == YES || b == YES) {
      return YES;
    }
    return a == MAYBE || b == MAYBE ? MAYBE : NO;
  }

  public static Match and(Match a, Match b) {
    if (a == NO || b == NO) {
      return NO;
    }
    return a == MAYBE || b == MAYBE ? MAYBE : YES;
  }

  public Match not() {
    return switch (this) {
      case YES -> NO;
      case NO -> YES;
      case MAYBE -> MAYBE;
    };
  }
}
