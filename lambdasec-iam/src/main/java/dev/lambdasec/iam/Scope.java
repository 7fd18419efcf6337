package dev.lambdasec.iam;

import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.Value;
import java.util.List;

/**
 * The resources an identity-policy statement covers: every resource ({@code "Resource": "*"}, or a
 * statement without a resource element), only the listed ones, or every resource except the listed
 * ones ({@code NotResource}).
 */
public record Scope(Kind kind, List<Value<String>> patterns) {

  /** How the resource element is written. */
  public enum Kind {
    ALL,
    ONLY,
    ALL_EXCEPT
  }

  public Scope {
    patterns = List.copyOf(patterns);
  }

  public static Scope of(Statement s) {
    if (s.resource().present()) {
      return new Scope(s.resource().contains("*") ? Kind.ALL : Kind.ONLY, s.resource().values());
    }
    if (s.notResource().present()) {
      return new Scope(Kind.ALL_EXCEPT, s.notResource().values());
    }
    return new Scope(Kind.ALL, List.of());
  }

  /** {@code "Resource": "*"}: every resource. */
  public boolean everything() {
    return kind == Kind.ALL;
  }

  /** Not narrowed to named resources: {@code "Resource": "*"} or {@code NotResource}. */
  public boolean unscoped() {
    return kind != Kind.ONLY;
  }

  public boolean hasUnresolved() {
    return patterns.stream().anyMatch(Value::isUnresolved);
  }

  /** Whether the scope covers a resource ARN (which may contain placeholders). */
  public Match covers(String arn) {
    if (kind == Kind.ALL) {
      return Match.YES;
    }
    Match any = Match.NO;
    for (Value<String> p : patterns) {
      any = Match.or(any, p.isUnresolved() ? Match.MAYBE : Glob.resource(p.orElse(""), arn));
    }
    return kind == Kind.ONLY ? any : any.not();
  }

  /** True when every resource of {@code other} is surely in this scope. */
  public boolean covers(Scope other) {
    if (kind == Kind.ALL) {
      return true;
    }
    if (kind != Kind.ONLY || other.kind != Kind.ONLY || other.hasUnresolved()) {
      return false;
    }
    for (Value<String> p : other.patterns) {
      String inner = p.orElse("");
      boolean covered = false;
      for (Value<String> q : patterns) {
        String outer = q.orElse("");
        if (q.isSet() && outer.indexOf('?') < 0 && Glob.resource(outer, inner) == Match.YES) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when a pattern can match more than one resource of a kind: {@code *}, or a wildcard in the
   * resource part of an ARN ({@code arn:aws:iam::123456789012:role/*}). A wildcard only in the
   * region or account ({@code arn:aws:lambda:*:*:function:orders}) still names one resource.
   */
  public static boolean unpinned(String pattern) {
    if (Glob.isWildcardOnly(pattern)) {
      return true;
    }
    String name = Arn.parse(pattern).map(Arn::resource).orElse(pattern);
    return wild(name);
  }

  private static boolean wild(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (depth == 0 && (c == '*' || c == '?')) {
        return true;
      }
    }
    return false;
  }
}
