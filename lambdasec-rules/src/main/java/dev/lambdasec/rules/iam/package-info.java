/** Rules about IAM roles and policies. */
@NullMarked
package dev.lambdasec.rules.iam;

import org.jspecify.annotations.NullMarked;
