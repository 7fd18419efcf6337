package dev.lambdasec.source.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.FunctionUrl;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.SourceUnit;
import dev.lambdasec.source.iac.IacOptions;
import dev.lambdasec.source.iac.IacReader;
import dev.lambdasec.source.iac.SourceResult;
import org.junit.jupiter.api.Test;

/** A plan as {@code terraform show -json} writes it, read through the same mapper as HCL. */
class TerraformPlanTest {

  private static final String PLAN =
      """
      {"format_version":"1.2","terraform_version":"1.9.5",
       "planned_values":{"root_module":{
         "resources":[
           {"address":"aws_lambda_function.fn","mode":"managed","type":"aws_lambda_function",
            "name":"fn","values":{"function_name":"orders","runtime":"python3.9",
             "handler":"app.handler","environment":[{"variables":{"TABLE":"orders"}}],
             "tracing_config":[{"mode":"Active"}],"tags":null}},
           {"address":"aws_lambda_function_url.open","mode":"managed",
            "type":"aws_lambda_function_url","name":"open",
            "values":{"authorization_type":"NONE","cors":[],"qualifier":null}}],
         "child_modules":[{"address":"module.jobs","resources":[
           {"address":"module.jobs.aws_lambda_function.this[0]","mode":"managed",
            "type":"aws_lambda_function","name":"this","index":0,
            "values":{"function_name":"jobs-0","runtime":"nodejs22.x","handler":"i.h"}}]}]}},
       "resource_changes":[
         {"address":"aws_lambda_function.fn","mode":"managed","type":"aws_lambda_function",
          "name":"fn","change":{"actions":["create"],"after":{},
           "after_unknown":{"arn":true,"role":true,"kms_key_arn":true,"environment":[{}]}}},
         {"address":"aws_lambda_function_url.open","mode":"managed",
          "type":"aws_lambda_function_url","name":"open","change":{"actions":["create"],
           "after":{},"after_unknown":{"function_name":true,"function_url":true}}},
         {"address":"module.jobs.aws_lambda_function.this[0]","mode":"managed",
          "type":"aws_lambda_function","name":"this","change":{"actions":["create"],
           "after":{},"after_unknown":{"role":true}}}],
       "configuration":{"root_module":{"resources":[
         {"address":"aws_lambda_function.fn","mode":"managed","type":"aws_lambda_function",
          "name":"fn","expressions":{"role":{"references":["var.role_arn"]}}},
         {"address":"aws_lambda_function_url.open","mode":"managed",
          "type":"aws_lambda_function_url","name":"open","expressions":{"function_name":{
           "references":["aws_lambda_function.fn.function_name","aws_lambda_function.fn"]}}}]}}}
      """;

  private static Application read() {
    SourceResult r = new IacReader(IacOptions.defaults()).readText("plan.json", PLAN);
    assertThat(r.errors()).isEmpty();
    return r.application();
  }

  @Test
  void resourcesAreKeyedByTheirAddressesIncludingModulesAndInstances() {
    Application app = read();
    assertThat(app.sources())
        .containsExactly(new SourceUnit("plan.json", SourceKind.TERRAFORM_PLAN));
    assertThat(app.resources().map(r -> r.id()).toList())
        .containsExactlyInAnyOrder(
            "aws_lambda_function.fn",
            "aws_lambda_function_url.open",
            "module.jobs.aws_lambda_function.this[0]");
  }

  @Test
  void plannedValuesAreResolvedAndUnknownOnesUnresolved() {
    Application app = read();
    LambdaFunction fn = Tf.get(app, LambdaFunction.class, "plan.json", "aws_lambda_function.fn");
    assertThat(fn.runtime().orElse("?")).isEqualTo("python3.9");
    assertThat(fn.tracingMode().orElse("?")).isEqualTo("Active");
    assertThat(fn.environment().get().keySet()).containsExactly("TABLE");
    assertThat(fn.role().isUnresolved()).isTrue();
    assertThat(fn.kmsKey().isUnresolved()).isTrue();
    assertThat(fn.runtime().origin().file()).isEqualTo("plan.json");
    assertThat(fn.runtime().origin().resourceId()).isEqualTo("aws_lambda_function.fn");
    assertThat(fn.runtime().origin().path()).contains("runtime");
  }

  @Test
  void anUnknownValueTheConfigurationReferencesResolvesToThatResource() {
    FunctionUrl url =
        Tf.get(read(), FunctionUrl.class, "plan.json", "aws_lambda_function_url.open");
    assertThat(url.authType().orElse("?")).isEqualTo("NONE");
    assertThat(url.function().get())
        .isEqualTo(Ref.to(new ResourceKey("plan.json", "aws_lambda_function.fn")));
  }
}
