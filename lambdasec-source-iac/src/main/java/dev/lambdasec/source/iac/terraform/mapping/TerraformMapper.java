package dev.lambdasec.source.iac.terraform.mapping;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps the managed resources of one Terraform configuration or plan to the model. HCL and plan JSON
 * arrive here as the same {@link TerraformResource}s, so both go through the same code.
 */
public final class TerraformMapper {

  private final List<TerraformResource> resources;
  private final Set<String> mapped = new LinkedHashSet<>();
  private final Contributions contributions = new Contributions();
  private final FunctionMapper functions;
  private final IamMapper iam;
  private final TriggerMapper triggers;
  private final NotificationMapper notifications;
  private final ApiMapper apis;
  private final SupportMapper support;

  /**
   * @param scope the scope of every resource key: the configuration folder or the plan file
   */
  public TerraformMapper(String scope, List<TerraformResource> resources) {
    this.resources = List.copyOf(resources);
    ResourceIndex index = new ResourceIndex(scope, resources);
    Slots slots = new Slots(index);
    this.functions = new FunctionMapper(index, slots, resources, contributions);
    this.iam = new IamMapper(index, slots, resources, contributions);
    this.triggers = new TriggerMapper(index, slots);
    this.notifications = new NotificationMapper(index, slots);
    this.apis = new ApiMapper(index, slots, triggers, resources, contributions);
    this.support = new SupportMapper(index, slots, resources, contributions);
  }

  /** Adds every mapped resource to {@code app}, in the order of the resources. */
  public void mapInto(Application.Builder app) {
    for (TerraformResource r : resources) {
      List<Resource> out = new ArrayList<>(map(r));
      out.addAll(notifications.of(r));
      for (Resource m : out) {
        app.add(m);
        mapped.add(m.id());
      }
    }
  }

  /**
   * The model resources a Terraform resource became or configures, by id: where an inline
   * suppression written on it applies. Call after {@link #mapInto}.
   */
  public Set<String> targetsOf(String address) {
    Set<String> out = new LinkedHashSet<>();
    if (mapped.contains(address)) {
      out.add(address);
    }
    out.addAll(contributions.of(address));
    return out;
  }

  private List<Resource> map(TerraformResource r) {
    return switch (r.type()) {
      case "aws_lambda_function" -> List.of(functions.map(r));
      case "aws_iam_role" -> List.of(iam.role(r));
      case "aws_iam_policy" -> List.of(iam.managedPolicy(r));
      case "aws_iam_policy_document" ->
          iam.standaloneDocument(r).stream().<Resource>map(p -> p).toList();
      case "aws_iam_user" -> List.of(iam.user(r));
      case "aws_iam_group" -> List.of(iam.group(r));
      case "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy" ->
          iam.outsideHolder(r).stream().toList();
      case "aws_lambda_permission" -> List.of(triggers.permission(r));
      case "aws_lambda_layer_version_permission" -> List.of(triggers.layerPermission(r));
      case "aws_lambda_function_url" -> List.of(triggers.functionUrl(r));
      case "aws_lambda_event_source_mapping" -> List.of(triggers.eventSourceMapping(r));
      case "aws_lambda_layer_version" -> List.of(support.layer(r));
      case "aws_lambda_code_signing_config" -> List.of(support.codeSigningConfig(r));
      case "aws_cloudwatch_log_group" -> List.of(support.logGroup(r));
      case "aws_kms_key" -> List.of(support.kmsKey(r));
      case "aws_subnet" -> List.of(support.subnet(r));
      case "aws_security_group" -> List.of(support.securityGroup(r));
      case "aws_cloudtrail" -> List.of(support.trail(r));
      case "aws_api_gateway_rest_api" -> List.of(apis.restApi(r));
      case "aws_api_gateway_method" -> List.of(apis.method(r));
      case "aws_api_gateway_authorizer" -> List.of(apis.restAuthorizer(r));
      case "aws_api_gateway_request_validator" -> List.of(apis.requestValidator(r));
      case "aws_apigatewayv2_api" -> apis.httpApi(r);
      case "aws_apigatewayv2_route" -> List.of(apis.route(r));
      case "aws_apigatewayv2_authorizer" -> List.of(apis.httpAuthorizer(r));
      default -> List.of();
    };
  }
}
