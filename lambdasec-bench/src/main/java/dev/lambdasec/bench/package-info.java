/** Measuring instruments: detection quality over a labelled corpus, robustness, benchmarks. */
@NullMarked
package dev.lambdasec.bench;

import org.jspecify.annotations.NullMarked;
