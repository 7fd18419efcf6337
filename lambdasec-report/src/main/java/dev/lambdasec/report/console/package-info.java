/** The human-readable console report, grouped by checklist control. */
@NullMarked
package dev.lambdasec.report.console;

import org.jspecify.annotations.NullMarked;
