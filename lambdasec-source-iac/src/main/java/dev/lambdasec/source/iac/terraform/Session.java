package dev.lambdasec.source.iac.terraform;

import dev.lambdasec.model.InputError;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Origin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state shared by every module instance of one configuration: where problems go, how much may
 * be evaluated, the module folders already read, and every resource instance by address with its
 * evaluated body.
 */
final class Session {

  /** Most values one configuration may evaluate to; hostile inputs stop here. */
  static final long NODE_BUDGET = 1_000_000;

  /** Deepest chain of evaluations (references through locals, modules and resources). */
  static final int MAX_DEPTH = 400;

  /** Most instances expanded from one {@code count} or {@code for_each}. */
  static final int MAX_INSTANCES = 1_000;

  /** Deepest nesting of module calls. */
  static final int MAX_MODULE_DEPTH = 16;

  /** Thrown when the configuration expands past {@link #NODE_BUDGET}. */
  static final class TooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLargeException() {
      super("configuration too large", null, false, false);
    }
  }

  private final String rootDisplay;
  private final long maxFileBytes;
  private final List<InputError> errors;
  private final Map<Path, ModuleFiles> modules = new HashMap<>();
  private final Map<String, Instance> instances = new LinkedHashMap<>();
  private final Map<String, ModuleInstance> moduleInstances = new HashMap<>();
  private final Map<String, MapNode> bodies = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();
  private final Set<InputError> notes = new HashSet<>();
  private final Set<String> named = new HashSet<>();
  private long budget = NODE_BUDGET;
  private int depth;
  private boolean assumed;

  /**
   * @param parsed module folders already read, by absolute normalized path
   */
  Session(
      String rootDisplay,
      long maxFileBytes,
      List<InputError> errors,
      Map<Path, ModuleFiles> parsed) {
    this.rootDisplay = rootDisplay;
    this.maxFileBytes = maxFileBytes;
    this.errors = errors;
    this.modules.putAll(parsed);
  }

  /** The root module folder as shown to users ({@code path.root}). */
  String rootDisplay() {
    return rootDisplay;
  }

  long maxFileBytes() {
    return maxFileBytes;
  }

  List<InputError> errors() {
    return errors;
  }

  /** Reports a note once at the position of {@code origin}. */
  void note(Origin origin, String message) {
    String file = origin.file() == null ? "" : origin.file();
    InputError note = InputError.note(file, origin.line(), origin.column(), message);
    if (notes.add(note)) {
      errors.add(note);
    }
  }

  /** The files of a module folder, read once per configuration. */
  ModuleFiles module(Path dir, String display) {
    Path key = dir.toAbsolutePath().normalize();
    ModuleFiles known = modules.get(key);
    if (known == null) {
      known = ModuleFiles.read(dir, display, maxFileBytes, errors);
      modules.put(key, known);
    }
    return known;
  }

  /** Pays for {@code nodes} evaluated values. */
  void charge(long nodes) {
    budget -= nodes;
    if (budget < 0) {
      throw new TooLargeException();
    }
  }

  /** Enters one level of evaluation; false when the chain is already too deep. */
  boolean enter() {
    if (depth >= MAX_DEPTH) {
      return false;
    }
    depth++;
    return true;
  }

  void exit() {
    depth--;
  }

  /**
   * Records that a value was read from a variable's default (or from something computed from one)
   * rather than given by the user; {@code count} and {@code for_each} use this to tell a resource
   * that the user switched off from one that is merely off by default.
   */
  void readAssumed() {
    assumed = true;
  }

  /** Starts tracking assumed reads; returns the state to restore with {@link #assumedSince}. */
  boolean trackAssumed() {
    boolean before = assumed;
    assumed = false;
    return before;
  }

  /** Whether an assumed value was read since {@link #trackAssumed}, and restores the state. */
  boolean assumedSince(boolean before) {
    boolean read = assumed;
    assumed = before || read;
    return read;
  }

  /** Records that an expression names the resource or data block {@code address}. */
  void named(String address) {
    named.add(address);
  }

  /** Whether an expression evaluated so far names the resource or data block {@code address}. */
  boolean isNamed(String address) {
    return named.contains(address);
  }

  void register(Instance instance) {
    instances.putIfAbsent(instance.address(), instance);
  }

  void register(String address, ModuleInstance module) {
    moduleInstances.putIfAbsent(address, module);
  }

  Optional<ModuleInstance> moduleInstance(String address) {
    return Optional.ofNullable(moduleInstances.get(address));
  }

  Optional<Instance> instance(String address) {
    return Optional.ofNullable(instances.get(address));
  }

  List<Instance> instances() {
    return new ArrayList<>(instances.values());
  }

  /**
   * The evaluated body of a resource instance; empty while it is being evaluated (a reference
   * cycle), in which case the caller treats its attributes as known only after apply.
   */
  Optional<MapNode> body(Instance instance, Evaluator evaluator) {
    MapNode known = bodies.get(instance.address());
    if (known != null) {
      return Optional.of(known);
    }
    if (!evaluating.add(instance.address())) {
      return Optional.empty();
    }
    try {
      MapNode body = evaluator.body(instance);
      bodies.put(instance.address(), body);
      return Optional.of(body);
    } finally {
      evaluating.remove(instance.address());
    }
  }
}
