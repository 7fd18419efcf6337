package dev.lambdasec.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Which corpus categories each rule serves ({@code category-map.csv}). */
public record CategoryMap(Map<String, Set<String>> categoriesByRule) {

  public static CategoryMap bundled() {
    try (InputStream in = CategoryMap.class.getResourceAsStream("category-map.csv")) {
      if (in == null) {
        throw new IllegalStateException("category-map.csv is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CategoryMap parse(String text) {
    Map<String, Set<String>> map = new HashMap<>();
    String noComments =
        text.lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
    List<List<String>> rows = dev.lambdasec.iam.data.Csv.parse(noComments);
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() >= 2 && !row.get(0).isBlank()) {
        map.computeIfAbsent(row.get(0).trim(), k -> new TreeSet<>()).add(row.get(1).trim());
      }
    }
    return new CategoryMap(Map.copyOf(map));
  }

  public Set<String> categories(String ruleId) {
    return categoriesByRule.getOrDefault(ruleId, Set.of());
  }

  /** Every category some rule serves. */
  public Set<String> covered() {
    return categoriesByRule.values().stream()
        .flatMap(Set::stream)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
