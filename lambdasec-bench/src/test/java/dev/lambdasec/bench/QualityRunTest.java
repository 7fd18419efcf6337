package dev.lambdasec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.cli.Scanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness on a tiny corpus in the real layout, scanned by the real scanner. */
class QualityRunTest {

  private static final String TEMPLATE =
      """
      Resources:
        OpenUrl:
          Type: AWS::Lambda::Url
          Properties:
            TargetFunctionArn: arn:aws:lambda:us-east-1:123456789012:function:f
            AuthType: NONE
        ClosedUrl:
          Type: AWS::Lambda::Url
          Properties:
            TargetFunctionArn: arn:aws:lambda:us-east-1:123456789012:function:g
            AuthType: AWS_IAM
        OldFunction:
          Type: AWS::Lambda::Function
          Properties:
            Runtime: python3.9
            Handler: app.handler
            Role: arn:aws:iam::123456789012:role/r
            Code: {ZipFile: "x"}
      """;

  private static Corpus corpus(Path root) throws IOException {
    Files.createDirectories(root.resolve("vulnapps/demo"));
    Files.writeString(root.resolve("vulnapps/demo/template.yaml"), TEMPLATE);
    Files.writeString(
        root.resolve("vulnapps/expected_findings.csv"),
        """
        app,file,resource,resource_type,layer,category,issue,expected,label_origin,reference
        demo,template.yaml,OpenUrl,AWS::Lambda::Url,iac,FUNCTION_URL_NO_AUTH,open,FAIL,derived,
        demo,template.yaml,ClosedUrl,AWS::Lambda::Url,iac,FUNCTION_URL_NO_AUTH,closed,PASS,derived,
        demo,template.yaml,OldFunction,AWS::Lambda::Function,iac,NO_XRAY,no tracing,FAIL,derived,
        demo,template.yaml,OldFunction,AWS::Lambda::Function,iac,CODE_SQLI,not ours,FAIL,derived,
        demo,template.yaml,Nowhere,AWS::Lambda::Function,iac,NO_DLQ,missing resource,FAIL,derived,
        demo,template.yaml,OpenUrl,AWS::Lambda::Url,iac,FUNCTION_URL_NO_AUTH,info row,INFO,derived,
        """);
    Files.writeString(
        root.resolve("runtime_labels.csv"),
        """
        file,resource,runtime,deprecated,expected_as_of,as_of,how
        vulnapps/demo/template.yaml,OldFunction,python3.9,2025-12-15,PASS,2025-01-01,before deprecation
        """);
    return Corpus.load(root);
  }

  @Test
  void scoresStrictlyByFileResourceAndCategory(@TempDir Path root) throws IOException {
    Corpus c = corpus(root);
    assertThat(c.labels()).hasSize(6);
    List<Outcome> outcomes =
        new QualityRun(Scanner.defaults(), CategoryMap.bundled(), LocalDate.of(2026, 11, 22))
            .score(c);
    assertThat(outcome(outcomes, "OpenUrl", "FUNCTION_URL_NO_AUTH").hit()).isTrue();
    assertThat(outcome(outcomes, "ClosedUrl", "FUNCTION_URL_NO_AUTH").hit()).isFalse();
    assertThat(outcome(outcomes, "OldFunction", "NO_XRAY").hit()).isTrue();
    assertThat(outcome(outcomes, "OldFunction", "CODE_SQLI").covered()).isFalse();
    assertThat(outcome(outcomes, "Nowhere", "NO_DLQ").hit()).isFalse();
    assertThat(outcome(outcomes, "Nowhere", "NO_DLQ").evidence()).isEmpty();
    // The runtime label is dated before the deprecation: the scan for it runs as of that day.
    Outcome runtime = outcome(outcomes, "OldFunction", "DEPRECATED_RUNTIME");
    assertThat(runtime.label().expectFail()).isFalse();
    assertThat(runtime.hit()).isFalse();
    assertThat(runtime.correct()).isTrue();
  }

  @Test
  void printsTheTableAndTheMisses(@TempDir Path root) throws IOException {
    Corpus c = corpus(root);
    List<Outcome> outcomes =
        new QualityRun(Scanner.defaults(), CategoryMap.bundled(), LocalDate.of(2026, 11, 22))
            .score(c);
    StringWriter text = new StringWriter();
    QualityTable.print(new PrintWriter(text, true), c, outcomes);
    assertThat(text.toString())
        .contains("FUNCTION_URL_NO_AUTH")
        .contains("Not covered by any rule (FAIL rows): {CODE_SQLI=1}")
        .contains("vulnapps/demo/template.yaml | Nowhere | NO_DLQ");
    QualityTable.Tally all =
        QualityTable.tally(outcomes.stream().filter(Outcome::covered).toList());
    assertThat(all.failRows()).isEqualTo(3);
    assertThat(all.found()).isEqualTo(2);
    assertThat(all.passRows()).isEqualTo(2);
    assertThat(all.flagged()).isZero();
  }

  private static Outcome outcome(List<Outcome> outcomes, String resource, String category) {
    return outcomes.stream()
        .filter(o -> o.label().resource().equals(resource) && o.label().category().equals(category))
        .findFirst()
        .orElseThrow();
  }
}
