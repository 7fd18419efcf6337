package dev.lambdasec.source.iac.sam;

import dev.lambdasec.model.Node;
import dev.lambdasec.source.iac.parse.JsonParser;
import dev.lambdasec.source.iac.parse.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the JSON data files shipped with this package (see PROVENANCE.md next to them). */
final class BundledData {

  private BundledData() {}

  static Node.MapNode read(String name) {
    try (InputStream in = BundledData.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled data " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (new JsonParser(Integer.MAX_VALUE).parse(name, text) instanceof Node.MapNode map) {
        return map;
      }
      throw new IllegalStateException("bundled data " + name + " is not a JSON object");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("bundled data " + name + " cannot be parsed", e);
    }
  }
}
