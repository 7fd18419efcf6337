package dev.lambdasec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.cli.Wiring;
import dev.lambdasec.engine.RuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ResourceNamesAndMapTest {

  @Test
  void labelsNameResourcesInSeveralWays() {
    assertThat(ResourceNames.ofLabel("AWS::Lambda::Function.GoodLambdaFunction"))
        .contains("GoodLambdaFunction");
    assertThat(ResourceNames.ofLabel("FunctionConvert (ServerlessRestApi GET /api/convert)"))
        .contains("ServerlessRestApi GET /api/convert")
        .doesNotContain("FunctionConvert");
    assertThat(ResourceNames.ofLabel("aws_lambda_function.analysis_lambda"))
        .containsExactly("aws_lambda_function.analysis_lambda");
  }

  @Test
  void theCategoryMapNamesOnlyExistingRules() {
    Set<String> ids =
        Wiring.builtInRules().descriptors().stream()
            .map(RuleDescriptor::id)
            .collect(Collectors.toSet());
    assertThat(CategoryMap.bundled().categoriesByRule().keySet()).isSubsetOf(ids);
    assertThat(CategoryMap.parse("# c\nrule,category\nX-001,A\nX-001,B\n").categories("X-001"))
        .containsExactly("A", "B");
  }

  @Test
  void classifiesLabelledFilesByFormat() {
    assertThat(QualityTable.format("vulnapps/terragoat/terraform/aws/lambda.tf"))
        .isEqualTo("Terraform");
    assertThat(QualityTable.format("vulnapps/lambhack/serverless.yml"))
        .isEqualTo("Serverless Framework");
    assertThat(QualityTable.format("vulnapps/cfngoat/cfngoat.yaml"))
        .isEqualTo("CloudFormation/SAM");
    assertThat(QualityTable.format("vulnapps/x/main.py")).isEqualTo("code and packages");
  }
}
