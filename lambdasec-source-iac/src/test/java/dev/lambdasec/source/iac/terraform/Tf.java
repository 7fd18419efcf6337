package dev.lambdasec.source.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.InputError;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.source.iac.IacOptions;
import dev.lambdasec.source.iac.IacReader;
import dev.lambdasec.source.iac.SourceResult;
import dev.lambdasec.source.iac.UnreadableInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Helpers for Terraform adapter tests: read a configuration from text, look things up. */
final class Tf {

  static final String FILE = "main.tf";

  private Tf() {}

  /** One file in memory, as the fixture runner reads a one-file case. */
  static SourceResult read(String text) {
    return new IacReader(IacOptions.defaults()).readText(FILE, text);
  }

  /** A configuration that must read without errors (notes allowed). */
  static Application app(String text) {
    SourceResult result = read(text);
    assertThat(result.errors().stream().filter(e -> !e.isNote()).toList())
        .as("input errors")
        .isEmpty();
    return result.application();
  }

  /** Files written into {@code dir} (paths relative to it), then the folder read. */
  static SourceResult folder(Path dir, Map<String, String> files, IacOptions options) {
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path target = dir.resolve(f.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, f.getValue());
      }
      return new IacReader(options).read(List.of(dir.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UnreadableInputException e) {
      throw new AssertionError(e);
    }
  }

  static List<String> notes(SourceResult r) {
    return r.errors().stream().filter(InputError::isNote).map(InputError::message).toList();
  }

  static <T extends Resource> T get(Application app, Class<T> type, String address) {
    return get(app, type, FILE, address);
  }

  static <T extends Resource> T get(Application app, Class<T> type, String scope, String address) {
    return app.byKey(new ResourceKey(scope, address))
        .filter(type::isInstance)
        .map(type::cast)
        .orElseThrow(() ->
            new AssertionError(
                "no "
                    + type.getSimpleName()
                    + " "
                    + address
                    + " in "
                    + app.resources().map(Resource::id).toList()));
  }

  static List<String> ids(Application app) {
    return app.resources().map(Resource::id).toList();
  }

  static Ref to(String address) {
    return Ref.to(new ResourceKey(FILE, address));
  }
}
