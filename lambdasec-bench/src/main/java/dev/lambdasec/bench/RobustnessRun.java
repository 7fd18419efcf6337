package dev.lambdasec.bench;

import dev.lambdasec.cli.Scanner;
import dev.lambdasec.engine.Report;
import dev.lambdasec.model.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scans every file under a corpus root on its own, and counts crashes: an exception escaping the
 * scan, an internal input error, or a rule error. The target is zero.
 */
public final class RobustnessRun {

  /**
   * The outcome of the run.
   *
   * @param templates inputs recognised as infrastructure code
   * @param notIac files that are not infrastructure code (sources, docs), refused as such
   * @param malformed files that look like infrastructure code but could not be read, each reported
   *     with its line
   * @param notes parts of templates read but not evaluated
   */
  public record Result(
      int files,
      int templates,
      int notIac,
      int malformed,
      int notes,
      List<String> crashes,
      long millis) {}

  private final Scanner scanner;

  public RobustnessRun(Scanner scanner) {
    this.scanner = scanner;
  }

  public Result run(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    long start = System.nanoTime();
    int templates = 0;
    int notIac = 0;
    int malformed = 0;
    int notes = 0;
    List<String> crashes = new ArrayList<>();
    for (Path file : files) {
      try {
        Report report = scanner.scan(List.of(file.toString()));
        templates += report.inputs().size();
        for (InputError e : report.errors()) {
          if (e.message().startsWith("internal error")) {
            crashes.add(file + ": " + e.message());
          } else if (e.isNote()) {
            notes++;
          } else if (e.message().startsWith("not a ")) {
            notIac++;
          } else {
            malformed++;
          }
        }
        report.ruleErrors().forEach(e -> crashes.add(file + ": " + e.message()));
      } catch (RuntimeException | StackOverflowError e) {
        crashes.add(file + ": " + e.getClass().getName());
      } catch (dev.lambdasec.source.iac.UnreadableInputException e) {
        crashes.add(file + ": unreadable: " + e.getMessage());
      }
    }
    return new Result(
        files.size(),
        templates,
        notIac,
        malformed,
        notes,
        crashes,
        (System.nanoTime() - start) / 1_000_000);
  }
}
