/** SARIF 2.1.0 output, written from this package's own records. */
@NullMarked
package dev.lambdasec.report.sarif;

import org.jspecify.annotations.NullMarked;
