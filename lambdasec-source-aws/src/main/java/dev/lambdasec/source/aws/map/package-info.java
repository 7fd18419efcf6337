/** Snapshot to model: every collected fact becomes a model value with an ARN origin. */
@NullMarked
package dev.lambdasec.source.aws.map;

import org.jspecify.annotations.NullMarked;
