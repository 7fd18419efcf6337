/** Loaders for the reference data shipped in the jar (runtime lifecycle). */
@NullMarked
package dev.lambdasec.engine.data;

import org.jspecify.annotations.NullMarked;
