/** Readers shared by the loaders of bundled reference data. */
@NullMarked
package dev.lambdasec.iam.data;

import org.jspecify.annotations.NullMarked;
