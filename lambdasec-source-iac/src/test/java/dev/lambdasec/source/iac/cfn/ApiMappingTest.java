package dev.lambdasec.source.iac.cfn;

import static dev.lambdasec.source.iac.Fixtures.app;
import static dev.lambdasec.source.iac.Fixtures.assertJsonParity;
import static dev.lambdasec.source.iac.Fixtures.get;
import static dev.lambdasec.source.iac.Fixtures.pos;
import static dev.lambdasec.source.iac.Fixtures.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.Api;
import dev.lambdasec.model.ApiRoute;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.Authorizer;
import dev.lambdasec.model.RequestValidator;
import dev.lambdasec.model.Value;
import org.junit.jupiter.api.Test;

class ApiMappingTest {
  private static final String REST_RESOURCES =
      """
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          Properties: {Runtime: python3.12}
        AuthFn:
          Type: AWS::Lambda::Function
          Properties: {Runtime: python3.12}
        Api:
          Type: AWS::ApiGateway::RestApi
          Properties:
            Name: orders
            EndpointConfiguration:
              Types: [REGIONAL]
            Policy:
              Statement:
                - {Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: "*"}
        Orders:
          Type: AWS::ApiGateway::Resource
          Properties:
            RestApiId: !Ref Api
            ParentId: !GetAtt Api.RootResourceId
            PathPart: orders
        Order:
          Type: AWS::ApiGateway::Resource
          Properties:
            RestApiId: !Ref Api
            ParentId: !Ref Orders
            PathPart: "{id}"
        Token:
          Type: AWS::ApiGateway::Authorizer
          Properties:
            RestApiId: !Ref Api
            Type: TOKEN
            AuthorizerUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${AuthFn.Arn}/invocations
        Validator:
          Type: AWS::ApiGateway::RequestValidator
          Properties:
            RestApiId: !Ref Api
            ValidateRequestBody: true
        GetOrder:
          Type: AWS::ApiGateway::Method
          Properties:
            RestApiId: !Ref Api
            ResourceId: !Ref Order
            HttpMethod: GET
            AuthorizationType: CUSTOM
            AuthorizerId: !Ref Token
            ApiKeyRequired: true
            RequestValidatorId: !Ref Validator
            RequestParameters:
              method.request.path.id: true
            Integration:
              Type: AWS_PROXY
              IntegrationHttpMethod: POST
              Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
        ListOrders:
          Type: AWS::ApiGateway::Method
          Properties:
            RestApiId: !Ref Api
            ResourceId: !Ref Orders
            HttpMethod: GET
            Integration:
              Type: MOCK
        Stage:
          Type: AWS::ApiGateway::Stage
          Properties:
            RestApiId: !Ref Api
            StageName: prod
            AccessLogSetting:
              DestinationArn: arn:aws:logs:us-east-1:123456789012:log-group:api
      """;

  private static final String REST_BODY =
      """
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          Properties: {Runtime: python3.12}
        Api:
          Type: AWS::ApiGateway::RestApi
          Properties:
            Body:
              swagger: "2.0"
              security: [{iam: []}]
              securityDefinitions:
                iam: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
                pool:
                  type: apiKey
                  name: Authorization
                  in: header
                  x-amazon-apigateway-authtype: cognito_user_pools
                  x-amazon-apigateway-authorizer:
                    type: cognito_user_pools
                    providerARNs: [arn:aws:cognito-idp:us-east-1:123456789012:userpool/p]
                key: {type: apiKey, name: x-api-key, in: header}
              x-amazon-apigateway-request-validators:
                all: {validateRequestBody: true, validateRequestParameters: true}
              paths:
                /items:
                  get:
                    x-amazon-apigateway-integration:
                      type: aws_proxy
                      uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                  post:
                    security: [{pool: []}, {key: []}]
                    x-amazon-apigateway-request-validator: all
                    parameters: [{in: body, name: item, schema: {}}]
                  delete:
                    security: []
      """;

  private static final String HTTP_API =
      """
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          Properties: {Runtime: python3.12}
        Http:
          Type: AWS::ApiGatewayV2::Api
          Properties:
            Name: http
            ProtocolType: HTTP
            CorsConfiguration:
              AllowOrigins: ["*"]
              AllowMethods: [GET]
        Quick:
          Type: AWS::ApiGatewayV2::Api
          Properties:
            ProtocolType: HTTP
            Target: !GetAtt Fn.Arn
        Integration:
          Type: AWS::ApiGatewayV2::Integration
          Properties:
            ApiId: !Ref Http
            IntegrationType: AWS_PROXY
            IntegrationUri: !GetAtt Fn.Arn
        Jwt:
          Type: AWS::ApiGatewayV2::Authorizer
          Properties:
            ApiId: !Ref Http
            AuthorizerType: JWT
            Name: jwt
        GetItems:
          Type: AWS::ApiGatewayV2::Route
          Properties:
            ApiId: !Ref Http
            RouteKey: GET /items
            AuthorizationType: JWT
            AuthorizerId: !Ref Jwt
            Target: !Sub integrations/${Integration}
        Default:
          Type: AWS::ApiGatewayV2::Route
          Properties:
            ApiId: !Ref Http
            RouteKey: $default
            Target: !Join [/, [integrations, !Ref Integration]]
        Stage:
          Type: AWS::ApiGatewayV2::Stage
          Properties:
            ApiId: !Ref Http
            StageName: $default
      """;

  private static final String WEBSOCKET =
      """
      Resources:
        Ws:
          Type: AWS::ApiGatewayV2::Api
          Properties:
            ProtocolType: WEBSOCKET
            RouteSelectionExpression: $request.body.action
        Connect:
          Type: AWS::ApiGatewayV2::Route
          Properties:
            ApiId: !Ref Ws
            RouteKey: $connect
            AuthorizationType: AWS_IAM
      """;

  @Test
  void restApiWithResourcesMethodsAuthorizersValidatorsAndStages() {
    Application app = app(REST_RESOURCES);
    Api api = get(app, Api.class, "Api");
    assertThat(api.kind()).isEqualTo(Api.Kind.REST);
    assertThat(api.name().get()).isEqualTo("orders");
    assertThat(api.endpointType().get()).isEqualTo("REGIONAL");
    assertThat(api.resourcePolicy().get().name()).isEqualTo("Policy");
    assertThat(api.accessLogging().get()).isTrue();
    ApiRoute get = get(app, ApiRoute.class, "GetOrder");
    assertThat(get.api().get()).isEqualTo(to("Api"));
    assertThat(get.label()).isEqualTo("GET /orders/{id}");
    assertThat(get.authorizationType().get()).isEqualTo("CUSTOM");
    assertThat(get.authorizer().get()).isEqualTo(to("Token"));
    assertThat(get.apiKeyRequired().get()).isTrue();
    assertThat(get.requestValidator().get()).isEqualTo(to("Validator"));
    assertThat(get.requestModel().get()).isTrue();
    assertThat(get.integration().get()).isEqualTo(to("Fn"));
    ApiRoute list = get(app, ApiRoute.class, "ListOrders");
    assertThat(list.label()).isEqualTo("GET /orders");
    assertThat(list.authorizationType()).isEqualTo(Value.defaulted("NONE", list.origin()));
    assertThat(list.apiKeyRequired()).isEqualTo(Value.defaulted(false, list.origin()));
    assertThat(list.requestModel()).isEqualTo(Value.defaulted(false, list.origin()));
    assertThat(list.integration().isAbsent()).isTrue();
    Authorizer token = get(app, Authorizer.class, "Token");
    assertThat(token.type().get()).isEqualTo("TOKEN");
    assertThat(token.function().get()).isEqualTo(to("AuthFn"));
    RequestValidator validator = get(app, RequestValidator.class, "Validator");
    assertThat(validator.validateBody().get()).isTrue();
    assertThat(validator.validateParameters())
        .isEqualTo(Value.defaulted(false, validator.origin()));
  }

  @Test
  void restApiBodyDeclaresRoutes() {
    Application app = app(REST_BODY);
    ApiRoute get = get(app, ApiRoute.class, "Api GET /items");
    assertThat(get.authorizationType().get()).isEqualTo("AWS_IAM");
    assertThat(get.integration().get()).isEqualTo(to("Fn"));
    assertThat(get.meta().definedBy()).isNull();
    assertThat(pos(get.authorizationType())).isEqualTo("10:21");
    ApiRoute post = get(app, ApiRoute.class, "Api POST /items");
    assertThat(post.authorizationType().get()).isEqualTo("COGNITO_USER_POOLS");
    assertThat(post.authorizer().get()).isEqualTo(to("Api authorizer pool"));
    assertThat(post.apiKeyRequired().get()).isTrue();
    assertThat(post.requestValidator().get()).isEqualTo(to("Api validator all"));
    assertThat(post.requestModel().get()).isTrue();
    ApiRoute delete = get(app, ApiRoute.class, "Api DELETE /items");
    assertThat(delete.authorizationType())
        .isEqualTo(Value.set("NONE", delete.authorizationType().origin()));
    assertThat(get(app, Authorizer.class, "Api authorizer pool").type().get())
        .isEqualTo("COGNITO_USER_POOLS");
    assertThat(get(app, RequestValidator.class, "Api validator all").validateParameters().get())
        .isTrue();
  }

  @Test
  void httpApiRoutesIntegrationsAuthorizersAndQuickCreate() {
    Application app = app(HTTP_API);
    Api http = get(app, Api.class, "Http");
    assertThat(http.kind()).isEqualTo(Api.Kind.HTTP);
    assertThat(http.cors().get().allowOrigins().get()).extracting(Value::get).containsExactly("*");
    assertThat(http.accessLogging().get()).isFalse();
    ApiRoute items = get(app, ApiRoute.class, "GetItems");
    assertThat(items.label()).isEqualTo("GET /items");
    assertThat(items.authorizationType().get()).isEqualTo("JWT");
    assertThat(items.authorizer().get()).isEqualTo(to("Jwt"));
    assertThat(items.integration().get()).isEqualTo(to("Fn"));
    ApiRoute fallback = get(app, ApiRoute.class, "Default");
    assertThat(fallback.label()).isEqualTo("ANY $default");
    assertThat(fallback.authorizationType()).isEqualTo(Value.defaulted("NONE", fallback.origin()));
    assertThat(fallback.integration().get()).isEqualTo(to("Fn"));
    ApiRoute quick = get(app, ApiRoute.class, "Quick ANY $default");
    assertThat(quick.integration().get()).isEqualTo(to("Fn"));
    assertThat(quick.authorizationType().get()).isEqualTo("NONE");
    assertThat(get(app, Authorizer.class, "Jwt").type().get()).isEqualTo("JWT");
  }

  @Test
  void webSocketRoutesKeepTheirRouteKey() {
    Application app = app(WEBSOCKET);
    assertThat(get(app, Api.class, "Ws").kind()).isEqualTo(Api.Kind.WEBSOCKET);
    ApiRoute connect = get(app, ApiRoute.class, "Connect");
    assertThat(connect.method().get()).isEqualTo("$connect");
    assertThat(connect.path().isAbsent()).isTrue();
    assertThat(connect.authorizationType().get()).isEqualTo("AWS_IAM");
  }

  @Test
  void jsonGivesTheSameModel() {
    assertJsonParity(REST_RESOURCES);
    assertJsonParity(REST_BODY);
    assertJsonParity(HTTP_API);
    assertJsonParity(WEBSOCKET);
  }
}
