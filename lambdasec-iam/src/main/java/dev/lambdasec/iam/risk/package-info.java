/**
 * Risk analysis over effective permissions: privilege-escalation methods, risky actions granted
 * without resource scoping, and who can change a function.
 */
@NullMarked
package dev.lambdasec.iam.risk;

import org.jspecify.annotations.NullMarked;
