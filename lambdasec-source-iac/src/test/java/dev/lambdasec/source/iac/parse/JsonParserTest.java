package dev.lambdasec.source.iac.parse;

import static dev.lambdasec.source.iac.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Scalar.Kind;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class JsonParserTest {

  private final JsonParser parser = new JsonParser(20 * 1024 * 1024);

  @Test
  void readsValuesWithOneBasedPositions() throws ParseException {
    MapNode root =
        (MapNode)
            Objects.requireNonNull(
                parser.parse(
                    "t.json",
                    """
                    {
                      "Resources": {
                        "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"MemorySize": 512, "X": true, "Y": null}}
                      }
                    }
                    """));
    Node memory = at(root, "Resources", "Fn", "Properties", "MemorySize");
    assertThat(memory).isEqualTo(new Scalar("512", Kind.NUMBER, memory.origin()));
    assertThat(memory.origin().line()).isEqualTo(3);
    assertThat(memory.origin().column()).isEqualTo(74);
    assertThat(memory.origin().resourceId()).isEqualTo("Fn");
    assertThat(((Scalar) at(root, "Resources", "Fn", "Properties", "X")).kind())
        .isEqualTo(Kind.BOOLEAN);
    assertThat(((Scalar) at(root, "Resources", "Fn", "Properties", "Y")).kind())
        .isEqualTo(Kind.NULL);
  }

  @Test
  void keepsDuplicateKeys() throws ParseException {
    MapNode root = (MapNode) Objects.requireNonNull(parser.parse("t.json", "{\"a\": 1, \"a\": 2}"));
    assertThat(root.keys()).containsExactly("a", "a");
    assertThat(Nodes.text(root.get("a").orElseThrow())).contains("2");
  }

  @Test
  void syntaxErrorHasPositionAndNoContent() {
    String secret = "hunter2hunter2";
    ParseException e =
        catchThrowableOfType(
            ParseException.class,
            () -> parser.parse("t.json", "{\n  \"password\": " + secret + "\n}"));
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isPositive();
    assertThat(e.getMessage()).doesNotContain(secret).doesNotContain("hunter");
  }

  @Test
  void rejectsDeepNestingAndTrailingContent() {
    assertThatThrownBy(() -> parser.parse("t.json", "[".repeat(5000) + "]".repeat(5000)))
        .isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> parser.parse("t.json", "{} {}")).isInstanceOf(ParseException.class);
  }

  @Test
  void emptyDocumentIsNull() throws ParseException {
    assertThat(parser.parse("t.json", "   ")).isNull();
  }
}
