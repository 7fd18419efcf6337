package dev.lambdasec.source.aws.emulator;

import dev.lambdasec.source.aws.collect.CollectOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Collection settings for emulators: their endpoint, the test credentials, short time-outs. */
public final class Emulators {

  private Emulators() {}

  /** Makes the default credentials chain find moto's test credentials (system properties). */
  public static void useTestCredentials() {
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
    System.setProperty("aws.region", AccountSeeder.REGION);
  }

  public static CollectOptions options(URI endpoint) {
    return CollectOptions.defaults()
        .withEndpoint(endpoint)
        .withRegions(List.of(AccountSeeder.REGION))
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), 3);
  }
}
