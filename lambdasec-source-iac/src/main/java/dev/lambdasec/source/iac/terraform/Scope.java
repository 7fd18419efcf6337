package dev.lambdasec.source.iac.terraform;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.terraform.hcl.Pos;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where an expression is evaluated: the module instance whose variables, locals and resources its
 * names refer to, the file it is written in, the resource whose value it is (for origins), and the
 * names bound around it ({@code count}, {@code each}, {@code for} variables, dynamic block
 * iterators).
 */
record Scope(
    ModuleInstance module, String file, @Nullable String resource, Map<String, Node> names) {

  /** The name a splat binds its element to; not a valid HCL identifier. */
  static final String SPLAT = "[*]";

  Scope {
    names = Map.copyOf(names);
  }

  Scope with(String name, Node value) {
    Map<String, Node> more = new HashMap<>(names);
    more.put(name, value);
    return new Scope(module, file, resource, more);
  }

  Scope inFile(String otherFile) {
    return new Scope(module, otherFile, resource, names);
  }

  Origin origin(Pos pos) {
    return new Origin(file.isEmpty() ? null : file, pos.line(), pos.column(), resource, null);
  }
}
