package dev.lambdasec.engine;

import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An ordered, validated set of rules: every rule has {@link RuleInfo}, a well-formed unique id and
 * a markdown document next to its class ({@code <ID>.md}).
 */
public final class RuleSet {

  private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*-\\d{3}");

  private final List<LoadedRule> rules;

  private RuleSet(List<LoadedRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * Validates and loads {@code rules}; throws {@link IllegalArgumentException} on a broken rule.
   */
  public static RuleSet of(List<? extends Rule> rules) {
    Set<String> seen = new HashSet<>();
    List<LoadedRule> loaded =
        rules.stream()
            .map(rule -> {
              LoadedRule l = load(rule);
              if (!seen.add(l.id())) {
                throw new IllegalArgumentException("duplicate rule id " + l.id());
              }
              return l;
            })
            .sorted((a, b) -> a.id().compareTo(b.id()))
            .toList();
    return new RuleSet(loaded);
  }

  private static LoadedRule load(Rule rule) {
    Class<?> type = rule.getClass();
    RuleInfo info = type.getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalArgumentException(type.getName() + " has no @RuleInfo");
    }
    if (!ID.matcher(info.id()).matches()) {
      throw new IllegalArgumentException(type.getName() + " has a malformed id " + info.id());
    }
    if (info.controls().length == 0 || info.sources().length == 0) {
      throw new IllegalArgumentException(info.id() + " must name its controls and sources");
    }
    String doc = readDoc(type, info.id());
    return new LoadedRule(
        rule,
        new RuleDescriptor(
            info.id(),
            info.title(),
            info.severity(),
            Arrays.asList(info.controls()),
            Arrays.asList(info.sources()),
            doc));
  }

  private static String readDoc(Class<?> type, String id) {
    try (InputStream in = type.getResourceAsStream(id + ".md")) {
      if (in == null) {
        throw new IllegalArgumentException(id + " has no documentation " + id + ".md");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<LoadedRule> rules() {
    return rules;
  }

  public List<RuleDescriptor> descriptors() {
    return rules.stream().map(LoadedRule::descriptor).toList();
  }

  public Optional<LoadedRule> find(String id) {
    String wanted = id.toUpperCase(Locale.ROOT);
    return rules.stream().filter(r -> r.id().equals(wanted)).findFirst();
  }

  /**
   * The rules selected by {@code include} (all when empty) minus {@code exclude}. Entries are rule
   * ids or id prefixes such as {@code IAM} or {@code IAM-00}.
   *
   * @throws IllegalArgumentException when an entry matches no rule
   */
  public RuleSet select(Collection<String> include, Collection<String> exclude) {
    for (String selector : concat(include, exclude)) {
      if (rules.stream().noneMatch(r -> matches(r, selector))) {
        throw new IllegalArgumentException("no rule matches '" + selector + "'");
      }
    }
    return new RuleSet(
        rules.stream()
            .filter(r -> include.isEmpty() || include.stream().anyMatch(s -> matches(r, s)))
            .filter(r -> exclude.stream().noneMatch(s -> matches(r, s)))
            .toList());
  }

  private static List<String> concat(Collection<String> a, Collection<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static boolean matches(LoadedRule rule, String selector) {
    return rule.id().startsWith(selector.trim().toUpperCase(Locale.ROOT));
  }
}
