package dev.lambdasec.source.iac.terraform.hcl;

import java.util.List;
import java.util.Optional;

/** The attributes and blocks of a file or of a block, each in the order written. */
public record Body(List<Attribute> attributes, List<Block> blocks) {
  public Body {
    attributes = List.copyOf(attributes);
    blocks = List.copyOf(blocks);
  }

  /** The attribute of that name; HCL forbids duplicates, so the first one wins. */
  public Optional<Attribute> attribute(String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The nested blocks of one type. */
  public List<Block> blocks(String type) {
    return blocks.stream().filter(b -> b.type().equals(type)).toList();
  }
}
