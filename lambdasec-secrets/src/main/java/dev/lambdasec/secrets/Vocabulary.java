package dev.lambdasec.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The word lists of {@code vocabulary.json}, which drive the name and placeholder heuristics. */
record Vocabulary(
    Set<String> passwordSubstrings,
    Set<String> passwordLastWords,
    Set<String> tokenSubstrings,
    Set<String> passwordKeyQualifiers,
    Set<String> tokenKeyQualifiers,
    Set<String> ignoredWords,
    Set<String> negatorWords,
    Set<String> pointerLastWords,
    List<String> awsSecretKeyNameFragments,
    List<String> awsSessionTokenNameFragments,
    Set<String> secretContainerLastWords,
    Set<String> secretNameSlugWords,
    Set<String> placeholderValues,
    Set<String> placeholderWords,
    List<String> placeholderSubstrings,
    List<String> nonSecretAwsIdPrefixes) {

  static final String RESOURCE = "vocabulary.json";

  static Vocabulary bundled() {
    try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static Vocabulary parse(JsonNode root) {
    return new Vocabulary(
        set(root, "passwordSubstrings"),
        set(root, "passwordLastWords"),
        set(root, "tokenSubstrings"),
        set(root, "passwordKeyQualifiers"),
        set(root, "tokenKeyQualifiers"),
        set(root, "ignoredWords"),
        set(root, "negatorWords"),
        set(root, "pointerLastWords"),
        list(root, "awsSecretKeyNameFragments"),
        list(root, "awsSessionTokenNameFragments"),
        set(root, "secretContainerLastWords"),
        set(root, "secretNameSlugWords"),
        set(root, "placeholderValues"),
        set(root, "placeholderWords"),
        list(root, "placeholderSubstrings"),
        listAsIs(root, "nonSecretAwsIdPrefixes"));
  }

  private static Set<String> set(JsonNode root, String field) {
    return Set.copyOf(new LinkedHashSet<>(list(root, field)));
  }

  private static List<String> list(JsonNode root, String field) {
    return listAsIs(root, field).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
  }

  private static List<String> listAsIs(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isArray()) {
      throw new IllegalStateException(RESOURCE + ": missing list " + field);
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : node) {
      out.add(item.asText());
    }
    return List.copyOf(out);
  }
}
