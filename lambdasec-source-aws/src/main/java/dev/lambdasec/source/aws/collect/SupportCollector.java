package dev.lambdasec.source.aws.collect;

import dev.lambdasec.source.aws.snapshot.SupportFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * Log groups, alarms, KMS keys and VPC parts of one region, read in bulk where the API allows and
 * only for what the functions use: {@code /aws/lambda/} log groups by prefix (50 per page) plus
 * custom log groups by name, alarms on Lambda and SQS metrics, the keys, subnets and security
 * groups functions, log groups and trails name.
 */
final class SupportCollector {

  private static final Set<String> ALARM_NAMESPACES = Set.of("AWS/Lambda", "AWS/SQS");

  private final RegionClients clients;
  private final Calls calls;

  SupportCollector(RegionClients clients, Calls calls) {
    this.clients = clients;
    this.calls = calls;
  }

  List<SupportFacts.LogGroup> logGroups(Set<String> customNames) {
    Map<String, SupportFacts.LogGroup> out = new LinkedHashMap<>();
    calls.get(
        "logs:DescribeLogGroups",
        "logGroups",
        null,
        () -> {
          clients
              .logs()
              .describeLogGroupsPaginator(r -> r.logGroupNamePrefix("/aws/lambda/").limit(50))
              .logGroups()
              .forEach(g -> out.put(g.logGroupName(), logGroup(g)));
          return true;
        });
    for (String name : customNames) {
      if (out.containsKey(name)) {
        continue;
      }
      calls.get(
          "logs:DescribeLogGroups",
          "logGroups",
          null,
          () -> {
            clients
                .logs()
                .describeLogGroups(r -> r.logGroupNamePrefix(name).limit(50))
                .logGroups()
                .stream()
                .filter(g -> g.logGroupName().equals(name))
                .forEach(g -> out.put(name, logGroup(g)));
            return true;
          });
    }
    return List.copyOf(out.values());
  }

  private static SupportFacts.LogGroup logGroup(LogGroup g) {
    return new SupportFacts.LogGroup(
        g.logGroupName(), g.arn(), g.retentionInDays(), FunctionDraft.emptyToNull(g.kmsKeyId()));
  }

  List<SupportFacts.Alarm> alarms() {
    List<SupportFacts.Alarm> out = new ArrayList<>();
    calls.get(
        "cloudwatch:DescribeAlarms",
        "alarms",
        null,
        () -> {
          clients
              .cloudwatch()
              .describeAlarmsPaginator(r -> r.alarmTypes(AlarmType.METRIC_ALARM).maxRecords(100))
              .metricAlarms()
              .forEach(a -> {
                List<SupportFacts.Metric> metrics = metrics(a);
                if (metrics.stream().anyMatch(m -> ALARM_NAMESPACES.contains(m.namespace()))) {
                  out.add(
                      new SupportFacts.Alarm(
                          a.alarmArn(),
                          a.alarmName(),
                          metrics,
                          a.actionsEnabled(),
                          a.hasAlarmActions() ? a.alarmActions() : List.of()));
                }
              });
          return true;
        });
    return out;
  }

  private static List<SupportFacts.Metric> metrics(MetricAlarm a) {
    List<SupportFacts.Metric> out = new ArrayList<>();
    if (a.metricName() != null && a.namespace() != null) {
      out.add(new SupportFacts.Metric(a.namespace(), a.metricName(), dimensions(a.dimensions())));
    }
    if (a.hasMetrics()) {
      for (MetricDataQuery q : a.metrics()) {
        if (q.metricStat() != null && q.metricStat().metric() != null) {
          var m = q.metricStat().metric();
          out.add(
              new SupportFacts.Metric(m.namespace(), m.metricName(), dimensions(m.dimensions())));
        }
      }
    }
    return out;
  }

  private static Map<String, String> dimensions(List<Dimension> dimensions) {
    Map<String, String> out = new LinkedHashMap<>();
    dimensions.forEach(d -> out.put(d.name(), d.value()));
    return out;
  }

  /** Keys of this region named by ARN; aliases and keys of other regions are skipped. */
  List<SupportFacts.KmsKey> keys(Set<String> arns) {
    List<SupportFacts.KmsKey> out = new ArrayList<>();
    for (String arn : arns) {
      if (!arn.startsWith("arn:")
          || !arn.contains(":" + clients.region.id() + ":")
          || !arn.contains(":key/")) {
        continue;
      }
      KeyMetadata meta =
          calls
              .get(
                  "kms:DescribeKey", "kms", arn, () -> clients.kms().describeKey(r -> r.keyId(arn)))
              .map(r -> r.keyMetadata())
              .orElse(null);
      boolean aws = meta != null && "AWS".equals(meta.keyManagerAsString());
      Boolean rotation =
          aws
              ? Boolean.TRUE
              : calls
                  .get(
                      "kms:GetKeyRotationStatus",
                      "kmsRotation",
                      arn,
                      () ->
                          clients
                              .kms()
                              .getKeyRotationStatus(r -> r.keyId(arn))
                              .keyRotationEnabled())
                  .orElse(null);
      String policy =
          calls
              .get(
                  "kms:GetKeyPolicy",
                  "kmsPolicy",
                  arn,
                  () ->
                      clients.kms().getKeyPolicy(r -> r.keyId(arn).policyName("default")).policy())
              .orElse(null);
      out.add(
          new SupportFacts.KmsKey(
              arn, meta == null ? null : meta.keyManagerAsString(), rotation, policy));
    }
    return out;
  }

  List<SupportFacts.Subnet> subnets(Set<String> ids) {
    List<SupportFacts.Subnet> out = new ArrayList<>();
    for (List<String> chunk : chunks(ids, 200)) {
      calls
          .get(
              "ec2:DescribeSubnets",
              "subnets",
              null,
              () -> clients.ec2().describeSubnets(r -> r.subnetIds(chunk)))
          .ifPresent(r -> {
            for (Subnet s : r.subnets()) {
              out.add(new SupportFacts.Subnet(s.subnetId(), s.availabilityZone()));
            }
          });
    }
    return out;
  }

  List<SupportFacts.SecurityGroup> securityGroups(Set<String> ids) {
    List<SupportFacts.SecurityGroup> out = new ArrayList<>();
    for (List<String> chunk : chunks(ids, 200)) {
      calls
          .get(
              "ec2:DescribeSecurityGroups",
              "securityGroups",
              null,
              () -> clients.ec2().describeSecurityGroups(r -> r.groupIds(chunk)))
          .ifPresent(r -> {
            for (SecurityGroup g : r.securityGroups()) {
              List<String> cidrs = new ArrayList<>();
              for (IpPermission p : g.ipPermissionsEgress()) {
                p.ipRanges().forEach(x -> cidrs.add(x.cidrIp()));
                p.ipv6Ranges().forEach(x -> cidrs.add(x.cidrIpv6()));
              }
              out.add(new SupportFacts.SecurityGroup(g.groupId(), cidrs));
            }
          });
    }
    return out;
  }

  private static List<List<String>> chunks(Set<String> ids, int size) {
    List<String> all = new ArrayList<>(new LinkedHashSet<>(ids));
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      out.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return out;
  }
}
