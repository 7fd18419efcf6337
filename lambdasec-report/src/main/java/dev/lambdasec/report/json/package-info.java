/** The JSON report (schema: {@code report.schema.json} next to this package's resources). */
@NullMarked
package dev.lambdasec.report.json;

import org.jspecify.annotations.NullMarked;
