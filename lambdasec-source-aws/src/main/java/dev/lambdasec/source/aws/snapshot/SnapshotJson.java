package dev.lambdasec.source.aws.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes snapshot JSON. Unknown fields are refused, so typos do not pass silently. */
public final class SnapshotJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .serializationInclusion(JsonInclude.Include.NON_EMPTY)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxStringLength(50_000_000).build());
  }

  private SnapshotJson() {}

  public static Snapshot read(Path file) throws IOException, InvalidSnapshotException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  public static Snapshot read(InputStream in) throws IOException, InvalidSnapshotException {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new InvalidSnapshotException("not JSON (" + location(e) + ")");
    }
    return fromTree(tree);
  }

  public static Snapshot parse(String json) throws InvalidSnapshotException {
    try {
      return fromTree(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new InvalidSnapshotException("not JSON (" + location(e) + ")");
    }
  }

  private static Snapshot fromTree(JsonNode tree) throws InvalidSnapshotException {
    if (tree == null || !tree.isObject()) {
      throw new InvalidSnapshotException("not a lambdasec AWS snapshot (expected a JSON object)");
    }
    JsonNode version = tree.get("version");
    if (version == null || !version.isInt()) {
      throw new InvalidSnapshotException("not a lambdasec AWS snapshot (no \"version\")");
    }
    if (version.intValue() > Snapshot.VERSION || version.intValue() < 1) {
      throw new InvalidSnapshotException(
          "snapshot version "
              + version.intValue()
              + " is not supported by this lambdasec (it reads version "
              + Snapshot.VERSION
              + ")");
    }
    try {
      return MAPPER.treeToValue(tree, Snapshot.class);
    } catch (JsonProcessingException e) {
      throw new InvalidSnapshotException(
          "does not match the snapshot schema (" + location(e) + ")");
    }
  }

  public static void write(Snapshot snapshot, OutputStream out) throws IOException {
    MAPPER.writeValue(out, snapshot);
  }

  public static String toJson(Snapshot snapshot) {
    try {
      return MAPPER.writeValueAsString(snapshot);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a snapshot always serializes", e);
    }
  }

  /** Where parsing failed, without quoting the input (it may hold account data). */
  private static String location(JsonProcessingException e) {
    StringBuilder where = new StringBuilder();
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m
        && !m.getPath().isEmpty()) {
      for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
        where.append(
            r.getFieldName() != null ? "/" + r.getFieldName() : "/" + Math.max(0, r.getIndex()));
      }
      return "at " + where;
    }
    if (e.getLocation() != null) {
      return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
    return "unreadable";
  }
}
