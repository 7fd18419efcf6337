package dev.lambdasec.source.iac;

import dev.lambdasec.source.iac.terraform.TerraformReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the candidate template files below a folder, and the folders holding Terraform {@code .tf}
 * files: recursively, in sorted order, skipping hidden, dependency and build folders (Terraform's
 * {@code .terraform} among them). CDK's {@code cdk.out} is kept, but only its {@code
 * *.template.json} files.
 */
final class InputFinder {

  private static final Set<String> SKIPPED =
      Set.of(
          "node_modules",
          ".aws-sam",
          "target",
          ".terraform",
          ".git",
          "__pycache__",
          "venv",
          ".venv");
  private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json", ".template");
  private static final String CDK_OUT = "cdk.out";

  /** A file found in a folder and the path it is shown under. */
  record Candidate(Path path, String display) {}

  /** A folder that could not be listed. */
  record Unlisted(String display) {}

  private final List<Candidate> candidates = new ArrayList<>();
  private final List<TerraformReader.Folder> terraform = new ArrayList<>();
  private final List<Unlisted> unlisted = new ArrayList<>();

  private InputFinder() {}

  /** Walks {@code root}, shown as {@code display}. */
  static InputFinder walk(Path root, String display) {
    InputFinder finder = new InputFinder();
    finder.visit(
        root, display.endsWith("/") ? display.substring(0, display.length() - 1) : display, false);
    return finder;
  }

  List<Candidate> candidates() {
    return candidates;
  }

  /** Folders with at least one {@code .tf} file. */
  List<TerraformReader.Folder> terraform() {
    return terraform;
  }

  List<Unlisted> unlisted() {
    return unlisted;
  }

  private void visit(Path dir, String display, boolean inCdkOut) {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(entries::add);
    } catch (IOException | RuntimeException e) {
      unlisted.add(new Unlisted(display));
      return;
    }
    entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
    if (!inCdkOut && entries.stream().anyMatch(InputFinder::isTerraform)) {
      terraform.add(new TerraformReader.Folder(dir, display));
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      String shown = display + "/" + name;
      if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        boolean cdkOut = inCdkOut || name.equals(CDK_OUT);
        if (!skipDirectory(name, inCdkOut)) {
          visit(entry, shown, cdkOut);
        }
      } else if (Files.isRegularFile(entry) && isCandidate(name, inCdkOut)) {
        candidates.add(new Candidate(entry, shown));
      }
    }
  }

  /** A Terraform configuration file, which is read with its whole folder. */
  static boolean isTerraform(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".tf") && Files.isRegularFile(p);
  }

  private static boolean skipDirectory(String name, boolean inCdkOut) {
    return SKIPPED.contains(name)
        || name.startsWith(".")
        || (inCdkOut && name.startsWith("asset."));
  }

  private static boolean isCandidate(String name, boolean inCdkOut) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (inCdkOut) {
      return lower.endsWith(".template.json");
    }
    return EXTENSIONS.stream().anyMatch(lower::endsWith);
  }
}
