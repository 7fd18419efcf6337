/** The IAM policy language as a typed model, parsed from the model's document trees. */
@NullMarked
package dev.lambdasec.iam.policy;

import org.jspecify.annotations.NullMarked;
