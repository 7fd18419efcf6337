/** Runs rules over the model and turns their verdicts into findings, a checklist and a report. */
@NullMarked
package dev.lambdasec.engine;

import org.jspecify.annotations.NullMarked;
