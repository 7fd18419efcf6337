package dev.lambdasec.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * HTTP GETs for reference-data refreshes: timeouts, a size limit per response, a few retries on
 * server errors and broken connections, and bounded concurrency for many small files.
 */
final class Downloader {

  /** Larger than any file lambdasec fetches (the biggest per-policy files are ~4 MB). */
  static final int MAX_BYTES = 32 * 1024 * 1024;

  private static final int ATTEMPTS = 3;
  private static final int PARALLEL = 8;

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  /** The body of a 200 response; server errors and broken connections are retried. */
  byte[] get(URI uri) throws IOException {
    IOException last = new IOException("could not fetch " + uri);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      int status;
      try {
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("User-Agent", "lambdasec data update")
                .GET()
                .build();
        HttpResponse<InputStream> response =
            client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        status = response.statusCode();
        try (InputStream body = response.body()) {
          if (status == 200) {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
              throw new IOException(uri + " is larger than " + MAX_BYTES + " bytes");
            }
            return bytes;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while fetching " + uri, e);
      } catch (IOException e) {
        last = e;
        continue;
      }
      last = new IOException(uri + " answered HTTP " + status);
      if (status < 500 && status != 429) {
        break;
      }
    }
    throw last;
  }

  /** Fetches every item's URI, a few at a time on virtual threads, in input order. */
  <T> List<byte[]> getAll(List<T> items, Function<T, URI> uri) throws IOException {
    Semaphore slots = new Semaphore(PARALLEL);
    List<Future<byte[]>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (T item : items) {
        futures.add(
            pool.submit(() -> {
              slots.acquire();
              try {
                return get(uri.apply(item));
              } finally {
                slots.release();
              }
            }));
      }
      List<byte[]> out = new ArrayList<>();
      for (Future<byte[]> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(String.valueOf(e.getCause()), e.getCause());
    }
  }
}
