package dev.lambdasec.source.iac.terraform;

import dev.lambdasec.model.InputError;
import dev.lambdasec.source.iac.parse.ParseException;
import dev.lambdasec.source.iac.terraform.hcl.HclFile;
import dev.lambdasec.source.iac.terraform.hcl.HclParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code .tf} files of one module folder, parsed; files that could not be read or parsed are
 * left out and reported.
 *
 * @param display the folder as shown to users
 * @param dir the folder on disk, or {@code null} for files given in memory
 */
record ModuleFiles(String display, @Nullable Path dir, List<HclFile> files) {

  ModuleFiles {
    files = List.copyOf(files);
  }

  /** Reads and parses the {@code .tf} files of a folder, in name order. */
  static ModuleFiles read(Path dir, String display, long maxBytes, List<InputError> errors) {
    List<HclFile> files = new ArrayList<>();
    for (Path p : list(dir, display, errors)) {
      String name = p.getFileName().toString();
      if (name.toLowerCase(Locale.ROOT).endsWith(".tf")) {
        parse(p, Displays.file(display, name), maxBytes, errors).ifPresent(files::add);
      }
    }
    return new ModuleFiles(display, dir, files);
  }

  /** Files given in memory, by name. */
  static ModuleFiles of(String display, Map<String, String> texts, List<InputError> errors) {
    List<HclFile> files = new ArrayList<>();
    texts.forEach((name, text) -> {
      try {
        files.add(HclParser.parse(name, text));
      } catch (ParseException e) {
        errors.add(parseError(name, e));
      }
    });
    return new ModuleFiles(display, null, files);
  }

  /** The entries of a folder, in name order; an unreadable folder is reported and empty. */
  static List<Path> list(Path dir, String display, List<InputError> errors) {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path p : stream) {
        if (Files.isRegularFile(p)) {
          out.add(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      errors.add(new InputError(display, 0, 0, "folder cannot be read"));
    }
    out.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return out;
  }

  /** Parses one HCL file from disk; problems are reported and give nothing. */
  static java.util.Optional<HclFile> parse(
      Path file, String display, long maxBytes, List<InputError> errors) {
    try {
      if (Files.size(file) > maxBytes) {
        errors.add(new InputError(display, 0, 0, "larger than " + maxBytes + " bytes; not read"));
        return java.util.Optional.empty();
      }
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      return java.util.Optional.of(HclParser.parse(display, text));
    } catch (ParseException e) {
      errors.add(parseError(display, e));
    } catch (IOException | RuntimeException e) {
      errors.add(new InputError(display, 0, 0, "cannot be read"));
    }
    return java.util.Optional.empty();
  }

  static InputError parseError(String display, ParseException e) {
    return new InputError(display, e.line(), e.column(), "cannot be parsed: " + e.getMessage());
  }
}
