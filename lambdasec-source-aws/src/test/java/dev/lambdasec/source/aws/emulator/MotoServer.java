package dev.lambdasec.source.aws.emulator;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A moto server on a free loopback port, started for a test and stopped with it. {@link
 * #executable()} is empty where {@code moto_server} is not installed, so tests can skip.
 */
public final class MotoServer implements AutoCloseable {

  private final Process process;
  private final int port;

  private MotoServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** {@code moto_server} on the PATH, if installed. */
  public static Optional<Path> executable() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "moto_server");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Starts moto on a free port of 127.0.0.1 and waits until it answers. */
  public static MotoServer start() throws IOException {
    Path exe = executable().orElseThrow(() -> new IllegalStateException("moto_server not on PATH"));
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(exe.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    // AWS managed policies (AdministratorAccess…) exist in moto only on request
    builder.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
    Process p = builder.start();
    MotoServer server = new MotoServer(p, port);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return server;
      } catch (IOException notYet) {
        if (!p.isAlive()) {
          throw new IOException("moto_server exited with " + p.exitValue());
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    server.close();
    throw new IOException("moto_server did not start on port " + port);
  }

  /**
   * From now on, moto checks every request against the IAM policies of the caller, as AWS does;
   * until then it lets everything through (which is how accounts are seeded).
   */
  public void enforceIam() throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset-auth"))
                  .header("Content-Type", "text/plain")
                  .POST(HttpRequest.BodyPublishers.ofString("0"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("moto refused to enforce IAM: " + response.body());
      }
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
