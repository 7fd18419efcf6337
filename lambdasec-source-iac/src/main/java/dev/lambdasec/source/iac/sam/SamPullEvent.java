package dev.lambdasec.source.iac.sam;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.cfn.TemplateResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A poll-based event ({@code SQS}, {@code Kinesis}, {@code DynamoDB}, {@code MSK}, {@code MQ},
 * {@code SelfManagedKafka}, {@code DocumentDB}) as SAM expands it: an event source mapping {@code
 * <Function><Event>}, and on the generated role the AWS managed policy or the inline statements the
 * source type needs, plus access to the on-failure destination.
 */
final class SamPullEvent {

  /** The property that holds the source ARN, by event type. */
  private static final Map<String, String> SOURCE =
      Map.of(
          "SQS", "Queue",
          "Kinesis", "Stream",
          "DynamoDB", "Stream",
          "MSK", "Stream",
          "MQ", "Broker",
          "DocumentDB", "Cluster");

  /** The AWS managed policy SAM attaches, by event type. */
  private static final Map<String, String> MANAGED =
      Map.of(
          "SQS", "service-role/AWSLambdaSQSQueueExecutionRole",
          "Kinesis", "service-role/AWSLambdaKinesisExecutionRole",
          "DynamoDB", "service-role/AWSLambdaDynamoDBExecutionRole",
          "MSK", "service-role/AWSLambdaMSKExecutionRole");

  /** Mapping properties SAM passes through. */
  private static final List<String> COPIED =
      List.of(
          "StartingPosition",
          "StartingPositionTimestamp",
          "BatchSize",
          "Enabled",
          "MaximumBatchingWindowInSeconds",
          "MaximumRetryAttempts",
          "BisectBatchOnFunctionError",
          "MaximumRecordAgeInSeconds",
          "ParallelizationFactor",
          "Topics",
          "Queues",
          "SourceAccessConfigurations",
          "TumblingWindowInSeconds",
          "FunctionResponseTypes",
          "FilterCriteria",
          "KmsKeyArn",
          "ScalingConfig",
          "ProvisionedPollerConfig",
          "MetricsConfig",
          "LoggingConfig");

  private static final List<String> EC2_NETWORK_ACTIONS =
      List.of(
          "ec2:CreateNetworkInterface",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DeleteNetworkInterface",
          "ec2:DescribeVpcs",
          "ec2:DescribeSubnets",
          "ec2:DescribeSecurityGroups");

  private final SamExpander sam;
  private final SamFunction fn;
  private final SamEvents.Event event;
  private final String type;

  SamPullEvent(SamExpander sam, SamFunction fn, SamEvents.Event event, String type) {
    this.sam = sam;
    this.fn = fn;
    this.event = event;
    this.type = type;
  }

  void expand() {
    Origin at = event.at();
    Nodes.MapBuilder mapping = Nodes.map(at).put("FunctionName", fn.invokeName(at));
    String source = SOURCE.get(type);
    if (source != null) {
      mapping.put("EventSourceArn", event.get(source));
    }
    for (String key : COPIED) {
      mapping.put(key, event.get(key));
    }
    Node servers = event.get("KafkaBootstrapServers");
    if (servers != null) {
      mapping.put(
          "SelfManagedEventSource",
          Nodes.map(at)
              .put("Endpoints", Nodes.map(at).put("KafkaBootstrapServers", servers).build())
              .build());
    }
    if (type.equals("DocumentDB")) {
      mapping.put(
          "DocumentDBEventSourceConfig",
          Nodes.map(at)
              .put("DatabaseName", event.get("DatabaseName"))
              .put("CollectionName", event.get("CollectionName"))
              .put("FullDocument", event.get("FullDocument"))
              .build());
    }
    Node onFailure = Nodes.at(event.get("DestinationConfig"), "OnFailure");
    if (onFailure instanceof MapNode failure) {
      MapNode withoutType =
          new MapNode(
              failure.entries().stream().filter(e -> !e.key().equals("Type")).toList(),
              failure.origin());
      mapping.put("DestinationConfig", Nodes.map(at).put("OnFailure", withoutType).build());
    }
    sam.put(
        TemplateResource.generated(
            event.logicalId(),
            "AWS::Lambda::EventSourceMapping",
            mapping.build(),
            at,
            fn.resource()));
    SamRole role = fn.role();
    if (role != null) {
      grant(role, at);
      if (onFailure != null) {
        String destinationType = sam.text(Nodes.get(onFailure, "Type")).orElse("");
        Node arn = Nodes.get(onFailure, "Destination");
        if (arn != null) {
          SamFunction.destinationPolicy(role, event.logicalId(), destinationType, arn, at);
        }
      }
    }
  }

  private void grant(SamRole role, Origin at) {
    String managed = MANAGED.get(type);
    if (managed != null) {
      role.managed(ManagedPolicyNames.aws(managed), at);
    }
    switch (type) {
      case "MSK" -> {
        List<Node> statements = new ArrayList<>();
        for (Node config : accessConfigurations()) {
          if (typeOf(config).equals("CLIENT_CERTIFICATE_TLS_AUTH") && uri(config) != null) {
            statements.add(
                SamRole.allow(List.of("secretsmanager:GetSecretValue"), uri(config), at));
          }
        }
        if (!statements.isEmpty()) {
          role.statements("MSKExecutionRolePolicy", at, statements.toArray(Node[]::new));
        }
      }
      case "MQ" -> {
        boolean dynamic =
            sam.text(event.get("DynamicPolicyName")).filter("true"::equalsIgnoreCase).isPresent();
        List<Node> statements = new ArrayList<>();
        statements.add(
            SamRole.allow(List.of("secretsmanager:GetSecretValue"), uriOf("BASIC_AUTH"), at));
        statements.add(SamRole.allow(List.of("mq:DescribeBroker"), event.get("Broker"), at));
        kmsDecrypt(at, false).ifPresent(statements::add);
        role.statements(
            dynamic ? event.logicalId() + "AMQPolicy" : "SamAutoGeneratedAMQPolicy",
            at,
            statements.toArray(Node[]::new));
      }
      case "SelfManagedKafka" -> selfManagedKafka(role, at);
      case "DocumentDB" -> {
        List<Node> statements = new ArrayList<>();
        statements.add(
            SamRole.allow(List.of("secretsmanager:GetSecretValue"), uriOf("BASIC_AUTH"), at));
        statements.add(
            SamRole.allow(
                List.of("rds:DescribeDBClusterParameters"),
                Nodes.sub(
                    "arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:cluster-pg:*", at),
                at));
        statements.add(
            SamRole.allow(
                List.of("rds:DescribeDBSubnetGroups"),
                Nodes.sub(
                    "arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:subgrp:*", at),
                at));
        statements.add(SamRole.allow(List.of("rds:DescribeDBClusters"), event.get("Cluster"), at));
        statements.add(SamRole.allow(EC2_NETWORK_ACTIONS, Nodes.string("*", at), at));
        kmsDecrypt(at, true).ifPresent(statements::add);
        role.statements("SamAutoGeneratedDocumentDBPolicy", at, statements.toArray(Node[]::new));
      }
      default -> {
        // the managed policy is all
      }
    }
  }

  /** Self-managed Kafka: the auth secret, VPC network access when both VPC settings are given. */
  private void selfManagedKafka(SamRole role, Origin at) {
    List<Node> statements = new ArrayList<>();
    Node auth = null;
    boolean subnet = false;
    boolean securityGroup = false;
    boolean rootCa = false;
    for (Node config : accessConfigurations()) {
      switch (typeOf(config)) {
        case "VPC_SUBNET" -> subnet = true;
        case "VPC_SECURITY_GROUP" -> securityGroup = true;
        case "SERVER_ROOT_CA_CERTIFICATE" -> rootCa = true;
        case "SASL_SCRAM_256_AUTH",
            "SASL_SCRAM_512_AUTH",
            "BASIC_AUTH",
            "CLIENT_CERTIFICATE_TLS_AUTH" ->
            auth = uri(config);
        default -> {
          // SAM rejects other types
        }
      }
    }
    if (auth != null) {
      statements.add(SamRole.allow(List.of("secretsmanager:GetSecretValue"), auth, at));
      // SAM grants the auth secret a second time for a root CA certificate, not the CA secret.
      if (rootCa) {
        statements.add(SamRole.allow(List.of("secretsmanager:GetSecretValue"), auth, at));
      }
    }
    if (subnet && securityGroup) {
      statements.add(SamRole.allow(EC2_NETWORK_ACTIONS, Nodes.string("*", at), at));
    }
    kmsDecrypt(at, true).ifPresent(statements::add);
    MapNode document =
        Nodes.map(at)
            .put("Statement", Nodes.list(statements, at))
            .put("Version", "2012-10-17")
            .build();
    role.inline("SelfManagedKafkaExecutionRolePolicy", document, at);
  }

  private java.util.Optional<Node> kmsDecrypt(Origin at, boolean asList) {
    return sam.text(event.get("SecretsManagerKmsKeyId"))
        .map(key -> {
          Node resource =
              Nodes.sub(
                  "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/" + key, at);
          return asList
              ? SamRole.allow(List.of("kms:Decrypt"), resource, at)
              : SamRole.allow("kms:Decrypt", resource, at);
        });
  }

  private List<Node> accessConfigurations() {
    return Nodes.items(event.get("SourceAccessConfigurations"));
  }

  private static String typeOf(Node config) {
    return Nodes.text(config, "Type").orElse("");
  }

  private static @Nullable Node uri(Node config) {
    return Nodes.get(config, "URI");
  }

  private @Nullable Node uriOf(String wanted) {
    for (Node config : accessConfigurations()) {
      if (typeOf(config).equals(wanted)) {
        return uri(config);
      }
    }
    return null;
  }
}
