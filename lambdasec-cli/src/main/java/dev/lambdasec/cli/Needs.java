package dev.lambdasec.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The actions each function needs, as hints: {@code functions: {<FunctionId>: {needs:
 * [s3:GetObject, ...]}}} in the policy file ({@code lambdasec.yml}) and {@code --needs
 * FUNCTION=action,action} on the command line. Later sources add to earlier ones.
 */
final class Needs {

  private final Map<String, List<String>> byFunction = new LinkedHashMap<>();

  /** Reads the {@code functions} section of a policy file; other sections are not this reader's. */
  static Needs fromPolicyFile(Path file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(50);
    Object root;
    try {
      root =
          new Yaml(new SafeConstructor(options))
              .load(Files.readString(file, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new IOException(file + " is not valid YAML: " + e.getMessage(), e);
    }
    Needs needs = new Needs();
    if (root == null) {
      return needs;
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new IOException(file + ": the policy file must be a mapping");
    }
    Object functions = map.get("functions");
    if (functions == null) {
      return needs;
    }
    if (!(functions instanceof Map<?, ?> byId)) {
      throw new IOException(file + ": functions must map function ids to settings");
    }
    for (Map.Entry<?, ?> e : byId.entrySet()) {
      if (!(e.getValue() instanceof Map<?, ?> settings)) {
        throw new IOException(file + ": functions." + e.getKey() + " must be a mapping");
      }
      Object list = settings.get("needs");
      if (list == null) {
        continue;
      }
      if (!(list instanceof List<?> actions)) {
        throw new IOException(
            file + ": functions." + e.getKey() + ".needs must be a list of actions");
      }
      for (Object a : actions) {
        needs.add(String.valueOf(e.getKey()), String.valueOf(a));
      }
    }
    return needs;
  }

  /** Adds {@code FUNCTION=action,action} items as given on the command line. */
  Needs withCommandLine(List<String> items) {
    for (String item : items) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "--needs takes FUNCTION=action,action; got '" + item + "'");
      }
      for (String a : item.substring(eq + 1).split(",")) {
        if (!a.isBlank()) {
          add(item.substring(0, eq).trim(), a.trim());
        }
      }
    }
    return this;
  }

  private void add(String function, String action) {
    byFunction.computeIfAbsent(function, k -> new ArrayList<>()).add(action);
  }

  /** The needs declared for a function (by logical id or name), or empty. */
  List<String> of(String function) {
    return byFunction.getOrDefault(function, List.of());
  }

  boolean declares(String function) {
    return byFunction.containsKey(function);
  }
}
