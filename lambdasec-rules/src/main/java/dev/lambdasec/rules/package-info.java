/** The built-in rules, one package per AWS service. */
@NullMarked
package dev.lambdasec.rules;

import org.jspecify.annotations.NullMarked;
