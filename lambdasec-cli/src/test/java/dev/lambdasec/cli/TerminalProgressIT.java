package dev.lambdasec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lambdasec.source.aws.emulator.AccountSeeder;
import dev.lambdasec.source.aws.emulator.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress bar of {@code lambdasec scan --aws} on a real pseudo-terminal: the packaged command
 * line runs under util-linux {@code script}, against moto. The bar is drawn on a terminal, ends on
 * a clean line with every function counted, and stays out of JSON runs and of a redirected standard
 * error.
 */
class TerminalProgressIT {

  private static MotoServer moto;
  private static Path jar;
  private static Path script;

  @BeforeAll
  static void startMoto() throws Exception {
    assumeTrue(
        MotoServer.executable().isPresent(),
        "moto_server is not on the PATH: install moto[server] 5.2 to run the live-account tests");
    assumeTrue(onPath("script").isPresent(), "util-linux script is not on the PATH");
    script = onPath("script").orElseThrow();
    Optional<Path> packaged = PackagedCli.jar();
    assumeTrue(packaged.isPresent(), "the command-line jar is not packaged");
    jar = packaged.orElseThrow();
    moto = MotoServer.start();
    try (AccountSeeder seeder = new AccountSeeder(moto.endpoint())) {
      seeder.seedOrdersApp();
    }
  }

  @AfterAll
  static void stop() {
    if (moto != null) {
      moto.close();
    }
  }

  private static Optional<Path> onPath(String name) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** The screen a terminal shows for {@code shellCommand}, run on a pseudo-terminal. */
  private static String onTerminal(String shellCommand) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(script.toString(), "-q", "-e", "-c", shellCommand, "/dev/null")
            .redirectErrorStream(true);
    pb.environment().remove("CI");
    pb.environment().put("TERM", "xterm");
    pb.environment().put("AWS_ACCESS_KEY_ID", "testing");
    pb.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
    pb.environment().put("AWS_REGION", AccountSeeder.REGION);
    Process p = pb.redirectInput(ProcessBuilder.Redirect.PIPE).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new String(out, StandardCharsets.UTF_8);
  }

  private static String lambdasec(String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    return java + " -jar " + jar.toAbsolutePath() + " " + String.join(" ", args);
  }

  private static final String SCAN =
      "scan --aws --endpoint-url %s --regions us-east-1 --rules LAMBDA-001";

  /**
   * Lines as the terminal leaves them: a carriage return rewrites its line, colours are dropped.
   */
  private static List<String> screen(String raw) {
    List<String> lines = new ArrayList<>();
    for (String line : raw.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").split("\n", -1)) {
      StringBuilder shown = new StringBuilder();
      for (String frame : line.split("\r", -1)) {
        shown.replace(0, Math.min(shown.length(), frame.length()), frame);
      }
      lines.add(shown.toString());
    }
    return lines;
  }

  @Test
  void drawsTheBarAndEndsOnACleanLineWithEveryFunctionCounted() throws Exception {
    String raw = onTerminal(lambdasec(SCAN.formatted(moto.endpoint())));

    assertThat(raw).contains("\rCollecting");
    List<String> screen = screen(raw);
    int summary = 0;
    while (!screen.get(summary).startsWith("lambdasec: collected")) {
      summary++;
    }
    assertThat(screen.get(summary - 1))
        .matches("Collecting 100% \\[=+\\] 5/5 functions \\(\\d+:\\d\\d:\\d\\d\\) *");
    assertThat(screen.subList(0, summary - 1)).noneMatch(l -> l.contains("Collecting"));
  }

  @Test
  void staysQuietForJsonReportsAndARedirectedStandardError(@TempDir Path dir) throws Exception {
    String json = onTerminal(lambdasec(SCAN.formatted(moto.endpoint()), "-f", "json"));
    assertThat(json).doesNotContain("Collecting").contains("lambdasec: collected");

    Path err = dir.resolve("err.txt");
    String redirected = onTerminal(lambdasec(SCAN.formatted(moto.endpoint())) + " 2>" + err);
    assertThat(redirected).doesNotContain("Collecting");
    assertThat(Files.readString(err)).doesNotContain("Collecting").contains("lambdasec: collected");
  }
}
