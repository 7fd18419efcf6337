package dev.lambdasec.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Validates documents against a JSON Schema on the test classpath, in the dialect the schema
 * declares, with {@code format} asserted.
 */
public final class SchemaCheck {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final JsonSchema schema;
  private final JsonNode schemaNode;

  public SchemaCheck(String resource) {
    try (InputStream in =
        Objects.requireNonNull(
            SchemaCheck.class.getResourceAsStream(resource), "no resource " + resource)) {
      schemaNode = MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    schema =
        JsonSchemaFactory.getInstance(SpecVersionDetector.detect(schemaNode))
            .getSchema(schemaNode, config);
  }

  public JsonNode schemaNode() {
    return schemaNode;
  }

  /** The violations, as readable strings; empty when {@code json} is valid. */
  public List<String> violations(String json) {
    try {
      return violations(MAPPER.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<String> violations(JsonNode document) {
    return schema.validate(document).stream().map(ValidationMessage::toString).sorted().toList();
  }

  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
