/** Rules about the account's audit and detection services, from a live collection. */
@NullMarked
package dev.lambdasec.rules.account;

import org.jspecify.annotations.NullMarked;
