package dev.lambdasec.source.iac.terraform.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdasec.source.iac.parse.ParseException;
import dev.lambdasec.source.iac.terraform.hcl.Expr.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class HclParserTest {

  private static HclFile parse(String text) throws ParseException {
    return HclParser.parse("main.tf", text);
  }

  private static Expr attr(String text) throws ParseException {
    return parse("x = " + text + "\n").body().attribute("x").orElseThrow().expr();
  }

  @Test
  void readsBlocksLabelsAndAttributesWithPositions() throws ParseException {
    HclFile f =
        parse(
            """
            # a comment
            resource "aws_lambda_function" "fn" {
              function_name = "orders"   // trailing
              memory_size   = 512
              environment {
                variables = {
                  TABLE = "t"
                }
              }
            }
            """);
    Block fn = f.body().blocks().getFirst();
    assertThat(fn.type()).isEqualTo("resource");
    assertThat(fn.labels()).containsExactly("aws_lambda_function", "fn");
    assertThat(fn.pos()).isEqualTo(new Pos(2, 1));
    assertThat(fn.endLine()).isEqualTo(10);
    Attribute name = fn.body().attribute("function_name").orElseThrow();
    assertThat(name.pos()).isEqualTo(new Pos(3, 3));
    assertThat(name.expr()).isEqualTo(new Expr.Literal(Kind.STRING, "orders", new Pos(3, 19)));
    assertThat(fn.body().blocks("environment")).hasSize(1);
    assertThat(f.comments()).extracting(Comment::text).containsExactly("a comment", "trailing");
    assertThat(f.hasCode(1)).isFalse();
    assertThat(f.hasCode(3)).isTrue();
  }

  @Test
  void readsOneLineBlocks() throws ParseException {
    HclFile f = parse("variable \"a\" { default = 1 }\nlocals {}\n");
    assertThat(f.body().blocks()).hasSize(2);
  }

  @Test
  void readsTraversalsCallsAndOperators() throws ParseException {
    Expr e = attr("var.enabled && length(local.list) > 0 ? aws_iam_role.r[0].arn : null");
    assertThat(e).isInstanceOf(Expr.Conditional.class);
    Expr.Conditional c = (Expr.Conditional) e;
    assertThat(c.condition()).isInstanceOf(Expr.Binary.class);
    assertThat(((Expr.Binary) c.condition()).op()).isEqualTo("&&");
    assertThat(c.then()).isInstanceOf(Expr.GetAttr.class);
    assertThat(attr("a.b[*].c")).isInstanceOf(Expr.Splat.class);
    assertThat(attr("a.*.c")).isInstanceOf(Expr.Splat.class);
    assertThat(attr("1 + 2 * 3")).isInstanceOf(Expr.Binary.class);
    assertThat(((Expr.Binary) attr("1 + 2 * 3")).op()).isEqualTo("+");
    assertThat(attr("provider::aws::arn_parse(x)")).isInstanceOf(Expr.Call.class);
    assertThat(attr("concat(a, b...)")).isEqualTo(attr("concat(a, b...)"));
    assertThat(((Expr.Call) attr("concat(a, b...)")).expandFinal()).isTrue();
  }

  @Test
  void readsObjectsTuplesAndForExpressions() throws ParseException {
    Expr o =
        attr(
            """
            {
                a = 1, "b" = [1,
                  2]
                (local.k): "v"
                c = { for k, v in var.m : k => v... if v != null }
              }\
            """);
    Expr.ObjectCons obj = (Expr.ObjectCons) o;
    assertThat(obj.items()).hasSize(4);
    assertThat(obj.items().get(0).key())
        .isEqualTo(new Expr.Literal(Kind.STRING, "a", new Pos(2, 5)));
    assertThat(obj.items().get(2).key()).isInstanceOf(Expr.Parens.class);
    Expr.For f = (Expr.For) obj.items().get(3).value();
    assertThat(f.keyVar()).isEqualTo("k");
    assertThat(f.grouping()).isTrue();
    assertThat(f.condition()).isNotNull();
    assertThat(attr("[for s in var.list : upper(s)]")).isInstanceOf(Expr.For.class);
  }

  @Test
  void readsTemplatesWithInterpolationsDirectivesAndEscapes() throws ParseException {
    Expr t = attr("\"arn:${var.p}:x/$${keep}\\n%{ if a }yes%{ else }no%{ endif }\"");
    Expr.Template template = (Expr.Template) t;
    assertThat(template.parts()).hasSize(4);
    assertThat(((Expr.Text) template.parts().get(2)).text()).isEqualTo(":x/${keep}\n");
    assertThat(template.parts().get(3)).isInstanceOf(Expr.IfDirective.class);
    assertThat(attr("\"%{for x in xs}${x}%{endfor}\"")).isInstanceOf(Expr.Template.class);
  }

  @Test
  void readsHeredocsAndStripsTheIndentOfIndentedOnes() throws ParseException {
    HclFile f =
        parse(
            """
            a = <<EOF
            {
              "k": "${var.v}"
            }
            EOF
            b = <<-POLICY
                line one
                  line two
                POLICY
            c = 1
            """);
    Expr.Template a = (Expr.Template) f.body().attribute("a").orElseThrow().expr();
    assertThat(a.contentStart()).isEqualTo(new Pos(2, 1));
    assertThat(a.heredoc()).isTrue();
    Expr.Template b = (Expr.Template) f.body().attribute("b").orElseThrow().expr();
    assertThat(((Expr.Text) b.parts().getFirst()).text()).isEqualTo("line one\n  line two\n");
    assertThat(f.body().attribute("c")).isPresent();
  }

  @Test
  void reportsErrorsWithLineAndColumn() {
    assertThatThrownBy(() -> parse("resource \"x\" \"y\" {\n  a = \n}\n"))
        .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.line()).isEqualTo(2));
    assertThatThrownBy(() -> parse("a = \"open\n")).isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> parse("a = <<EOF\nno end\n")).isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> parse("block {\n")).isInstanceOf(ParseException.class);
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() {
    for (String open : List.of("[", "{a=", "(", "!", "-", "\"${", "a.b[")) {
      String text = "x = " + open.repeat(5000) + "\n";
      assertThatThrownBy(() -> parse(text)).isInstanceOf(ParseException.class);
    }
    String chain = "x = " + "a + ".repeat(50_000) + "a\n";
    assertThatThrownBy(() -> parse(chain)).isInstanceOf(ParseException.class);
  }
}
