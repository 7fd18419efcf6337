/** Rules about how the sources follow the security standard: inline suppressions and exceptions. */
@NullMarked
package dev.lambdasec.rules.policy;

import org.jspecify.annotations.NullMarked;
