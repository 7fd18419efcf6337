package dev.lambdasec.source.iac.sam;

import static dev.lambdasec.source.iac.Fixtures.app;
import static dev.lambdasec.source.iac.Fixtures.assertJsonParity;
import static dev.lambdasec.source.iac.Fixtures.at;
import static dev.lambdasec.source.iac.Fixtures.get;
import static dev.lambdasec.source.iac.Fixtures.pos;
import static dev.lambdasec.source.iac.Fixtures.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.lambdasec.model.Api;
import dev.lambdasec.model.ApiRoute;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.Authorizer;
import dev.lambdasec.model.FunctionUrl;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Permission;
import dev.lambdasec.model.RequestValidator;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.Fixtures;
import dev.lambdasec.source.iac.SourceResult;
import dev.lambdasec.source.iac.cfn.Nodes;
import org.junit.jupiter.api.Test;

/**
 * SAM APIs and their auth. Expected authorization per route was read off the SAM translator's
 * output (aws-sam-translator 1.110.0) for the same templates.
 */
class SamApiTest {

  private static final String REST =
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        MyApi:
          Type: AWS::Serverless::Api
          Properties:
            StageName: prod
            Models:
              M:
                type: object
            Cors: "'*'"
            Auth:
              DefaultAuthorizer: MyLambdaAuth
              ApiKeyRequired: true
              AddDefaultAuthorizerToCorsPreflight: false
              Authorizers:
                MyLambdaAuth:
                  FunctionArn: !GetAtt AuthFn.Arn
                MyReqAuth:
                  FunctionArn: !GetAtt AuthFn.Arn
                  FunctionPayloadType: REQUEST
                  Identity:
                    Headers: [Auth]
                MyCognito:
                  UserPoolArn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/x
        AuthFn:
          Type: AWS::Serverless::Function
          Properties:
            Handler: a.h
            Runtime: python3.12
            CodeUri: s3://b/k
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Handler: app.h
            Runtime: python3.12
            CodeUri: s3://b/k
            Events:
              A:
                Type: Api
                Properties:
                  RestApiId: !Ref MyApi
                  Path: /a
                  Method: get
              B:
                Type: Api
                Properties:
                  RestApiId: !Ref MyApi
                  Path: /b/{id}
                  Method: post
                  Auth:
                    Authorizer: NONE
                    ApiKeyRequired: false
                  RequestModel:
                    Model: M
                    Required: true
                    ValidateBody: true
                  RequestParameters:
                    - method.request.header.Authorization:
                        Required: true
                        Caching: true
              C:
                Type: Api
                Properties:
                  RestApiId: !Ref MyApi
                  Path: /c
                  Method: any
                  Auth:
                    Authorizer: AWS_IAM
              D:
                Type: Api
                Properties:
                  RestApiId: !Ref MyApi
                  Path: /d
                  Method: put
                  Auth:
                    Authorizer: MyCognito
              E:
                Type: Api
                Properties:
                  RestApiId: !Ref MyApi
                  Path: /e
                  Method: put
                  Auth:
                    Authorizer: MyReqAuth
      """;

  private static final String HTTP =
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Handler: app.h
            Runtime: python3.12
            CodeUri: s3://b/k
            AutoPublishAlias: live
            VpcConfig:
              SubnetIds: [subnet-1]
              SecurityGroupIds: [sg-1]
            DeadLetterQueue:
              Type: SNS
              TargetArn: arn:aws:sns:us-east-1:123456789012:t
            EventInvokeConfig:
              MaximumRetryAttempts: 1
              DestinationConfig:
                OnFailure:
                  Type: SQS
                  Destination: arn:aws:sqs:us-east-1:123456789012:q
                OnSuccess:
                  Type: Lambda
                  Destination: arn:aws:lambda:us-east-1:123456789012:function:f
            FunctionUrlConfig:
              AuthType: NONE
              InvokeMode: BUFFERED
              Cors:
                AllowOrigins: ["*"]
                AllowMethods: [GET]
                AllowCredentials: false
            PermissionsBoundary: arn:aws:iam::123456789012:policy/b
            RolePath: /x/
            Architectures: [arm64]
            Tags:
              team: a
            Layers: [arn:aws:lambda:us-east-1:123456789012:layer:l:1]
            Policies: AWSLambdaExecute
            Events:
              Get:
                Type: HttpApi
              G2:
                Type: HttpApi
                Properties:
                  Path: /x
                  Method: GET
                  Auth:
                    Authorizer: MyJwt
                  ApiId: !Ref H
        H:
          Type: AWS::Serverless::HttpApi
          Properties:
            CorsConfiguration: true
            Auth:
              DefaultAuthorizer: MyL
              Authorizers:
                MyJwt:
                  JwtConfiguration:
                    issuer: https://x
                    audience: [a]
                  IdentitySource: $request.header.Authorization
                MyL:
                  FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:auth
                  AuthorizerPayloadFormatVersion: "2.0"
      """;

  private static Node statement(Application app, String permission) {
    Permission p = get(app, Permission.class, permission);
    return ((Node.ListNode) at(p.policy().document(), "Statement")).items().getFirst();
  }

  private static String sourceArn(Application app, String permission) {
    return Nodes.text(at(statement(app, permission), "Condition", "ArnLike", "AWS:SourceArn"))
        .orElseThrow();
  }

  @Test
  void restRoutesResolveAuthorizationLikeSam() {
    Application app = app(REST);
    assertThat(app.apiRoutes())
        .extracting(
            ApiRoute::id,
            r -> r.authorizationType().get(),
            r -> r.authorizer().known().map(a -> a.display()).orElse("-"),
            r -> r.apiKeyRequired().get())
        .containsExactlyInAnyOrder(
            tuple("MyApi GET /a", "CUSTOM", "MyApi authorizer MyLambdaAuth", true),
            tuple("MyApi OPTIONS /a", "NONE", "-", true),
            tuple("MyApi POST /b/{id}", "NONE", "-", false),
            tuple("MyApi OPTIONS /b/{id}", "NONE", "-", true),
            tuple("MyApi ANY /c", "AWS_IAM", "-", true),
            tuple("MyApi OPTIONS /c", "NONE", "-", true),
            tuple("MyApi PUT /d", "COGNITO_USER_POOLS", "MyApi authorizer MyCognito", true),
            tuple("MyApi OPTIONS /d", "NONE", "-", true),
            tuple("MyApi PUT /e", "CUSTOM", "MyApi authorizer MyReqAuth", true),
            tuple("MyApi OPTIONS /e", "NONE", "-", true));
    ApiRoute getA = get(app, ApiRoute.class, "MyApi GET /a");
    assertThat(getA.meta().definedBy()).isEqualTo("Fn");
    assertThat(getA.integration().get()).isEqualTo(to("Fn"));
    assertThat(getA.api().get()).isEqualTo(to("MyApi"));
    assertThat(pos(getA.authorizationType())).isEqualTo("12:28");
    ApiRoute none = get(app, ApiRoute.class, "MyApi POST /b/{id}");
    assertThat(none.authorizationType().isSet()).isTrue();
    assertThat(pos(none.authorizationType())).isEqualTo("51:27");
    assertThat(none.requestModel().get()).isTrue();
    assertThat(none.requestValidator().get()).isEqualTo(to("MyApi validator body-only"));
    assertThat(get(app, ApiRoute.class, "MyApi OPTIONS /a").integration().isAbsent()).isTrue();
  }

  @Test
  void restAuthorizersValidatorsAndPermissions() {
    Application app = app(REST);
    assertThat(app.authorizers())
        .extracting(
            Authorizer::id,
            a -> a.type().get(),
            a -> a.function().known().map(f -> f.display()).orElse("-"))
        .containsExactlyInAnyOrder(
            tuple("MyApi authorizer MyLambdaAuth", "TOKEN", "AuthFn"),
            tuple("MyApi authorizer MyReqAuth", "REQUEST", "AuthFn"),
            tuple("MyApi authorizer MyCognito", "COGNITO_USER_POOLS", "-"));
    RequestValidator validator = get(app, RequestValidator.class, "MyApi validator body-only");
    assertThat(validator.validateBody().get()).isTrue();
    assertThat(validator.validateParameters().get()).isFalse();
    assertThat(sourceArn(app, "FnAPermissionprod"))
        .isEqualTo("arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${MyApi}/*/GET/a");
    assertThat(sourceArn(app, "FnBPermissionprod"))
        .isEqualTo("arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${MyApi}/*/POST/b/*");
    assertThat(sourceArn(app, "FnCPermissionprod"))
        .isEqualTo("arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${MyApi}/*/*/c");
    Permission authorizer = get(app, Permission.class, "MyApiMyLambdaAuthAuthorizerPermission");
    assertThat(authorizer.target().get()).isEqualTo(to("AuthFn"));
    assertThat(sourceArn(app, "MyApiMyLambdaAuthAuthorizerPermission"))
        .isEqualTo("arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${MyApi}/authorizers/*");
    assertThat(app.permissions())
        .extracting(Permission::id)
        .doesNotContain("MyApiMyCognitoAuthorizerPermission");
    Api api = get(app, Api.class, "MyApi");
    assertThat(api.resourceType()).isEqualTo("AWS::Serverless::Api");
    assertThat(api.accessLogging().get()).isFalse();
  }

  @Test
  void implicitRestApiWithGlobalsAndDefaults() {
    Application app =
        app(
            """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Api:
                OpenApiVersion: "3.0.1"
                EndpointConfiguration: REGIONAL
                Auth:
                  DefaultAuthorizer: AWS_IAM
                AccessLogSetting:
                  DestinationArn: arn:aws:logs:us-east-1:123456789012:log-group:api
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  InlineCode: x
                  Events:
                    Convert:
                      Type: Api
                      Properties:
                        Path: /api/convert
                        Method: post
            """);
    Api api = get(app, Api.class, "ServerlessRestApi");
    assertThat(api.meta().definedBy()).isEqualTo("Fn");
    assertThat(api.endpointType().get()).isEqualTo("REGIONAL");
    assertThat(api.accessLogging().get()).isTrue();
    ApiRoute route = get(app, ApiRoute.class, "ServerlessRestApi POST /api/convert");
    assertThat(route.authorizationType().get()).isEqualTo("AWS_IAM");
    assertThat(pos(route.authorizationType())).isEqualTo("7:26");
    assertThat(route.origin().line()).isEqualTo(18);
    assertThat(get(app, Permission.class, "FnConvertPermissionProd").target().get())
        .isEqualTo(to("Fn"));
  }

  @Test
  void httpApiRoutesUrlsAndAliases() {
    Application app = app(HTTP);
    assertThat(app.apiRoutes())
        .extracting(ApiRoute::id, r -> r.authorizationType().get())
        .containsExactlyInAnyOrder(
            tuple("ServerlessHttpApi ANY $default", "NONE"), tuple("H GET /x", "JWT"));
    ApiRoute x = get(app, ApiRoute.class, "H GET /x");
    assertThat(x.authorizer().get()).isEqualTo(to("H authorizer MyJwt"));
    assertThat(x.integration().get()).isEqualTo(to("Fn"));
    assertThat(get(app, Authorizer.class, "H authorizer MyJwt").type().get()).isEqualTo("JWT");
    assertThat(get(app, Authorizer.class, "H authorizer MyL").type().get()).isEqualTo("REQUEST");
    Api h = get(app, Api.class, "H");
    assertThat(h.kind()).isEqualTo(Api.Kind.HTTP);
    assertThat(h.cors().get().allowOrigins().get()).extracting(Value::get).containsExactly("*");
    assertThat(sourceArn(app, "FnGetPermission"))
        .isEqualTo("arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${ServerlessHttpApi}/*/*");
    assertThat(sourceArn(app, "FnG2Permission"))
        .isEqualTo("arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${H}/*/GET/x");
    // SAM grants HTTP API authorizers no permission unless EnableFunctionDefaultPermissions is set.
    assertThat(app.permissions())
        .extracting(Permission::id)
        .doesNotContain("HMyLAuthorizerPermission");

    FunctionUrl url = get(app, FunctionUrl.class, "FnUrl");
    assertThat(url.function().get()).isEqualTo(to("Fn"));
    assertThat(url.qualifier().get()).isEqualTo("live");
    assertThat(url.authType().get()).isEqualTo("NONE");
    assertThat(url.cors().get().allowMethods().get()).extracting(Value::get).containsExactly("GET");
    assertThat(url.cors().get().allowCredentials().get()).isFalse();
    assertThat(url.meta().definedBy()).isEqualTo("Fn");

    Node publicUrl = statement(app, "FnUrlPublicPermissions");
    assertThat(Nodes.content(publicUrl))
        .isEqualTo(
            "{Sid=STRING:FnUrlPublicPermissions,Effect=STRING:Allow,Principal=STRING:*,"
                + "Action=STRING:lambda:InvokeFunctionUrl,Resource=ref:${FnAliaslive},"
                + "Condition={StringEquals={lambda:FunctionUrlAuthType=STRING:NONE,},},}");
    Node invoke = statement(app, "FnURLInvokeAllowPublicAccess");
    assertThat(Nodes.content(at(invoke, "Condition")))
        .isEqualTo("{Bool={lambda:InvokedViaFunctionUrl=STRING:true,},}");
    assertThat(get(app, Permission.class, "FnURLInvokeAllowPublicAccess").target().get())
        .isEqualTo(to("Fn"));
    assertThat(get(app, Permission.class, "FnG2Permission").target().get()).isEqualTo(to("Fn"));
    assertThat(
            get(app, dev.lambdasec.model.LambdaFunction.class, "Fn").onFailureDestination().get())
        .isEqualTo(dev.lambdasec.model.Ref.literal("arn:aws:sqs:us-east-1:123456789012:q"));
  }

  @Test
  void urlWithIamAuthGetsNoPublicPermission() {
    Application app =
        app(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  InlineCode: x
                  FunctionUrlConfig:
                    AuthType: AWS_IAM
            """);
    FunctionUrl url = get(app, FunctionUrl.class, "FnUrl");
    assertThat(url.authType().get()).isEqualTo("AWS_IAM");
    assertThat(url.qualifier().isAbsent()).isTrue();
    assertThat(url.cors().isAbsent()).isTrue();
    assertThat(app.permissions()).isEmpty();
  }

  @Test
  void httpApiDefaultAuthorizerAndOptOut() {
    Application app =
        app(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              H:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    DefaultAuthorizer: J
                    EnableIamAuthorizer: true
                    Authorizers:
                      J:
                        JwtConfiguration: {issuer: "https://issuer", audience: [a]}
                        IdentitySource: $request.header.Authorization
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  InlineCode: x
                  Events:
                    Open:
                      Type: HttpApi
                      Properties: {ApiId: !Ref H, Path: /open, Method: get, Auth: {Authorizer: NONE}}
                    Jwt:
                      Type: HttpApi
                      Properties: {ApiId: !Ref H, Path: /jwt, Method: get}
                    Iam:
                      Type: HttpApi
                      Properties: {ApiId: !Ref H, Path: /iam, Method: get, Auth: {Authorizer: AWS_IAM}}
            """);
    assertThat(app.apiRoutes())
        .extracting(ApiRoute::id, r -> r.authorizationType().get())
        .containsExactlyInAnyOrder(
            tuple("H GET /open", "NONE"),
            tuple("H GET /jwt", "JWT"),
            tuple("H GET /iam", "AWS_IAM"));
    assertThat(pos(get(app, ApiRoute.class, "H GET /jwt").authorizationType())).isEqualTo("7:28");
  }

  @Test
  void externalDefinitionIsNotedAndEventsGiveTheRoutes() {
    SourceResult result =
        Fixtures.read(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  DefinitionUri: openapi.yaml
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  InlineCode: x
                  Events:
                    Get:
                      Type: Api
                      Properties: {RestApiId: !Ref Api, Path: /items, Method: get}
            """);
    assertThat(result.errors())
        .extracting(e -> e.line() + " " + e.message())
        .containsExactly(
            "7 API Api is defined outside the template; its routes are taken from the functions' events only");
    assertThat(get(result.application(), ApiRoute.class, "Api GET /items").integration().get())
        .isEqualTo(to("Fn"));
  }

  @Test
  void inlineDefinitionBodyKeepsItsOwnRoutesAndGetsTheDefaultAuthorizer() {
    Application app =
        app(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  Auth:
                    DefaultAuthorizer: Pool
                    Authorizers:
                      Pool:
                        UserPoolArn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/p
                  DefinitionBody:
                    swagger: "2.0"
                    paths:
                      /items:
                        get:
                          x-amazon-apigateway-integration:
                            type: aws_proxy
                            httpMethod: POST
                            uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  InlineCode: x
                  Events:
                    Other:
                      Type: Api
                      Properties: {RestApiId: !Ref Api, Path: /other, Method: get}
            """);
    assertThat(app.apiRoutes()).extracting(ApiRoute::id).containsExactly("Api GET /items");
    ApiRoute items = get(app, ApiRoute.class, "Api GET /items");
    assertThat(items.authorizationType().get()).isEqualTo("COGNITO_USER_POOLS");
    assertThat(items.meta().definedBy()).isNull();
    assertThat(get(app, Permission.class, "FnOtherPermissionprod").target().get())
        .isEqualTo(to("Fn"));
  }

  @Test
  void jsonGivesTheSameModel() {
    assertJsonParity(REST);
    assertJsonParity(HTTP);
  }

  @Test
  void resourcePolicyShorthandsAreWrittenAsSamWritesThem() {
    Application app =
        app(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  Auth:
                    ResourcePolicy:
                      AwsAccountWhitelist: ["111122223333"]
                      IpRangeBlacklist: ["10.0.0.0/8"]
                      SourceVpcWhitelist: [vpc-1, vpce-2]
                      CustomStatements:
                        - Effect: Allow
                          Principal: "*"
                          Action: execute-api:Invoke
                          Resource: execute-api:/*
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  InlineCode: x
                  Events:
                    Get:
                      Type: Api
                      Properties: {RestApiId: !Ref Api, Path: "/items/{id}", Method: get}
            """);
    Api api = get(app, Api.class, "Api");
    Node statements = at(api.resourcePolicy().get().document(), "Statement");
    assertThat(((Node.ListNode) statements).items())
        .extracting(
            st -> Nodes.text(at(st, "Effect")).orElseThrow(),
            st -> Nodes.content(Nodes.get(st, "Principal")),
            st -> Nodes.content(Nodes.get(st, "Condition")))
        .containsExactly(
            tuple("Allow", "{AWS=[STRING:111122223333,],}", "null"),
            tuple("Allow", "STRING:*", "null"),
            tuple("Deny", "STRING:*", "{IpAddress={aws:SourceIp=[STRING:10.0.0.0/8,],},}"),
            tuple(
                "Deny",
                "STRING:*",
                "{StringNotEquals={aws:SourceVpc=[STRING:vpc-1,],aws:SourceVpce=[STRING:vpce-2,],},}"),
            tuple("Allow", "STRING:*", "null"));
    Node first = ((Node.ListNode) statements).items().getFirst();
    assertThat(Nodes.content(at(first, "Resource")))
        .isEqualTo("[STRING:execute-api:/prod/GET/items/*,]");
  }

  @Test
  void samsExtraStageHasNoAccessLogsUnlessOpenApiVersionIsSet() {
    Application app =
        app(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  AccessLogSetting:
                    DestinationArn: arn:aws:logs:us-east-1:123456789012:log-group:api
            """);
    Api api = get(app, Api.class, "Api");
    assertThat(api.accessLogging()).isEqualTo(Value.defaulted(false, api.origin()));
  }
}
