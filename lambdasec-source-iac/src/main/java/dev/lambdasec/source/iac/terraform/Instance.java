package dev.lambdasec.source.iac.terraform;

import dev.lambdasec.model.Node;
import dev.lambdasec.source.iac.terraform.hcl.Block;
import java.util.Map;

/**
 * One instance of a resource or data block: {@code aws_x.y}, {@code aws_x.y[0]}, {@code
 * aws_x.y["k"]}, with module prefixes.
 *
 * @param names {@code count} and {@code each} as the instance sees them
 */
record Instance(
    String address, Declared<Block> declaration, ModuleInstance module, Map<String, Node> names) {

  Instance {
    names = Map.copyOf(names);
  }

  String type() {
    return declaration.item().labels().get(0);
  }

  boolean isData() {
    return declaration.item().type().equals("data");
  }

  Scope scope() {
    return new Scope(module, declaration.file().name(), address, names);
  }
}
