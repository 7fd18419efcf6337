/** Least privilege: granted-but-unneeded actions and minimal policies from declared needs. */
@NullMarked
package dev.lambdasec.iam.suggest;

import org.jspecify.annotations.NullMarked;
