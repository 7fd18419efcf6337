/** Rules about CloudWatch alarms that watch functions. */
@NullMarked
package dev.lambdasec.rules.cloudwatch;

import org.jspecify.annotations.NullMarked;
