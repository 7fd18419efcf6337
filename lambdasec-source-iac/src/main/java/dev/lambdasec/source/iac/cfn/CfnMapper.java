package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.Application;
import java.util.List;

/**
 * Maps the evaluated CloudFormation resources of one template to the model. SAM templates arrive
 * here already expanded, so both go through the same code.
 */
final class CfnMapper {

  private final List<ResolvedResource> resources;
  private final FunctionMapper functions;
  private final IamMapper iam;
  private final PermissionMapper permissions;
  private final TriggerMapper triggers;
  private final NotificationMapper notifications;
  private final ApiMapper apis;
  private final SupportMapper support;

  CfnMapper(String scope, List<ResolvedResource> resources, Notes notes) {
    this.resources = List.copyOf(resources);
    ResourceIndex index = new ResourceIndex(scope, resources);
    Slots slots = new Slots(index);
    this.functions = new FunctionMapper(index, slots, resources);
    this.iam = new IamMapper(index, slots, resources);
    this.permissions = new PermissionMapper(index, slots);
    this.triggers = new TriggerMapper(index, slots);
    this.notifications = new NotificationMapper(index, slots);
    this.apis = new ApiMapper(index, slots, notes, triggers, resources);
    this.support = new SupportMapper(index, slots, resources);
  }

  /** Adds every mapped resource to {@code app}, in template order. */
  void mapInto(Application.Builder app) {
    for (ResolvedResource r : resources) {
      switch (r.type()) {
        case "AWS::Lambda::Function" -> app.add(functions.map(r));
        case "AWS::IAM::Role" -> app.add(iam.role(r));
        case "AWS::IAM::User" -> app.add(iam.user(r));
        case "AWS::IAM::Group" -> app.add(iam.group(r));
        case "AWS::IAM::ManagedPolicy" -> app.add(iam.managedPolicy(r));
        case "AWS::IAM::Policy",
            "AWS::IAM::RolePolicy",
            "AWS::IAM::UserPolicy",
            "AWS::IAM::GroupPolicy" -> {
          if (iam.isDetached(r)) {
            app.add(iam.detachedPolicy(r));
          }
        }
        case "AWS::Lambda::Permission" -> app.add(permissions.function(r));
        case "AWS::Lambda::LayerVersionPermission" -> app.add(permissions.layer(r));
        case "AWS::Lambda::Url" -> app.add(triggers.functionUrl(r));
        case "AWS::Lambda::EventSourceMapping" -> app.add(triggers.eventSourceMapping(r));
        case "AWS::Lambda::LayerVersion" -> app.add(support.layer(r));
        case "AWS::Lambda::CodeSigningConfig" -> app.add(support.codeSigningConfig(r));
        case "AWS::Logs::LogGroup" -> app.add(support.logGroup(r));
        case "AWS::KMS::Key" -> app.add(support.kmsKey(r));
        case "AWS::EC2::Subnet" -> app.add(support.subnet(r));
        case "AWS::EC2::SecurityGroup" -> app.add(support.securityGroup(r));
        case "AWS::CloudTrail::Trail" -> app.add(support.trail(r));
        case "AWS::ApiGateway::RestApi" -> apis.restApi(r).forEach(app::add);
        case "AWS::ApiGateway::Method" -> app.add(apis.method(r));
        case "AWS::ApiGateway::Authorizer" -> app.add(apis.restAuthorizer(r));
        case "AWS::ApiGateway::RequestValidator" -> app.add(apis.requestValidator(r));
        case "AWS::ApiGatewayV2::Api" -> apis.httpApi(r).forEach(app::add);
        case "AWS::ApiGatewayV2::Route" -> app.add(apis.route(r));
        case "AWS::ApiGatewayV2::Authorizer" -> app.add(apis.httpAuthorizer(r));
        default -> {
          // not part of the model
        }
      }
      notifications.of(r).forEach(app::add);
    }
  }
}
