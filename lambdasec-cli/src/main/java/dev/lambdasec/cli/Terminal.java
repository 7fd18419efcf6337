package dev.lambdasec.cli;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard output (for colour) and standard error (for progress) are terminals. */
final class Terminal {

  private Terminal() {}

  // Handles both JDK behaviours: null before 22, isTerminal() from 22 on.
  @SuppressWarnings("SystemConsoleNull")
  static boolean isInteractive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Java 22+ returns a Console even when redirected; isTerminal() tells the truth there.
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /**
   * False when standard error is known to go elsewhere than a terminal ({@code 2>file}, a pipe),
   * read from {@code /proc/self/fd/2} where the system has it; true where it cannot be told.
   */
  static boolean isErrorInteractive() {
    Path fd = Path.of("/proc/self/fd/2");
    try {
      String target = Files.readSymbolicLink(fd).toString();
      return target.startsWith("/dev/pts/")
          || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return true;
    }
  }
}
