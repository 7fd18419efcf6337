/** Test support shared by modules: rule fixtures through the real adapters, golden files. */
@NullMarked
package dev.lambdasec.testkit;

import org.jspecify.annotations.NullMarked;
