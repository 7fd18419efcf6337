/** Model helpers shared by several rules; no rule lives here. */
@NullMarked
package dev.lambdasec.rules.support;

import org.jspecify.annotations.NullMarked;
