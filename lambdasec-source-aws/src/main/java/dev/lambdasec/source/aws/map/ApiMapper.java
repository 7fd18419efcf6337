package dev.lambdasec.source.aws.map;

import static dev.lambdasec.source.aws.map.Values.at;

import dev.lambdasec.model.Api;
import dev.lambdasec.model.ApiRoute;
import dev.lambdasec.model.Authorizer;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.RequestValidator;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.aws.snapshot.ApiFacts;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** API Gateway APIs; child ids are the ARNs API Gateway gives them. */
final class ApiMapper {

  private final RegionContext ctx;

  ApiMapper(RegionContext ctx) {
    this.ctx = ctx;
  }

  void map(ApiFacts.Api a) {
    String arn = a.arn();
    Api.Kind kind = Api.Kind.valueOf(a.kind().toUpperCase(Locale.ROOT));
    boolean rest = kind == Api.Kind.REST;
    Origin o = Origin.ofResource(arn);
    Api api =
        new Api(
            ctx.meta(arn, rest ? "AWS::ApiGateway::RestApi" : "AWS::ApiGatewayV2::Api"),
            kind,
            Values.of(a.name(), at(arn, "/name")),
            Values.of(a.endpointType(), at(arn, "/endpointConfiguration/types")),
            a.policy() == null
                ? Value.absent(o)
                : Value.set(
                    new PolicyDocument(
                        "ResourcePolicy", JsonDocuments.toNode(a.policy(), arn, "/policy")),
                    at(arn, "/policy")),
            FunctionMapper.cors(a.cors(), arn, "/corsConfiguration"),
            ctx.gaps.or(
                Values.orDefault(a.accessLogging(), false, at(arn, "/stages")),
                "apiStages",
                ctx.account,
                ctx.region,
                arn));
    ctx.app.add(api);
    Value<Ref> apiRef = Value.set(Ref.to(api.key()), o);
    for (ApiFacts.Authorizer z : a.authorizers()) {
      String id = arn + "/authorizers/" + z.id();
      ctx.register(a.id() + "/authorizers/" + z.id(), id);
      ctx.app.add(
          new Authorizer(
              ctx.meta(id, rest ? "AWS::ApiGateway::Authorizer" : "AWS::ApiGatewayV2::Authorizer"),
              apiRef,
              Values.of(z.type(), at(id, rest ? "/type" : "/authorizerType")),
              function(z.functionArn(), at(id, "/authorizerUri"))));
    }
    for (ApiFacts.Validator v : a.validators()) {
      String id = arn + "/requestvalidators/" + v.id();
      ctx.register(a.id() + "/requestvalidators/" + v.id(), id);
      ctx.app.add(
          new RequestValidator(
              ctx.meta(id, "AWS::ApiGateway::RequestValidator"),
              apiRef,
              Values.orDefault(v.validateBody(), false, at(id, "/validateRequestBody")),
              Values.orDefault(
                  v.validateParameters(), false, at(id, "/validateRequestParameters"))));
    }
    for (ApiFacts.Route r : a.routes()) {
      String id = arn + "/" + r.id();
      ctx.app.add(
          new ApiRoute(
              ctx.meta(id, rest ? "AWS::ApiGateway::Method" : "AWS::ApiGatewayV2::Route"),
              apiRef,
              Value.set(r.method(), at(id, rest ? "/httpMethod" : "/routeKey")),
              Value.set(r.path(), at(id, rest ? "/path" : "/routeKey")),
              Values.orDefault(r.authorizationType(), "NONE", at(id, "/authorizationType")),
              r.authorizerId() == null
                  ? Value.absent(at(id, "/authorizerId"))
                  : ctx.ref(a.id() + "/authorizers/" + r.authorizerId(), at(id, "/authorizerId")),
              Values.orDefault(r.apiKeyRequired(), false, at(id, "/apiKeyRequired")),
              r.requestValidatorId() == null
                  ? Value.absent(at(id, "/requestValidatorId"))
                  : ctx.ref(
                      a.id() + "/requestvalidators/" + r.requestValidatorId(),
                      at(id, "/requestValidatorId")),
              Values.orDefault(r.requestModel(), false, at(id, "/requestModels")),
              function(r.functionArn(), at(id, "/methodIntegration/uri"))));
    }
  }

  private Value<Ref> function(@Nullable String arn, Origin o) {
    return ctx.ref(arn, o);
  }
}
