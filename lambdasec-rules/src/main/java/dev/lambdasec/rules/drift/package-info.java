/**
 * Rules comparing a live function with the template that declares it, when templates and an account
 * are scanned together.
 */
@NullMarked
package dev.lambdasec.rules.drift;

import org.jspecify.annotations.NullMarked;
