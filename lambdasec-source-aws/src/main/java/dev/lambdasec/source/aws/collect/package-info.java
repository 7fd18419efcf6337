/**
 * The read-only collector: AWS SDK v2 clients over one Apache 5 connection pool, bulk APIs first,
 * per-resource calls fanned out on virtual threads under a per-service limit.
 */
@NullMarked
package dev.lambdasec.source.aws.collect;

import org.jspecify.annotations.NullMarked;
