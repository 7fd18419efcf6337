package dev.lambdasec.cli;

import dev.lambdasec.engine.data.RuntimeCatalogReader;
import dev.lambdasec.iam.AwsManagedPolicies;
import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.data.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lambdasec data update}: fetches current reference data into the user data directory, where
 * the loaders prefer it over the copies in the jar when it is valid. Every file is written beside
 * its target, checked with the loader that will read it, and only then moved into place; a failed
 * or implausible download leaves the previous data untouched.
 */
@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description = {
      "Refreshes reference data into the user data directory ($XDG_CACHE_HOME/lambdasec/data or"
          + " ~/.cache/lambdasec/data): the IAM action catalog from the AWS Service Authorization"
          + " Reference, the Lambda runtime lifecycle from cfn-lint, AWS managed policies from"
          + " iam-dataset. The copies in the jar stay the fallback."
    })
final class DataUpdateCommand implements Callable<Integer> {

  /** The data sets that can be refreshed. */
  enum Part {
    CATALOG("catalog"),
    RUNTIMES("runtimes"),
    MANAGED_POLICIES("managed-policies");

    private final String label;

    Part(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "PART",
      converter = PartConverter.class,
      description = "Refresh only these: catalog, runtimes, managed-policies (default: all).")
  List<Part> only = new ArrayList<>();

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Write here instead of the user data directory.")
  @Nullable Path dataDir;

  @Option(
      names = "--service-reference-url",
      hidden = true,
      defaultValue = "https://servicereference.us-east-1.amazonaws.com/")
  URI serviceReference = URI.create("https://servicereference.us-east-1.amazonaws.com/");

  @Option(
      names = "--runtimes-url",
      hidden = true,
      defaultValue =
          "https://raw.githubusercontent.com/aws-cloudformation/cfn-lint/main/src/cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json")
  URI runtimes =
      URI.create(
          "https://raw.githubusercontent.com/aws-cloudformation/cfn-lint/main/src/cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json");

  @Option(
      names = "--managed-policies-url",
      hidden = true,
      defaultValue = "https://raw.githubusercontent.com/iann0036/iam-dataset/main/aws/")
  URI managedPolicies =
      URI.create("https://raw.githubusercontent.com/iann0036/iam-dataset/main/aws/");

  private final Clock clock = Clock.systemUTC();
  private final Downloader http = new Downloader();

  /** Parses {@code --only} values by their labels. */
  static final class PartConverter implements picocli.CommandLine.ITypeConverter<Part> {
    @Override
    public Part convert(String value) {
      for (Part p : Part.values()) {
        if (p.label.equals(value)) {
          return p;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "'" + value + "' is not one of catalog, runtimes, managed-policies");
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = dataDir != null ? dataDir : DataDirectory.user().orElse(null);
    if (dir == null) {
      err.println("lambdasec: no user data directory (set LAMBDASEC_DATA_DIR or use --data-dir)");
      return ExitCodes.USAGE;
    }
    Set<Part> parts = only.isEmpty() ? EnumSet.allOf(Part.class) : EnumSet.copyOf(only);
    int failures = 0;
    for (Part part : parts) {
      try {
        Files.createDirectories(dir);
        String done =
            switch (part) {
              case CATALOG -> catalog(dir);
              case RUNTIMES -> runtimes(dir);
              case MANAGED_POLICIES -> managedPolicies(dir);
            };
        out.println(part + ": " + done);
      } catch (IOException | RuntimeException e) {
        failures++;
        err.println(
            "lambdasec: " + part + " not updated, the previous data stays: " + e.getMessage());
      }
    }
    out.flush();
    return failures == 0 ? ExitCodes.OK : ExitCodes.INPUT;
  }

  private String catalog(Path dir) throws IOException {
    List<String> services = ServiceReference.services(http.get(serviceReference));
    List<byte[]> files =
        http.getAll(services, s -> serviceReference.resolve("v1/" + s + "/" + s + ".json"));
    byte[] gz =
        ServiceReference.catalog(files, serviceReference.toString(), Instant.now(clock).toString());
    Path target = dir.resolve(ActionCatalog.FILE);
    Path staged = stage(target, gz);
    ActionCatalog fresh =
        ActionCatalog.readValid(staged)
            .orElseThrow(() -> new IOException("the converted catalog is implausibly small"));
    Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return fresh.size() + " actions of " + services.size() + " services -> " + target;
  }

  private String runtimes(Path dir) throws IOException {
    String current;
    try (InputStream in =
        RuntimeCatalogReader.class.getResourceAsStream(RuntimeCatalogReader.FILE)) {
      if (in == null) {
        throw new IOException("the bundled runtime table is missing");
      }
      current = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String csv =
        RuntimeLifecycles.csv(
            http.get(runtimes),
            current,
            "cfn-lint LmbdRuntimeLifecycle.json fetched " + Instant.now(clock));
    Path target = dir.resolve(RuntimeCatalogReader.FILE);
    Path staged = stage(target, csv.getBytes(StandardCharsets.UTF_8));
    int count =
        RuntimeCatalogReader.readValid(staged)
            .orElseThrow(() -> new IOException("the converted runtime table is implausibly small"))
            .runtimes()
            .size();
    Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return count + " runtimes -> " + target;
  }

  private String managedPolicies(Path dir) throws IOException {
    List<ManagedPolicySet.Indexed> index =
        ManagedPolicySet.index(http.get(managedPolicies.resolve("managed_policies.json")));
    List<byte[]> files =
        http.getAll(index, p -> managedPolicies.resolve("managedpolicies/" + p.name() + ".json"));
    Path target = dir.resolve(AwsManagedPolicies.DIRECTORY);
    Path staged = Files.createTempDirectory(dir, AwsManagedPolicies.DIRECTORY + ".");
    try {
      for (int i = 0; i < index.size(); i++) {
        String name = index.get(i).name();
        Files.write(staged.resolve(name + ".json"), ManagedPolicySet.document(files.get(i), name));
      }
      Files.writeString(staged.resolve("index.csv"), ManagedPolicySet.indexCsv(index));
      int count =
          AwsManagedPolicies.readValid(staged)
              .orElseThrow(() -> new IOException("the converted policy set is implausibly small"))
              .size();
      Path old = null;
      if (Files.exists(target)) {
        old = Files.createTempDirectory(dir, AwsManagedPolicies.DIRECTORY + ".old.");
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
      if (old != null) {
        delete(old);
      }
      return count + " policies -> " + target;
    } catch (IOException | RuntimeException e) {
      if (Files.exists(staged)) {
        delete(staged);
      }
      throw e;
    }
  }

  /** Writes {@code bytes} beside {@code target}, for checking before the move. */
  private static Path stage(Path target, byte[] bytes) throws IOException {
    Path staged =
        Files.createTempFile(target.getParent(), target.getFileName().toString() + ".", ".new");
    Files.write(staged, bytes);
    return staged;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
