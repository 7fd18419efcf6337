package dev.lambdasec.report.sarif;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Turns a file name as given on the command line into a SARIF artifact location: a relative,
 * forward-slash URI against {@code %SRCROOT%}, or a {@code file:} URI for absolute paths.
 */
final class ArtifactUris {

  static final String SRCROOT = "%SRCROOT%";

  private static final Pattern WINDOWS_DRIVE = Pattern.compile("[A-Za-z]:/.*");

  private ArtifactUris() {}

  static Sarif.ArtifactLocation of(String file) {
    String path = file.replace('\\', '/');
    if (path.startsWith("/")) {
      return new Sarif.ArtifactLocation("file://" + encode(path), null, null);
    }
    if (WINDOWS_DRIVE.matcher(path).matches()) {
      return new Sarif.ArtifactLocation("file:///" + encode(path), null, null);
    }
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    String firstSegment = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
    String uri = encode(path);
    if (firstSegment.contains(":")) {
      // keeps "a:b.yaml" from reading as a URI with scheme "a"
      uri = "./" + uri;
    }
    return new Sarif.ArtifactLocation(uri, SRCROOT, null);
  }

  private static String encode(String path) {
    try {
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot express " + path + " as a URI", e);
    }
  }
}
