/** Rules about CloudWatch Logs log groups. */
@NullMarked
package dev.lambdasec.rules.logs;

import org.jspecify.annotations.NullMarked;
