package dev.lambdasec.source.iac.terraform;

import dev.lambdasec.source.iac.terraform.hcl.HclFile;

/** A declaration and the file it is written in. */
record Declared<T>(T item, HclFile file) {}
