/** Rules about Lambda functions, their URLs, permissions and configuration. */
@NullMarked
package dev.lambdasec.rules.lambda;

import org.jspecify.annotations.NullMarked;
