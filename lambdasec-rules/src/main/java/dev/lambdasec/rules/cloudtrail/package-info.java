/** Rules about CloudTrail trails. */
@NullMarked
package dev.lambdasec.rules.cloudtrail;

import org.jspecify.annotations.NullMarked;
