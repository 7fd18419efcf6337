package dev.lambdasec.source.iac.serverless;

import static dev.lambdasec.source.iac.Fixtures.app;
import static dev.lambdasec.source.iac.Fixtures.get;
import static dev.lambdasec.source.iac.Fixtures.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.Api;
import dev.lambdasec.model.ApiRoute;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.Authorizer;
import dev.lambdasec.model.EventSourceMapping;
import dev.lambdasec.model.Permission;
import dev.lambdasec.model.RequestValidator;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.ServiceNotification;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.cfn.Nodes;
import org.junit.jupiter.api.Test;

/** Events become routes, mappings, notifications and permissions scoped to their source. */
class ServerlessEventsTest {

  @Test
  void httpEventsBecomeRestMethodsWithTheirAuthorization() {
    Application app =
        app(
            """
            service: shop
            provider:
              name: aws
              runtime: nodejs20.x
              endpointType: REGIONAL
              logs:
                restApi: true
            functions:
              auth:
                handler: auth.handler
              api:
                handler: api.handler
                events:
                  - http: GET /health
                  - http:
                      path: /orders/{id}
                      method: get
                      authorizer: aws_iam
                  - http:
                      path: orders
                      method: post
                      authorizer: auth
                      request:
                        schemas:
                          application/json: ${file(schema.json), '{}'}
                  - http:
                      path: admin
                      method: any
                      private: true
                  - http:
                      path: users
                      method: get
                      cors: true
                      authorizer:
                        arn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc
            """);
    Api api = get(app, Api.class, "ApiGatewayRestApi");
    assertThat(api.kind()).isEqualTo(Api.Kind.REST);
    assertThat(api.name().get()).isEqualTo("dev-shop");
    assertThat(api.endpointType().get()).isEqualTo("REGIONAL");
    assertThat(api.accessLogging().get()).isTrue();
    ApiRoute health = get(app, ApiRoute.class, "ApiGatewayMethodHealthGet");
    assertThat(health.label()).isEqualTo("GET /health");
    assertThat(health.authorizationType().get()).isEqualTo("NONE");
    assertThat(health.integration().get()).isEqualTo(to("api"));
    assertThat(health.meta().definedBy()).isEqualTo("api");
    ApiRoute order = get(app, ApiRoute.class, "ApiGatewayMethodOrdersIdVarGet");
    assertThat(order.label()).isEqualTo("GET /orders/{id}");
    assertThat(order.authorizationType().get()).isEqualTo("AWS_IAM");
    ApiRoute create = get(app, ApiRoute.class, "ApiGatewayMethodOrdersPost");
    assertThat(create.authorizationType().get()).isEqualTo("CUSTOM");
    assertThat(create.authorizer().get()).isEqualTo(to("AuthApiGatewayAuthorizer"));
    assertThat(get(app, Authorizer.class, "AuthApiGatewayAuthorizer").function().get())
        .isEqualTo(to("auth"));
    assertThat(create.requestValidator().get())
        .isEqualTo(to("ApiGatewayMethodOrdersPostValidator"));
    assertThat(
            get(app, RequestValidator.class, "ApiGatewayMethodOrdersPostValidator")
                .validateBody()
                .get())
        .isTrue();
    ApiRoute admin = get(app, ApiRoute.class, "ApiGatewayMethodAdminAny");
    assertThat(admin.method().get()).isEqualTo("ANY");
    assertThat(admin.apiKeyRequired().get()).isTrue();
    assertThat(get(app, ApiRoute.class, "ApiGatewayMethodUsersGet").authorizationType().get())
        .isEqualTo("COGNITO_USER_POOLS");
    assertThat(get(app, ApiRoute.class, "ApiGatewayMethodUsersOptions").method().get())
        .isEqualTo("OPTIONS");
    Permission invoke = get(app, Permission.class, "ApiLambdaPermissionApiGateway");
    assertThat(invoke.target().get()).isEqualTo(to("api"));
    assertThat(Nodes.content(invoke.policy().document()))
        .contains("apigateway.amazonaws.com", "execute-api", "${ApiGatewayRestApi}/*/*");
    assertThat(app.permissions())
        .extracting(Permission::id)
        .contains("AuthLambdaPermissionApiGateway");
  }

  @Test
  void httpApiEventsBecomeRoutesWithJwtLambdaOrIamAuthorizers() {
    Application app =
        app(
            """
            service: shop
            provider:
              name: aws
              runtime: nodejs20.x
              httpApi:
                name: shop-http
                cors: true
                authorizers:
                  cognito:
                    identitySource: $request.header.Authorization
                    issuerUrl: https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc
                    audience: [client]
                  custom:
                    type: request
                    functionName: auth
            functions:
              auth:
                handler: auth.handler
              api:
                handler: api.handler
                events:
                  - httpApi: 'GET /public'
                  - httpApi:
                      method: POST
                      path: /orders
                      authorizer:
                        name: cognito
                        scopes: [orders/write]
                  - httpApi:
                      method: DELETE
                      path: /orders/{id}
                      authorizer: custom
                  - httpApi:
                      method: GET
                      path: /iam
                      authorizer:
                        type: aws_iam
                  - httpApi:
                      method: GET
                      path: /missing
                      authorizer: nobody
                  - httpApi: '*'
            """);
    Api api = get(app, Api.class, "HttpApi");
    assertThat(api.kind()).isEqualTo(Api.Kind.HTTP);
    assertThat(api.name().get()).isEqualTo("shop-http");
    assertThat(api.cors().get().allowOrigins().get()).extracting(Value::get).containsExactly("*");
    assertThat(get(app, ApiRoute.class, "HttpApiRouteGetPublic").authorizationType().get())
        .isEqualTo("NONE");
    ApiRoute orders = get(app, ApiRoute.class, "HttpApiRoutePostOrders");
    assertThat(orders.authorizationType().get()).isEqualTo("JWT");
    assertThat(orders.authorizer().get()).isEqualTo(to("HttpApiAuthorizerCognito"));
    assertThat(orders.integration().get()).isEqualTo(to("api"));
    assertThat(get(app, ApiRoute.class, "HttpApiRouteDeleteOrdersIdVar").authorizationType().get())
        .isEqualTo("CUSTOM");
    assertThat(get(app, Authorizer.class, "HttpApiAuthorizerCustom").function().get())
        .isEqualTo(to("auth"));
    assertThat(get(app, ApiRoute.class, "HttpApiRouteGetIam").authorizationType().get())
        .isEqualTo("AWS_IAM");
    assertThat(
            get(app, ApiRoute.class, "HttpApiRouteGetMissing").authorizationType().isUnresolved())
        .isTrue();
    ApiRoute fallback = get(app, ApiRoute.class, "HttpApiRouteDefault");
    assertThat(fallback.label()).isEqualTo("ANY $default");
    assertThat(
            Nodes.content(
                get(app, Permission.class, "ApiLambdaPermissionHttpApi").policy().document()))
        .contains("${HttpApi}/*");
  }

  @Test
  void pullEventsMapTheirSourceAndGrantTheSharedRoleWhatItReads() {
    Application app =
        app(
            """
            service: shop
            provider: {name: aws, runtime: nodejs20.x}
            functions:
              worker:
                handler: w.handler
                events:
                  - sqs: arn:aws:sqs:us-east-1:123456789012:jobs
                  - stream:
                      type: dynamodb
                      arn: !GetAtt Table.StreamArn
                      destinations:
                        onFailure: arn:aws:sqs:us-east-1:123456789012:failed
                  - stream: arn:aws:kinesis:us-east-1:123456789012:stream/clicks
            resources:
              Resources:
                Table:
                  Type: AWS::DynamoDB::Table
            """);
    assertThat(app.eventSourceMappings())
        .extracting(EventSourceMapping::id)
        .containsExactly(
            "WorkerEventSourceMappingSQSJobs",
            "WorkerEventSourceMappingDynamodbTable",
            "WorkerEventSourceMappingKinesisClicks");
    EventSourceMapping table =
        get(app, EventSourceMapping.class, "WorkerEventSourceMappingDynamodbTable");
    assertThat(table.function().get()).isEqualTo(to("worker"));
    assertThat(table.onFailureDestination().get().literal())
        .isEqualTo("arn:aws:sqs:us-east-1:123456789012:failed");
    String policy =
        Nodes.content(
            get(app, Role.class, "IamRoleLambdaExecution").inlinePolicies().getFirst().document());
    assertThat(policy)
        .contains(
            "sqs:ReceiveMessage", "dynamodb:GetRecords", "kinesis:GetRecords", "sqs:SendMessage");
  }

  @Test
  void pushEventsCreateTheirSourceAndAPermissionScopedToIt() {
    Application app =
        app(
            """
            service: shop
            provider: {name: aws, runtime: nodejs20.x}
            functions:
              handler:
                handler: h.handler
                events:
                  - sns: orders-topic
                  - sns: arn:aws:sns:us-east-1:123456789012:existing
                  - s3: uploads-bucket
                  - schedule: rate(5 minutes)
                  - eventBridge:
                      pattern:
                        source: [shop.orders]
                  - cloudwatchLog: /aws/lambda/other
                  - alb:
                      listenerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/lb/1/2
                      priority: 1
                      conditions:
                        path: /x
            """);
    assertThat(app.permissions())
        .extracting(Permission::id)
        .containsExactly(
            "HandlerLambdaPermissionOrderstopicSNS",
            "HandlerLambdaPermissionExistingSNS",
            "HandlerLambdaPermissionUploadsbucketS3",
            "HandlerLambdaPermissionEventsRuleSchedule1",
            "HandlerEventBridgeLambdaPermission1",
            "HandlerLambdaPermissionLogsSubscriptionFilterCloudWatchLog",
            "HandlerLambdaPermissionAlb");
    for (Permission p : app.permissions()) {
      assertThat(Nodes.content(p.policy().document())).as(p.id()).contains("SourceArn");
    }
    assertThat(
            Nodes.content(
                get(app, Permission.class, "HandlerLambdaPermissionUploadsbucketS3")
                    .policy()
                    .document()))
        .contains("arn:aws:s3:::uploads-bucket", "AWS:SourceAccount");
    assertThat(app.notifications())
        .extracting(ServiceNotification::service)
        .contains("sns", "s3", "events", "logs");
  }

  @Test
  void websocketEventsBecomeRoutesAuthorizedOnConnectWhenAnAuthorizerIsNamed() {
    Application app =
        app(
            """
            service: chat
            provider:
              name: aws
              runtime: nodejs20.x
            functions:
              auth:
                handler: auth.handler
              connect:
                handler: connect.handler
                events:
                  - websocket:
                      route: $connect
                      authorizer:
                        name: auth
                        identitySource: [route.request.header.Auth]
              message:
                handler: message.handler
                events:
                  - websocket: $default
            """);
    Api api = get(app, Api.class, "WebsocketsApi");
    assertThat(api.kind()).isEqualTo(Api.Kind.WEBSOCKET);
    assertThat(api.name().get()).isEqualTo("dev-chat-websockets");
    ApiRoute connect = get(app, ApiRoute.class, "SconnectWebsocketsRoute");
    assertThat(connect.authorizationType().get()).isEqualTo("CUSTOM");
    assertThat(connect.authorizer().get()).isEqualTo(to("AuthWebsocketsAuthorizer"));
    assertThat(get(app, Authorizer.class, "AuthWebsocketsAuthorizer").function().get())
        .isEqualTo(to("auth"));
    assertThat(get(app, ApiRoute.class, "SdefaultWebsocketsRoute").authorizationType().get())
        .isEqualTo("NONE");
    assertThat(get(app, Permission.class, "MessageLambdaPermissionWebsockets").target().get())
        .isEqualTo(to("message"));
  }
}
