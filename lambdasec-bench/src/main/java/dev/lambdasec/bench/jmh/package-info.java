/** JMH micro-benchmarks of the hot paths: template to model, policy evaluation, the rule run. */
@NullMarked
package dev.lambdasec.bench.jmh;

import org.jspecify.annotations.NullMarked;
