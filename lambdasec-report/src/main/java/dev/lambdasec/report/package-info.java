/**
 * Report writers: one {@link dev.lambdasec.engine.Report} rendered as console text, JSON or SARIF.
 */
@NullMarked
package dev.lambdasec.report;

import org.jspecify.annotations.NullMarked;
