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
import java.util.List;
import java.util.Locale;

/**
 * Reads CloudFormation and SAM templates, Terraform configurations and Terraform plans from files
 * and folders into one {@link Application}, recognising each by its name and content.
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
    Application.Builder app = Application.builder();
    List<InputError> errors = new ArrayList<>();
    List<TerraformReader.Folder> configurations = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Path path = paths.get(i);
      String display = inputs.get(i).replace('\\', '/');
      if (Files.isDirectory(path)) {
        InputFinder found = InputFinder.walk(path, display);
        for (InputFinder.Unlisted u : found.unlisted()) {
          errors.add(new InputError(u.display(), 0, 0, "folder cannot be read"));
        }
        for (InputFinder.Candidate c : found.candidates()) {
          readFile(c.path(), c.display(), false, app, errors);
        }
        configurations.addAll(found.terraform());
      } else if (isTerraformFile(display)) {
        configurations.add(folderOf(path, display));
      } else {
        readFile(path, display, true, app, errors);
      }
    }
    terraform.read(configurations, app, errors);
    return new SourceResult(app.build(), errors);
  }

  /** Reads one document from memory, shown under {@code displayPath}, as if named explicitly. */
  public SourceResult readText(String displayPath, String text) {
    Application.Builder app = Application.builder();
    List<InputError> errors = new ArrayList<>();
    if (text.length() > options.maxFileBytes()) {
      errors.add(tooLarge(displayPath));
    } else if (isTerraformFile(displayPath)) {
      terraform.readText(displayPath, text, app, errors);
    } else {
      files.read(displayPath, text, true, app, errors);
    }
    return new SourceResult(app.build(), errors);
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

  private void readFile(
      Path path,
      String display,
      boolean explicit,
      Application.Builder app,
      List<InputError> errors) {
    try {
      if (Files.size(path) > options.maxFileBytes()) {
        if (explicit || TemplateFileReader.looksLikeIac(prefix(path))) {
          errors.add(tooLarge(display));
        }
        return;
      }
      files.read(display, decode(Files.readAllBytes(path)), explicit, app, errors);
    } catch (IOException | RuntimeException e) {
      errors.add(new InputError(display, 0, 0, "cannot be read"));
    }
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
