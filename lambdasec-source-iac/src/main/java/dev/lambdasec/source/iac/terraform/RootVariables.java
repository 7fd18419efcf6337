package dev.lambdasec.source.iac.terraform;

import dev.lambdasec.model.InputError;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.parse.ParseException;
import dev.lambdasec.source.iac.terraform.ModuleInstance.Given;
import dev.lambdasec.source.iac.terraform.hcl.Attribute;
import dev.lambdasec.source.iac.terraform.hcl.Block;
import dev.lambdasec.source.iac.terraform.hcl.Expr;
import dev.lambdasec.source.iac.terraform.hcl.HclFile;
import dev.lambdasec.source.iac.terraform.hcl.HclParser;
import dev.lambdasec.source.iac.terraform.mapping.JsonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The values a user gives the root module's variables, in Terraform's order of precedence: {@code
 * terraform.tfvars}, {@code terraform.tfvars.json}, {@code *.auto.tfvars(.json)} in name order,
 * then {@code --var-file} files, then {@code --var NAME=VALUE}; a later source wins.
 */
final class RootVariables implements ModuleInstance.Input {

  /** A value written in a variables file: its expression, or a tree read from JSON. */
  private record Written(String file, @Nullable Expr expr, @Nullable Node tree) {}

  private final Map<String, Written> written = new HashMap<>();
  private final Map<String, String> cli;
  private final Evaluator evaluator;

  private RootVariables(Map<String, String> cli, Evaluator evaluator) {
    this.cli = Map.copyOf(cli);
    this.evaluator = evaluator;
  }

  /**
   * The variables of a root folder ({@code null} for files given in memory) with the files and
   * values given on the command line.
   */
  static RootVariables of(
      @Nullable Path dir,
      String display,
      List<String> varFiles,
      Map<String, String> vars,
      long maxBytes,
      Evaluator evaluator,
      List<InputError> errors) {
    RootVariables out = new RootVariables(vars, evaluator);
    if (dir != null) {
      List<Path> entries = ModuleFiles.list(dir, display, new java.util.ArrayList<>());
      for (String wanted : List.of("terraform.tfvars", "terraform.tfvars.json")) {
        entries.stream()
            .filter(p -> p.getFileName().toString().equals(wanted))
            .forEach(p -> out.load(p, Displays.file(display, wanted), maxBytes, errors));
      }
      for (Path p : entries) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".auto.tfvars") || name.endsWith(".auto.tfvars.json")) {
          out.load(p, Displays.file(display, p.getFileName().toString()), maxBytes, errors);
        }
      }
    }
    for (String file : varFiles) {
      out.load(Path.of(file), file.replace('\\', '/'), maxBytes, errors);
    }
    return out;
  }

  private void load(Path file, String shown, long maxBytes, List<InputError> errors) {
    try {
      if (Files.size(file) > maxBytes) {
        errors.add(new InputError(shown, 0, 0, "larger than " + maxBytes + " bytes; not read"));
        return;
      }
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      if (shown.toLowerCase(Locale.ROOT).endsWith(".json")) {
        Node tree = JsonText.read(text, new Origin(shown, 1, 1, null, null));
        if (tree instanceof Node.MapNode m) {
          m.entries().forEach(e -> written.put(e.key(), new Written(shown, null, e.value())));
        } else {
          errors.add(new InputError(shown, 0, 0, "cannot be parsed: not a JSON object"));
        }
        return;
      }
      HclFile parsed = HclParser.parse(shown, text);
      for (Attribute a : parsed.body().attributes()) {
        written.put(a.name(), new Written(shown, a.expr(), null));
      }
    } catch (ParseException e) {
      errors.add(ModuleFiles.parseError(shown, e));
    } catch (IOException | RuntimeException e) {
      errors.add(new InputError(shown, 0, 0, "cannot be read"));
    }
  }

  @Override
  public Optional<Given> value(Declared<Block> variable, ModuleInstance module) {
    String name = variable.item().labels().getFirst();
    String given = cli.get(name);
    if (given != null) {
      return Optional.of(new Given(fromCli(given, variable, module), false));
    }
    Written w = written.get(name);
    if (w == null) {
      return Optional.empty();
    }
    Expr expr = w.expr();
    Node tree = w.tree();
    if (expr != null) {
      return Optional.of(
          new Given(evaluator.eval(expr, new Scope(module, w.file(), null, Map.of())), false));
    }
    return tree == null ? Optional.empty() : Optional.of(new Given(tree, false));
  }

  /**
   * A {@code --var} value: text for variables of type {@code string} or without a type, an HCL
   * expression for the other types, as Terraform reads it.
   */
  private Node fromCli(String text, Declared<Block> variable, ModuleInstance module) {
    Origin at = new Origin(null, 0, 0, null, null);
    Optional<Expr> type = variable.item().body().attribute("type").map(Attribute::expr);
    boolean string =
        type.isEmpty() || (type.get() instanceof Expr.Variable v && v.name().equals("string"));
    if (!string) {
      try {
        return evaluator.eval(
            HclParser.parseExpression(text), new Scope(module, "", null, Map.of()));
      } catch (ParseException e) {
        // read as text below
      }
    }
    return Values.string(text, at);
  }
}
