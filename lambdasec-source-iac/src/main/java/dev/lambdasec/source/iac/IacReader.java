package dev.lambdasec.source.iac;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.InputError;
import dev.lambdasec.source.iac.terraform.TerraformReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads CloudFormation and SAM templates, Serverless Framework services, Terraform configurations
 * and Terraform plans from files and folders into one {@link Application}, recognising each by its
 * name and content.
 *
 * <p>Folders are walked recursively in sorted order; files that are not infrastructure code are
 * skipped there, but reported when named explicitly. A {@code .tf} file is read with its folder,
 * which is one Terraform configuration. Content problems never throw: they become {@link
 * InputError}s.
 */
public final class IacReader {

  private static final int SNIFF_BYTES = 64 * 1024;

  private final IacOptions options;
  private final TemplateFileReader files;
  private final TerraformReader terraform;

  public IacReader(IacOptions options) {
    this.options = options;
    this.files = new TemplateFileReader(options);
    this.terraform =
        new TerraformReader(options.variables(), options.varFiles(), options.maxFileBytes());
  }

  /**
   * Reads paths exactly as given on the command line (files or folders, folders walked
   * recursively).
   *
   * @throws UnreadableInputException when a path does not exist or cannot be read
   */
  public SourceResult read(List<String> inputs) throws UnreadableInputException {
    List<Path> paths = new ArrayList<>();
    for (String input : inputs) {
      Path path;
      try {
        path = Path.of(input);
      } catch (InvalidPathException e) {
        throw new UnreadableInputException(input, "not a valid path");
      }
      if (!Files.exists(path)) {
        throw new UnreadableInputException(input, "no such file or folder");
      }
      if (!Files.isReadable(path)) {
        throw new UnreadableInputException(input, "cannot be read");
      }
      paths.add(path);
    }
    for (String varFile : options.varFiles()) {
      if (!Files.isRegularFile(Path.of(varFile))) {
        throw new UnreadableInputException(varFile, "no such variable file");
      }
    }
    List<Read> reads = new ArrayList<>();
    List<TerraformReader.Folder> configurations = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Path path = paths.get(i);
      String display = inputs.get(i).replace('\\', '/');
      if (Files.isDirectory(path)) {
        InputFinder found = InputFinder.walk(path, display);
        for (InputFinder.Unlisted u : found.unlisted()) {
          reads.add(Read.error(new InputError(u.display(), 0, 0, "folder cannot be read")));
        }
        for (InputFinder.Candidate c : found.candidates()) {
          reads.add(readFile(c.path(), c.display(), false));
        }
        configurations.addAll(found.terraform());
      } else if (isTerraformFile(display)) {
        configurations.add(folderOf(path, display));
      } else {
        reads.add(readFile(path, display, true));
      }
    }
    // A file a Serverless Framework service includes with ${file(…)} is part of that service.
    Set<Path> included = new HashSet<>();
    reads.forEach(r -> included.addAll(r.result().included()));
    Application.Builder app = Application.builder();
    List<InputError> errors = new ArrayList<>();
    for (Read r : reads) {
      if (r.file() == null || !included.contains(r.file())) {
        app.addAll(r.result().application());
        errors.addAll(r.result().errors());
      }
    }
    terraform.read(configurations, app, errors);
    return new SourceResult(app.build(), errors);
  }

  /** Reads one document from memory, shown under {@code displayPath}, as if named explicitly. */
  public SourceResult readText(String displayPath, String text) {
    if (text.length() > options.maxFileBytes()) {
      return new SourceResult(Application.empty(), List.of(tooLarge(displayPath)));
    }
    if (isTerraformFile(displayPath)) {
      Application.Builder app = Application.builder();
      List<InputError> errors = new ArrayList<>();
      terraform.readText(displayPath, text, app, errors);
      return new SourceResult(app.build(), errors);
    }
    TemplateFileReader.FileResult result = files.read(displayPath, null, text, true);
    return new SourceResult(result.application(), result.errors());
  }

  /** {@code .tf} and {@code .tfvars} files are read with their folder, as Terraform reads them. */
  private static boolean isTerraformFile(String display) {
    String lower = display.toLowerCase(Locale.ROOT);
    return lower.endsWith(".tf") || lower.endsWith(".tfvars");
  }

  private static TerraformReader.Folder folderOf(Path file, String display) {
    Path parent = file.toAbsolutePath().getParent();
    int slash = display.lastIndexOf('/');
    String shown = slash > 0 ? display.substring(0, slash) : slash == 0 ? "/" : ".";
    return new TerraformReader.Folder(parent == null ? Path.of(".") : parent, shown);
  }

  /** The outcome of one file, and the file as a normalized absolute path. */
  private record Read(@Nullable Path file, TemplateFileReader.FileResult result) {
    static Read error(InputError e) {
      return new Read(
          null, new TemplateFileReader.FileResult(Application.empty(), List.of(e), Set.of()));
    }
  }

  private Read readFile(Path path, String display, boolean explicit) {
    Path file = path.toAbsolutePath().normalize();
    try {
      if (Files.size(path) > options.maxFileBytes()) {
        if (explicit || TemplateFileReader.looksLikeIac(prefix(path))) {
          return new Read(file, failed(tooLarge(display)));
        }
        return new Read(file, failed());
      }
      return new Read(file, files.read(display, file, decode(Files.readAllBytes(path)), explicit));
    } catch (IOException | RuntimeException e) {
      return new Read(file, failed(new InputError(display, 0, 0, "cannot be read")));
    }
  }

  private static TemplateFileReader.FileResult failed(InputError... errors) {
    return new TemplateFileReader.FileResult(Application.empty(), List.of(errors), Set.of());
  }

  private InputError tooLarge(String display) {
    return new InputError(
        display, 0, 0, "larger than " + options.maxFileBytes() + " bytes; not read");
  }

  private static String prefix(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return decode(in.readNBytes(SNIFF_BYTES));
    }
  }

  /** UTF-8; bytes that are not UTF-8 become replacement characters. */
  private static String decode(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
