/** The command line: argument parsing, wiring of sources, engine and writers, exit codes. */
@NullMarked
package dev.lambdasec.cli;

import org.jspecify.annotations.NullMarked;
