package dev.lambdasec.cli;

import dev.lambdasec.iam.EffectivePermissions;
import dev.lambdasec.iam.Iam;
import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.catalog.ActionSet;
import dev.lambdasec.iam.policy.PolicyWriter;
import dev.lambdasec.iam.suggest.LeastPrivilege;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Role;
import dev.lambdasec.source.iac.IacOptions;
import dev.lambdasec.source.iac.IacReader;
import dev.lambdasec.source.iac.SourceResult;
import dev.lambdasec.source.iac.UnreadableInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lambdasec policy suggest PATH… --function ID}: compares what a function's execution role
 * is granted with the actions the function needs (from the policy file and {@code --needs}),
 * reports the granted-but-unneeded actions, and writes a minimal policy.
 */
@Command(
    name = "suggest",
    mixinStandardHelpOptions = true,
    description = {
      "Compares a function's execution role with the actions the function needs and writes the"
          + " smallest policy that still grants them (JSON, to standard output or -o).",
      "Needs come from the policy file (functions: {ID: {needs: [s3:GetObject, ...]}}) and from"
          + " --needs. When several functions share the role, the policy covers the union of their"
          + " needs.",
      "The report goes to standard error."
    })
final class PolicySuggestCommand implements Callable<Integer> {

  private static final int SHOWN_PER_SERVICE = 3;
  private static final int SHOWN_SERVICES = 8;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Template files or folders.")
  List<String> paths = new ArrayList<>();

  @Option(
      names = "--function",
      required = true,
      paramLabel = "ID",
      description = "The function, by logical id or name.")
  String function = "";

  @Option(
      names = "--needs",
      paramLabel = "FUNCTION=ACTIONS",
      description = "Actions a function needs, comma-separated; repeatable.")
  List<String> needs = new ArrayList<>();

  @Option(
      names = "--policy-file",
      paramLabel = "FILE",
      description = "Policy file with functions.<ID>.needs (default: lambdasec.yml when present).")
  @Nullable Path policyFile;

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description = "CloudFormation parameter value, repeatable.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the policy to FILE instead of standard output.")
  @Nullable Path output;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Needs declared;
    try {
      declared = needs();
    } catch (IllegalArgumentException e) {
      err.println("lambdasec: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    SourceResult source;
    try {
      source =
          new IacReader(new IacOptions(params, IacOptions.defaults().maxFileBytes())).read(paths);
    } catch (UnreadableInputException e) {
      err.println("lambdasec: " + e.getMessage());
      return ExitCodes.INPUT;
    }
    Application app = source.application();
    Optional<LambdaFunction> fn =
        app.functions().stream()
            .filter(f ->
                f.id().equals(function) || f.name().known().filter(function::equals).isPresent())
            .findFirst();
    if (fn.isEmpty()) {
      err.println("lambdasec: no function " + function + " in " + String.join(", ", paths));
      return ExitCodes.USAGE;
    }
    Iam iam = Iam.of(app);
    Optional<Role> role = iam.roleOf(fn.get());
    if (role.isEmpty()) {
      err.println(
          "lambdasec: the execution role of "
              + fn.get().id()
              + " ("
              + fn.get().role().describe()
              + ") is not in the scanned sources");
      return ExitCodes.INPUT;
    }
    List<LambdaFunction> sharing =
        app.functions().stream()
            .filter(f -> iam.roleOf(f).filter(role.get()::equals).isPresent())
            .toList();
    Set<String> wanted = new LinkedHashSet<>();
    List<String> undeclared = new ArrayList<>();
    for (LambdaFunction f : sharing) {
      String key = declared.declares(f.id()) ? f.id() : f.name().known().orElse(f.id());
      if (declared.declares(key)) {
        wanted.addAll(declared.of(key));
      } else {
        undeclared.add(f.id());
      }
    }
    if (wanted.isEmpty()) {
      err.println(
          "lambdasec: no needs declared for "
              + function
              + "; give --needs "
              + function
              + "=service:Action,... or functions."
              + function
              + ".needs in the policy file");
      return ExitCodes.USAGE;
    }
    EffectivePermissions permissions = iam.permissions(iam.principalPolicies(role.get()));
    LeastPrivilege.Result result = LeastPrivilege.analyze(permissions, wanted);
    report(err, fn.get(), role.get(), sharing, undeclared, permissions, result);
    String json = PolicyWriter.write(result.suggestion()) + System.lineSeparator();
    if (output != null) {
      Files.writeString(output, json, StandardCharsets.UTF_8);
      err.println("Policy written to " + output);
    } else {
      spec.commandLine().getOut().print(json);
      spec.commandLine().getOut().flush();
    }
    return ExitCodes.OK;
  }

  private Needs needs() throws IOException {
    Path file = policyFile;
    if (file == null && Files.isRegularFile(Path.of("lambdasec.yml"))) {
      file = Path.of("lambdasec.yml");
    }
    Needs declared = file == null ? new Needs() : Needs.fromPolicyFile(file);
    return declared.withCommandLine(needs);
  }

  private static void report(
      PrintWriter err,
      LambdaFunction fn,
      Role role,
      List<LambdaFunction> sharing,
      List<String> undeclared,
      EffectivePermissions permissions,
      LeastPrivilege.Result r) {
    ActionCatalog catalog = permissions.catalog();
    err.println(
        "Function "
            + fn.id()
            + " runs as "
            + role.id()
            + (sharing.size() > 1
                ? ", shared with "
                    + String.join(
                        ", ",
                        sharing.stream()
                            .map(LambdaFunction::id)
                            .filter(id -> !id.equals(fn.id()))
                            .toList())
                    + "; the policy covers the union of their needs"
                : ""));
    if (!undeclared.isEmpty()) {
      err.println("  No needs declared for " + String.join(", ", undeclared) + ": not covered.");
    }
    err.println("  Needed: " + r.needed().size() + " action(s)");
    if (!r.unknownNeeds().isEmpty()) {
      err.println("  Not in the action catalog: " + String.join(", ", r.unknownNeeds()));
    }
    err.println(
        "  Granted: "
            + permissions.allowed().size()
            + " action(s); not needed: "
            + r.unneeded().size()
            + (r.unneeded().isEmpty() ? "" : " — " + byService(catalog, r.unneeded())));
    if (!r.missing().isEmpty()) {
      err.println("  Needed but not granted: " + byService(catalog, r.missing()));
    }
    if (!r.broad().isEmpty()) {
      err.println(
          "  Kept on \"*\" because the role grants nothing narrower (name the resources): "
              + String.join(", ", r.broad()));
    }
    if (permissions.uncertain()) {
      err.println(
          "  Some of the role's policies cannot be read; the comparison may be incomplete.");
    }
  }

  private static String byService(ActionCatalog catalog, ActionSet actions) {
    Map<String, List<String>> grouped = new TreeMap<>();
    catalog
        .actions(actions)
        .forEach(a -> grouped.computeIfAbsent(a.service(), k -> new ArrayList<>()).add(a.name()));
    List<String> parts = new ArrayList<>();
    grouped.entrySet().stream()
        .sorted((a, b) -> b.getValue().size() - a.getValue().size())
        .limit(SHOWN_SERVICES)
        .forEach(e ->
            parts.add(
                e.getKey()
                    + " "
                    + e.getValue().size()
                    + " ("
                    + String.join(", ", e.getValue().stream().limit(SHOWN_PER_SERVICE).toList())
                    + (e.getValue().size() > SHOWN_PER_SERVICE ? ", …" : "")
                    + ")"));
    return String.join("; ", parts) + (grouped.size() > SHOWN_SERVICES ? "; …" : "");
  }
}
