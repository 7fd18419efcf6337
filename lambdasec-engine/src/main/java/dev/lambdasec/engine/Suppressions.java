package dev.lambdasec.engine;

import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.Suppression;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Matches findings to the inline suppressions of the sources. A suppression applies to its resource
 * and to the resources that resource generated (a SAM function's role, URL and routes), and only
 * when it states a reason; a suppression without one is ignored here and reported by its own rule.
 */
final class Suppressions {

  private final List<Suppression> all;

  Suppressions(List<Suppression> all) {
    this.all = all.stream().filter(Suppression::hasReason).toList();
  }

  Optional<Suppression> find(String ruleId, Subject subject) {
    for (Suppression s : all) {
      if (s.ruleId().toUpperCase(Locale.ROOT).equals(ruleId) && covers(s.target(), subject)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static boolean covers(ResourceKey target, Subject subject) {
    if (target.equals(subject.key())) {
      return true;
    }
    String parent = subject.definedBy();
    return parent != null
        && target.scope().equals(subject.key().scope())
        && target.id().equals(parent);
  }
}
