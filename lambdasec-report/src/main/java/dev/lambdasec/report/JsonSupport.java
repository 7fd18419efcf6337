package dev.lambdasec.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The JSON serialisation shared by the JSON and SARIF writers: two-space indentation, {@code "key":
 * value} spacing, {@code \n} line ends on every platform, map keys sorted, and a final newline. The
 * output stream is flushed, never closed.
 */
public final class JsonSupport {

  private static final ObjectWriter WRITER = writer();

  private JsonSupport() {}

  public static void write(Object document, OutputStream out) throws IOException {
    WRITER.writeValue(out, document);
    out.write('\n');
    out.flush();
  }

  private static ObjectWriter writer() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    JsonMapper mapper =
        JsonMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    return mapper.writer(printer).with(SerializationFeature.INDENT_OUTPUT);
  }
}
