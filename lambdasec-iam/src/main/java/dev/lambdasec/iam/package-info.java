/** IAM policy parsing, the action catalog, policy evaluation and risk analysis. */
@NullMarked
package dev.lambdasec.iam;

import org.jspecify.annotations.NullMarked;
