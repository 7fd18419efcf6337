package dev.lambdasec.source.iac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.InputError;
import dev.lambdasec.model.LambdaFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Reads the shared third-party corpus ({@code ../shared/corpus}, never copied into the repository)
 * from where it lies; skipped when it is absent.
 */
class CorpusWalkTest {

  private static Path corpus() {
    String root = System.getProperty("lambdasec.root", ".");
    Path corpus = Path.of(root).resolve("../shared/corpus").normalize();
    Assumptions.assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
    return corpus;
  }

  @Test
  void everyFileIsReadWithoutInternalErrors(TestReporter reporter) throws Exception {
    Path corpus = corpus();
    long files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(Files::isRegularFile).count();
    }
    long start = System.nanoTime();
    SourceResult result = new IacReader(IacOptions.defaults()).read(List.of(corpus.toString()));
    long millis = (System.nanoTime() - start) / 1_000_000;
    List<InputError> internal =
        result.errors().stream().filter(e -> e.message().startsWith("internal error")).toList();
    String summary =
        String.format(
            "corpus: %d files, %d templates, %d functions, %d input errors, %d ms",
            files,
            result.application().sources().size(),
            result.application().functions().size(),
            result.errors().size(),
            millis);
    reporter.publishEntry("corpus", summary);
    assertThat(internal).as(summary).isEmpty();
    assertThat(result.application().functions()).as(summary).isNotEmpty();
  }

  /**
   * {@code realworld/MANIFEST.csv} counts the Lambda functions of each template; every
   * CloudFormation or SAM file it marks {@code parse_ok=True} must give the same count.
   */
  @Test
  void functionCountsMatchTheManifest() throws IOException, UnreadableInputException {
    Path corpus = corpus();
    Path manifest = corpus.resolve("realworld/MANIFEST.csv");
    Assumptions.assumeTrue(Files.isRegularFile(manifest), "no manifest");
    SourceResult result = new IacReader(IacOptions.defaults()).read(List.of(corpus.toString()));
    Map<String, Integer> ours = new HashMap<>();
    result.application().sources().forEach(s -> ours.put(s.scope(), 0));
    for (LambdaFunction f : result.application().functions()) {
      ours.merge(f.key().scope(), 1, Integer::sum);
    }
    List<String> lines = Files.readAllLines(manifest);
    List<String> header = List.of(lines.getFirst().split(","));
    int file = header.indexOf("file");
    int format = header.indexOf("format");
    int parseOk = header.indexOf("parse_ok");
    int functions = header.indexOf("lambda_functions");
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] row = line.split(",", -1);
      boolean cfn = row[format].equals("sam") || row[format].equals("cloudformation");
      if (!cfn || !row[parseOk].equals("True")) {
        continue;
      }
      checked++;
      String shown = corpus.toString().replace('\\', '/') + "/" + row[file];
      Integer count = ours.get(shown);
      int expected = Integer.parseInt(row[functions]);
      if (count == null || count != expected) {
        mismatches.add(row[file] + ": manifest " + expected + ", read " + count);
      }
    }
    assertThat(checked).isPositive();
    assertThat(mismatches).as("%d templates checked", checked).isEmpty();
  }
}
