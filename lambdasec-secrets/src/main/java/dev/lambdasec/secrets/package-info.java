/** Secret detection for configuration values and files. */
@NullMarked
package dev.lambdasec.secrets;

import org.jspecify.annotations.NullMarked;
