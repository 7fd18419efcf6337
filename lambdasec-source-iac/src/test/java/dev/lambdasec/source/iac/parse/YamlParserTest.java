package dev.lambdasec.source.iac.parse;

import static dev.lambdasec.source.iac.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Scalar.Kind;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class YamlParserTest {

  private final YamlParser parser = new YamlParser(20 * 1024 * 1024);

  private MapNode parse(String yaml) throws ParseException {
    return (MapNode) Objects.requireNonNull(parser.parse("t.yaml", yaml));
  }

  @Test
  void typesScalarsAsYaml11() throws ParseException {
    MapNode root =
        parse(
            """
            a: yes
            b: Off
            c: 128
            d: 1.5
            e: ~
            f:
            g: "yes"
            h: 2012-10-17
            """);
    assertThat(root.get("a").orElseThrow())
        .isEqualTo(new Scalar("true", Kind.BOOLEAN, origin(root, "a")));
    assertThat(scalar(root, "b"))
        .extracting(Scalar::text, Scalar::kind)
        .containsExactly("false", Kind.BOOLEAN);
    assertThat(scalar(root, "c"))
        .extracting(Scalar::text, Scalar::kind)
        .containsExactly("128", Kind.NUMBER);
    assertThat(scalar(root, "d").kind()).isEqualTo(Kind.NUMBER);
    assertThat(scalar(root, "e"))
        .extracting(Scalar::text, Scalar::kind)
        .containsExactly(null, Kind.NULL);
    assertThat(scalar(root, "f").kind()).isEqualTo(Kind.NULL);
    assertThat(scalar(root, "g"))
        .extracting(Scalar::text, Scalar::kind)
        .containsExactly("yes", Kind.STRING);
    assertThat(scalar(root, "h"))
        .extracting(Scalar::text, Scalar::kind)
        .containsExactly("2012-10-17", Kind.STRING);
  }

  private static Scalar scalar(MapNode root, String key) {
    return (Scalar) root.get(key).orElseThrow();
  }

  private static dev.lambdasec.model.Origin origin(MapNode root, String key) {
    return root.get(key).orElseThrow().origin();
  }

  @Test
  void originsAreOneBasedWithPathAndResource() throws ParseException {
    MapNode root =
        parse(
            """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
            """);
    Node runtime = at(root, "Resources", "Fn", "Properties", "Runtime");
    assertThat(runtime.origin().file()).isEqualTo("t.yaml");
    assertThat(runtime.origin().line()).isEqualTo(5);
    assertThat(runtime.origin().column()).isEqualTo(16);
    assertThat(runtime.origin().resourceId()).isEqualTo("Fn");
    assertThat(runtime.origin().path()).isEqualTo("/Resources/Fn/Properties/Runtime");
    assertThat(root.origin().resourceId()).isNull();
  }

  @Test
  void turnsShortFormTagsIntoLongForm() throws ParseException {
    MapNode root =
        parse(
            """
            a: !Ref Bucket
            b: !GetAtt Db.Endpoint.Address
            c: !GetAtt [Role, Arn]
            d: !Sub "${AWS::Region}-x"
            e: !Condition IsProd
            f: !Select [0, !GetAZs ""]
            g: !Join ["", [a, b]]
            """);
    assertThat(Nodes.content(root.get("a").orElseThrow())).isEqualTo("{Ref=STRING:Bucket,}");
    assertThat(Nodes.content(root.get("b").orElseThrow()))
        .isEqualTo("{Fn::GetAtt=[STRING:Db,STRING:Endpoint.Address,],}");
    assertThat(Nodes.content(root.get("c").orElseThrow()))
        .isEqualTo("{Fn::GetAtt=[STRING:Role,STRING:Arn,],}");
    assertThat(Nodes.content(root.get("d").orElseThrow()))
        .isEqualTo("{Fn::Sub=STRING:${AWS::Region}-x,}");
    assertThat(Nodes.content(root.get("e").orElseThrow())).isEqualTo("{Condition=STRING:IsProd,}");
    assertThat(Nodes.content(root.get("f").orElseThrow()))
        .isEqualTo("{Fn::Select=[NUMBER:0,{Fn::GetAZs=STRING:,},],}");
    assertThat(Nodes.content(root.get("g").orElseThrow()))
        .isEqualTo("{Fn::Join=[STRING:,[STRING:a,STRING:b,],],}");
    assertThat(root.get("a").orElseThrow().origin().line()).isEqualTo(1);
    assertThat(root.get("a").orElseThrow().origin().column()).isEqualTo(4);
  }

  @Test
  void everyShortFormHasItsLongForm() throws ParseException {
    String[] tags = {
      "Base64",
      "Cidr",
      "FindInMap",
      "If",
      "ImportValue",
      "Equals",
      "And",
      "Or",
      "Not",
      "Split",
      "Transform",
      "ToJsonString",
      "Length"
    };
    for (String tag : tags) {
      MapNode root = parse("v: !" + tag + " [x]\n");
      assertThat(((MapNode) root.get("v").orElseThrow()).keys()).containsExactly("Fn::" + tag);
    }
  }

  @Test
  void unknownTagIsUnresolved() throws ParseException {
    MapNode root = parse("v: !Foo bar\n");
    assertThat(root.get("v").orElseThrow()).isInstanceOf(Node.Unresolved.class);
    assertThat(((Node.Unresolved) root.get("v").orElseThrow()).reason()).contains("!Foo");
  }

  @Test
  void keepsDuplicateKeysAndExpandsAliases() throws ParseException {
    MapNode root =
        parse(
            """
            a: 1
            a: 2
            base: &b [x, y]
            copy: *b
            """);
    assertThat(root.keys()).containsExactly("a", "a", "base", "copy");
    assertThat(Nodes.text(root.get("a").orElseThrow())).contains("2");
    assertThat(((ListNode) root.get("copy").orElseThrow()).items()).hasSize(2);
  }

  @Test
  void emptyDocumentIsNull() throws ParseException {
    assertThat(parser.parse("t.yaml", "")).isNull();
    assertThat(parser.parse("t.yaml", "# only a comment\n")).isNull();
  }

  @Test
  void syntaxErrorHasOneBasedPosition() {
    ParseException e =
        catchThrowableOfType(
            ParseException.class, () -> parser.parse("t.yaml", "a: 1\nb: [1, 2\nc: 3\n"));
    assertThat(e.line()).isGreaterThanOrEqualTo(2);
    assertThat(e.column()).isPositive();
  }

  @Test
  void errorMessageNeverQuotesTheDocument() {
    String secret = "AKIAIOSFODNN7EXAMPLE";
    ParseException e =
        catchThrowableOfType(
            ParseException.class,
            () -> parser.parse("t.yaml", "password: '" + secret + "\nother: x\n"));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).doesNotContain(secret);
    ParseException alias =
        catchThrowableOfType(
            ParseException.class, () -> parser.parse("t.yaml", "token: *" + secret + "\n"));
    assertThat(alias.getMessage()).doesNotContain(secret);
  }

  @Test
  void rejectsAliasBombs() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    assertThatThrownBy(() -> parser.parse("t.yaml", yaml.toString()))
        .isInstanceOf(ParseException.class);
  }

  @Test
  void rejectsBombsThatStayUnderTheAliasLimit() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x]\n");
    for (int i = 1; i < 24; i++) {
      yaml.append("a")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" [*a")
          .append(i - 1)
          .append(", *a")
          .append(i - 1)
          .append("]\n");
    }
    assertThatThrownBy(() -> parser.parse("t.yaml", yaml.toString()))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("nodes");
  }

  @Test
  void rejectsDeepNesting() {
    String deep = "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    assertThatThrownBy(() -> parser.parse("t.yaml", deep)).isInstanceOf(ParseException.class);
  }

  @Test
  void rejectsMalformedTagHandleWithoutLeakingAnIllegalArgumentException() {
    assertThatThrownBy(() -> parser.parse("t.yaml", "!%A")).isInstanceOf(ParseException.class);
  }

  @Test
  void rejectsRecursiveAliases() {
    assertThatThrownBy(() -> parser.parse("t.yaml", "a: &a [*a]\n"))
        .isInstanceOf(ParseException.class);
  }
}
