/** The snapshot: what a live collection found, as versioned JSON. */
@NullMarked
package dev.lambdasec.source.aws.snapshot;

import org.jspecify.annotations.NullMarked;
