/** Rules about KMS keys. */
@NullMarked
package dev.lambdasec.rules.kms;

import org.jspecify.annotations.NullMarked;
