package dev.lambdasec.source.iac.terraform;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.InputError;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.SourceUnit;
import dev.lambdasec.source.iac.terraform.hcl.Block;
import dev.lambdasec.source.iac.terraform.hcl.HclFile;
import dev.lambdasec.source.iac.terraform.mapping.TerraformMapper;
import dev.lambdasec.source.iac.terraform.mapping.TerraformResource;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Terraform configurations into the model. Each folder of {@code .tf} files is one
 * configuration; a folder that another scanned folder calls as a local module is read through its
 * caller, with the caller's arguments, rather than on its own. Content problems never throw: they
 * become {@link InputError}s, per file with the line.
 */
public final class TerraformReader {

  /** A folder holding {@code .tf} files, and the path it is shown under. */
  public record Folder(Path dir, String display) {}

  private static final String POLICY_DOCUMENT = "aws_iam_policy_document";

  private static final Set<String> DECLARATIONS =
      Set.of("resource", "data", "module", "variable", "output");

  private final Map<String, String> vars;
  private final List<String> varFiles;
  private final long maxFileBytes;

  /**
   * @param vars {@code --var NAME=VALUE} values for the root modules' variables
   * @param varFiles {@code --var-file} files, applied in order after the auto-loaded ones
   */
  public TerraformReader(Map<String, String> vars, List<String> varFiles, long maxFileBytes) {
    this.vars = Map.copyOf(vars);
    this.varFiles = List.copyOf(varFiles);
    this.maxFileBytes = maxFileBytes;
  }

  /** Reads the configurations in {@code folders}. */
  public void read(List<Folder> folders, Application.Builder app, List<InputError> errors) {
    Map<Path, ModuleFiles> parsed = new LinkedHashMap<>();
    Map<Path, Folder> byKey = new LinkedHashMap<>();
    for (Folder f : folders) {
      Path key = key(f.dir());
      if (byKey.putIfAbsent(key, f) == null) {
        parsed.put(key, ModuleFiles.read(f.dir(), f.display(), maxFileBytes, errors));
      }
    }
    for (Path root : roots(parsed)) {
      Folder f = byKey.get(root);
      if (f != null) {
        readRoot(f, parsed, app, errors);
      }
    }
  }

  /** Reads one file given in memory as a configuration of its own, shown as {@code display}. */
  public void readText(
      String display, String text, Application.Builder app, List<InputError> errors) {
    ModuleFiles files = ModuleFiles.of(display, Map.of(display, text), errors);
    if (files.files().isEmpty()) {
      return;
    }
    Session session = new Session(display, maxFileBytes, errors, Map.of());
    Evaluator evaluator = new Evaluator(session);
    RootVariables input =
        RootVariables.of(null, display, varFiles, vars, maxFileBytes, evaluator, errors);
    evaluate(
        display,
        session,
        new ModuleInstance(session, evaluator, files, "", 0, Set.of(), input),
        evaluator,
        app);
  }

  private static Path key(Path dir) {
    return dir.toAbsolutePath().normalize();
  }

  /**
   * The folders no other folder calls, then any folder left unreached (modules calling each other
   * in a cycle), in the order found.
   */
  private static List<Path> roots(Map<Path, ModuleFiles> parsed) {
    Map<Path, Set<Path>> calls = new HashMap<>();
    Set<Path> called = new LinkedHashSet<>();
    parsed.forEach((dir, files) -> {
      for (HclFile f : files.files()) {
        for (Block b : f.body().blocks("module")) {
          b.body()
              .attribute("source")
              .flatMap(a -> ModuleInstance.literal(a.expr()))
              .filter(s -> s.startsWith("./") || s.startsWith("../"))
              .map(s -> dir.resolve(s).normalize())
              .filter(parsed::containsKey)
              .filter(target -> !target.equals(dir))
              .ifPresent(target -> {
                calls.computeIfAbsent(dir, k -> new LinkedHashSet<>()).add(target);
                called.add(target);
              });
        }
      }
    });
    List<Path> roots = new ArrayList<>();
    Set<Path> reached = new LinkedHashSet<>();
    for (Path dir : parsed.keySet()) {
      if (!called.contains(dir)) {
        roots.add(dir);
        reach(dir, calls, reached);
      }
    }
    for (Path dir : parsed.keySet()) {
      if (!reached.contains(dir)) {
        roots.add(dir);
        reach(dir, calls, reached);
      }
    }
    return roots;
  }

  private static void reach(Path from, Map<Path, Set<Path>> calls, Set<Path> reached) {
    Deque<Path> todo = new ArrayDeque<>(List.of(from));
    while (!todo.isEmpty()) {
      Path p = todo.pop();
      if (reached.add(p)) {
        todo.addAll(calls.getOrDefault(p, Set.of()));
      }
    }
  }

  private void readRoot(
      Folder folder,
      Map<Path, ModuleFiles> parsed,
      Application.Builder app,
      List<InputError> errors) {
    ModuleFiles files = parsed.get(key(folder.dir()));
    if (files == null || files.files().isEmpty()) {
      return;
    }
    Map<HclFile, Set<String>> clashes = clashes(files);
    if (clashes.isEmpty()) {
      readRoot(folder, files, folder.display(), parsed, app, errors);
      return;
    }
    errors.add(
        InputError.note(
            folder.display(),
            0,
            0,
            "files declare "
                + String.join(", ", clashes.values().iterator().next())
                + " more than once, which Terraform refuses; each such file is read as a"
                + " configuration of its own, with the folder's other files"));
    List<HclFile> shared = files.files().stream().filter(f -> !clashes.containsKey(f)).toList();
    for (HclFile f : clashes.keySet()) {
      List<HclFile> one = new ArrayList<>(shared);
      one.add(f);
      readRoot(
          folder,
          new ModuleFiles(files.display(), files.dir(), one),
          f.name(),
          parsed,
          app,
          errors);
    }
  }

  private void readRoot(
      Folder folder,
      ModuleFiles files,
      String scope,
      Map<Path, ModuleFiles> parsed,
      Application.Builder app,
      List<InputError> errors) {
    Session session = new Session(folder.display(), maxFileBytes, errors, parsed);
    Evaluator evaluator = new Evaluator(session);
    RootVariables input =
        RootVariables.of(
            folder.dir(), folder.display(), varFiles, vars, maxFileBytes, evaluator, errors);
    ModuleInstance root =
        new ModuleInstance(session, evaluator, files, "", 0, Set.of(key(folder.dir())), input);
    evaluate(scope, session, root, evaluator, app);
  }

  /**
   * The files of a folder that declare a resource, data source, module, variable or output that
   * another of its files also declares, with those names: such a folder holds alternative examples
   * rather than one configuration.
   */
  private static Map<HclFile, Set<String>> clashes(ModuleFiles files) {
    Map<String, List<HclFile>> declaredIn = new LinkedHashMap<>();
    for (HclFile f : files.files()) {
      for (Block b : f.body().blocks()) {
        if (DECLARATIONS.contains(b.type())) {
          declaredIn
              .computeIfAbsent(
                  b.type() + " " + String.join(".", b.labels()), k -> new ArrayList<>())
              .add(f);
        }
      }
    }
    Map<HclFile, Set<String>> out = new LinkedHashMap<>();
    declaredIn.forEach((name, in) -> {
      if (in.stream().distinct().count() > 1) {
        String shown = name.substring(name.indexOf(' ') + 1);
        in.forEach(f -> out.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(shown));
      }
    });
    return out;
  }

  /** Evaluates every resource instance of every module instance and maps them. */
  private static void evaluate(
      String scope,
      Session session,
      ModuleInstance root,
      Evaluator evaluator,
      Application.Builder app) {
    try {
      List<ModuleInstance> modules = new ArrayList<>();
      collect(root, modules);
      List<TerraformResource> resources = new ArrayList<>();
      List<TerraformResource> documents = new ArrayList<>();
      for (ModuleInstance m : modules) {
        for (String key : m.resources().keySet()) {
          boolean document = key.startsWith("data." + POLICY_DOCUMENT + ".");
          if (key.startsWith("data.") && !document) {
            continue;
          }
          for (Instance instance : m.instances(key)) {
            Origin at = instance.scope().origin(instance.declaration().item().pos());
            Node.MapNode body =
                session.body(instance, evaluator).orElse(new Node.MapNode(List.of(), at));
            (document ? documents : resources)
                .add(new TerraformResource(instance.address(), instance.type(), body, at));
          }
        }
      }
      // A policy document no expression names is judged on its own: it is handed to something
      // lambdasec does not read (a registry module, an output), or to nothing.
      for (TerraformResource d : documents) {
        if (!session.isNamed(declarationAddress(d.address()))) {
          resources.add(d);
        }
      }
      Application.Builder one = Application.builder();
      one.source(new SourceUnit(scope, SourceKind.TERRAFORM));
      TerraformMapper mapper = new TerraformMapper(scope, resources);
      mapper.mapInto(one);
      InlineSuppressions.of(modules, mapper, scope, session).forEach(one::suppression);
      app.addAll(one.build());
    } catch (Session.TooLargeException e) {
      session
          .errors()
          .add(
              new InputError(
                  scope,
                  0,
                  0,
                  "expands to more than " + Session.NODE_BUDGET + " values; not read"));
    } catch (RuntimeException | StackOverflowError e) {
      session
          .errors()
          .add(
              new InputError(
                  scope, 0, 0, "internal error while reading: " + e.getClass().getSimpleName()));
    }
  }

  /** {@code data.aws_x.y} for the instance {@code data.aws_x.y[0]}. */
  private static String declarationAddress(String instance) {
    return instance.endsWith("]") ? instance.substring(0, instance.lastIndexOf('[')) : instance;
  }

  private static void collect(ModuleInstance m, List<ModuleInstance> into) {
    into.add(m);
    for (ModuleInstance child : m.children()) {
      collect(child, into);
    }
  }
}
