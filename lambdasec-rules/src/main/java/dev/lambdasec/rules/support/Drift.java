package dev.lambdasec.rules.support;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pairs each live function with the template function that declares it: by the {@code
 * aws:cloudformation:logical-id} tag CloudFormation puts on what it creates, else by function name.
 * A live function with no single match has no pair.
 */
public final class Drift {

  /** The CloudFormation tag naming the logical id of a resource in its stack. */
  public static final String LOGICAL_ID_TAG = "aws:cloudformation:logical-id";

  private Drift() {}

  /** A live function and its template. */
  public record Pair(LambdaFunction live, LambdaFunction template) {
    /** "template T (file:line)" for messages. */
    public String templateLabel() {
      return "template function " + template.id() + " (" + template.origin().display() + ")";
    }
  }

  public static List<Pair> pairs(Application app) {
    List<LambdaFunction> live = new ArrayList<>();
    Map<String, List<LambdaFunction>> byId = new HashMap<>();
    Map<String, List<LambdaFunction>> byName = new HashMap<>();
    for (LambdaFunction f : app.functions()) {
      if (LiveFacts.isLive(app, f)) {
        live.add(f);
      } else {
        byId.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f);
        f.name().known().ifPresent(n -> byName.computeIfAbsent(n, k -> new ArrayList<>()).add(f));
      }
    }
    List<Pair> out = new ArrayList<>();
    for (LambdaFunction f : live) {
      Optional<String> logicalId =
          f.tags()
              .known()
              .map(t -> t.get(LOGICAL_ID_TAG))
              .flatMap(v -> Optional.ofNullable(v))
              .flatMap(Value::known);
      List<LambdaFunction> candidates =
          logicalId.map(id -> byId.getOrDefault(id, List.of())).orElse(List.of());
      if (candidates.size() != 1) {
        candidates = f.name().known().map(n -> byName.getOrDefault(n, List.of())).orElse(List.of());
      }
      if (candidates.size() == 1) {
        out.add(new Pair(f, candidates.get(0)));
      }
    }
    return out;
  }
}
