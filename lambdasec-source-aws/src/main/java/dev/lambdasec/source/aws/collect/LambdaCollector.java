package dev.lambdasec.source.aws.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdasec.source.aws.snapshot.LambdaFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.Cors;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionUrlConfig;
import software.amazon.awssdk.services.lambda.model.FunctionVersion;
import software.amazon.awssdk.services.lambda.model.LayersListItem;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag;

/**
 * Lambda in one region, bulk first: {@code ListFunctions} with every version (50 per page), tags of
 * every function from the tagging API, event-source mappings, layers and code-signing configs once
 * per region; then, per function on virtual threads, only what no bulk API returns: the resource
 * policy and URL configs (of the function, and of its aliases when it publishes versions), and the
 * asynchronous invoke config of functions that services invoke asynchronously.
 */
final class LambdaCollector {

  /** Published versions whose own resource policy is read, newest first (all with --deep). */
  static final int VERSION_POLICIES = 3;

  private static final Set<String> ASYNC_PRINCIPALS =
      Set.of("s3", "sns", "events", "logs", "ses", "iot", "codecommit", "config", "codepipeline");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegionClients clients;
  private final Calls calls;
  private final boolean deep;
  private final EnvironmentClassifier environment;
  private final Progress progress;

  /** What Lambda yielded in the region. */
  record Result(
      List<FunctionDraft> functions,
      List<LambdaFacts.EventSourceMapping> mappings,
      List<LambdaFacts.Layer> layers,
      List<LambdaFacts.CodeSigningConfig> codeSigningConfigs) {}

  LambdaCollector(
      RegionClients clients,
      Calls calls,
      boolean deep,
      EnvironmentClassifier environment,
      Progress progress) {
    this.clients = clients;
    this.calls = calls;
    this.deep = deep;
    this.environment = environment;
    this.progress = progress;
  }

  Result collect() {
    LambdaClient lambda = clients.lambda();
    Map<String, FunctionDraft> functions = new LinkedHashMap<>();
    Map<String, List<String>> versions = new LinkedHashMap<>();
    calls.get(
        "lambda:ListFunctions",
        "functions",
        null,
        () -> {
          lambda
              .listFunctionsPaginator(r -> r.functionVersion(FunctionVersion.ALL).maxItems(50))
              .functions()
              .forEach(c -> {
                if ("$LATEST".equals(c.version()) || c.version() == null) {
                  FunctionConfiguration latest =
                      c.toBuilder().functionArn(unqualified(c.functionArn())).build();
                  functions.put(latest.functionArn(), draft(latest));
                } else {
                  versions
                      .computeIfAbsent(unqualified(c.functionArn()), k -> new ArrayList<>())
                      .add(c.version());
                }
              });
          return true;
        });
    progress.functionsFound(functions.size());
    versions.forEach((arn, v) -> {
      FunctionDraft d = functions.get(arn);
      if (d != null) {
        v.sort(Comparator.comparingLong(LambdaCollector::number));
        d.versions.addAll(v);
      }
    });
    boolean bulkTags = tags(functions);
    List<LambdaFacts.CodeSigningConfig> signing = new ArrayList<>();
    boolean bulkSigning = codeSigning(functions, signing);
    boolean listUrls =
        !functions.isEmpty() && supportsUrlListing(functions.values().iterator().next());
    if (!deep) {
      calls.notCollected(
          "reservedConcurrency",
          "lambda:GetFunctionConcurrency",
          "reserved concurrency needs one lambda:GetFunctionConcurrency call per function; collect"
              + " with --deep");
    }
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (FunctionDraft d : functions.values()) {
        pool.submit(() -> {
          perFunction(d, listUrls, bulkTags, bulkSigning);
          progress.functionDone();
        });
      }
    }
    return new Result(List.copyOf(functions.values()), mappings(), layers(), List.copyOf(signing));
  }

  private FunctionDraft draft(FunctionConfiguration c) {
    Map<String, String> vars =
        c.environment() != null && c.environment().hasVariables()
            ? c.environment().variables()
            : Map.of();
    return new FunctionDraft(c, environment.classify(c.functionArn(), vars));
  }

  static String unqualified(String arn) {
    String[] parts = arn.split(":", -1);
    return parts.length > 7 ? String.join(":", List.of(parts).subList(0, 7)) : arn;
  }

  private static long number(String version) {
    try {
      return Long.parseLong(version);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Tags of every function from the tagging API; false when it cannot be used. */
  private boolean tags(Map<String, FunctionDraft> functions) {
    if (functions.isEmpty()) {
      return true;
    }
    return calls
        .get(
            "tag:GetResources",
            "tagsBulk",
            null,
            () -> {
              for (ResourceTagMapping m :
                  clients
                      .tagging()
                      .getResourcesPaginator(
                          r -> r.resourceTypeFilters("lambda:function").resourcesPerPage(100))
                      .resourceTagMappingList()) {
                FunctionDraft d = functions.get(unqualified(m.resourceARN()));
                if (d != null && m.hasTags()) {
                  for (Tag t : m.tags()) {
                    d.tags.put(t.key(), t.value());
                  }
                }
              }
              return true;
            })
        .isPresent();
  }

  /**
   * Code-signing configs with the functions each governs (two calls per config); false when the
   * endpoint lacks these operations and a deep collection asks each function instead. Without
   * {@code --deep}, a lacking endpoint leaves the facet unknown: a call per function would be the
   * only way to learn it, and every real AWS region offers the listing.
   */
  private boolean codeSigning(
      Map<String, FunctionDraft> functions, List<LambdaFacts.CodeSigningConfig> out) {
    LambdaClient lambda = clients.lambda();
    List<software.amazon.awssdk.services.lambda.model.CodeSigningConfig> configs =
        new ArrayList<>();
    try {
      lambda
          .listCodeSigningConfigsPaginator(r -> r.maxItems(50))
          .codeSigningConfigs()
          .forEach(configs::add);
    } catch (AwsServiceException e) {
      if (deep && (e.statusCode() == 404 || e.statusCode() == 501)) {
        return false;
      }
      calls.get(
          "lambda:ListCodeSigningConfigs",
          "codeSigning",
          null,
          () -> {
            throw e;
          });
      return true;
    }
    for (var c : configs) {
      out.add(
          new LambdaFacts.CodeSigningConfig(
              c.codeSigningConfigArn(),
              c.codeSigningPolicies() == null
                  ? null
                  : c.codeSigningPolicies().untrustedArtifactOnDeploymentAsString(),
              c.allowedPublishers() == null
                  ? List.of()
                  : c.allowedPublishers().signingProfileVersionArns()));
      calls.get(
          "lambda:ListFunctionsByCodeSigningConfig",
          "codeSigning",
          c.codeSigningConfigArn(),
          () -> {
            lambda
                .listFunctionsByCodeSigningConfigPaginator(
                    r -> r.codeSigningConfigArn(c.codeSigningConfigArn()))
                .functionArns()
                .forEach(arn -> {
                  FunctionDraft d = functions.get(unqualified(arn));
                  if (d != null) {
                    d.codeSigningConfigArn = c.codeSigningConfigArn();
                  }
                });
            return true;
          });
    }
    return true;
  }

  /** Whether {@code ListFunctionUrlConfigs} works here (it returns the URLs of every alias). */
  private boolean supportsUrlListing(FunctionDraft probe) {
    try {
      clients.lambda().listFunctionUrlConfigs(r -> r.functionName(probe.arn()).maxItems(1));
      return true;
    } catch (AwsServiceException e) {
      return !(e.statusCode() == 404 && !isNotFound(e)) && e.statusCode() != 501;
    }
  }

  private static boolean isNotFound(AwsServiceException e) {
    return e.awsErrorDetails() != null
        && "ResourceNotFoundException".equals(e.awsErrorDetails().errorCode());
  }

  private void perFunction(
      FunctionDraft d, boolean listUrls, boolean bulkTags, boolean bulkSigning) {
    LambdaClient lambda = clients.lambda();
    String arn = d.arn();
    policy(d, null);
    if (!d.versions.isEmpty() || deep) {
      calls.get(
          "lambda:ListAliases",
          "aliases",
          arn,
          () -> {
            for (AliasConfiguration a :
                lambda.listAliasesPaginator(r -> r.functionName(arn)).aliases()) {
              d.aliases.add(a.name());
            }
            return true;
          });
      List.copyOf(d.aliases).forEach(a -> policy(d, a));
      List<String> newest = new ArrayList<>(d.versions);
      java.util.Collections.reverse(newest);
      (deep ? newest : newest.subList(0, Math.min(VERSION_POLICIES, newest.size())))
          .forEach(v -> policy(d, v));
    }
    if (listUrls) {
      calls.get(
          "lambda:ListFunctionUrlConfigs",
          "url",
          arn,
          () -> {
            for (FunctionUrlConfig u :
                lambda
                    .listFunctionUrlConfigsPaginator(r -> r.functionName(arn))
                    .functionUrlConfigs()) {
              d.urls.add(
                  url(qualifier(u.functionArn()), u.functionUrl(), u.authTypeAsString(), u.cors()));
            }
            return true;
          });
    } else {
      List<@Nullable String> qualifiers = new ArrayList<>();
      qualifiers.add(null);
      qualifiers.addAll(d.aliases);
      for (String q : qualifiers) {
        String target = q == null ? arn : arn + ":" + q;
        calls
            .get(
                "lambda:GetFunctionUrlConfig",
                "url",
                target,
                () ->
                    lambda.getFunctionUrlConfig(r -> {
                      r.functionName(d.config.functionName());
                      if (q != null) {
                        r.qualifier(q);
                      }
                    }))
            .ifPresent(u -> d.urls.add(url(q, u.functionUrl(), u.authTypeAsString(), u.cors())));
      }
    }
    if (!bulkTags) {
      calls
          .get("lambda:ListTags", "tags", arn, () -> lambda.listTags(r -> r.resource(arn)))
          .ifPresent(t -> d.tags.putAll(t.tags()));
    }
    if (!bulkSigning) {
      calls
          .get(
              "lambda:GetFunctionCodeSigningConfig",
              "codeSigning",
              arn,
              () -> lambda.getFunctionCodeSigningConfig(r -> r.functionName(arn)))
          .ifPresent(
              c -> d.codeSigningConfigArn = FunctionDraft.emptyToNull(c.codeSigningConfigArn()));
    }
    if (deep || invokedAsynchronously(d)) {
      calls
          .get(
              "lambda:GetFunctionEventInvokeConfig",
              "eventInvokeConfig",
              arn,
              () -> lambda.getFunctionEventInvokeConfig(r -> r.functionName(arn)))
          .ifPresent(c -> {
            if (c.destinationConfig() != null && c.destinationConfig().onFailure() != null) {
              d.onFailureDestination =
                  FunctionDraft.emptyToNull(c.destinationConfig().onFailure().destination());
            }
          });
    }
    if (deep) {
      calls
          .get(
              "lambda:GetFunctionConcurrency",
              "reservedConcurrency",
              arn,
              () -> lambda.getFunctionConcurrency(r -> r.functionName(arn)))
          .ifPresent(c -> d.reservedConcurrency = c.reservedConcurrentExecutions());
    }
  }

  private void policy(FunctionDraft d, @Nullable String qualifier) {
    String target = qualifier == null ? d.arn() : d.arn() + ":" + qualifier;
    calls
        .get(
            "lambda:GetPolicy",
            "policy",
            target,
            () ->
                clients
                    .lambda()
                    .getPolicy(r -> {
                      r.functionName(d.arn());
                      if (qualifier != null) {
                        r.qualifier(qualifier);
                      }
                    }))
        .ifPresent(p -> {
          synchronized (d) {
            d.policies.add(new LambdaFacts.ResourcePolicy(qualifier, p.policy()));
          }
        });
  }

  /** True when the function's policy lets an event-sending service invoke it. */
  private static boolean invokedAsynchronously(FunctionDraft d) {
    for (LambdaFacts.ResourcePolicy p : d.policies) {
      try {
        for (JsonNode s : JSON.readTree(p.document()).path("Statement")) {
          JsonNode service = s.path("Principal").path("Service");
          List<String> names = new ArrayList<>();
          if (service.isArray()) {
            service.forEach(n -> names.add(n.asText()));
          } else {
            names.add(service.asText());
          }
          for (String n : names) {
            int dot = n.indexOf('.');
            if (ASYNC_PRINCIPALS.contains(dot > 0 ? n.substring(0, dot) : n)) {
              return true;
            }
          }
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String qualifier(@Nullable String functionArn) {
    if (functionArn == null) {
      return null;
    }
    String[] parts = functionArn.split(":", -1);
    return parts.length > 7 ? parts[7] : null;
  }

  private static LambdaFacts.Url url(
      @Nullable String qualifier, @Nullable String url, String authType, @Nullable Cors cors) {
    return new LambdaFacts.Url(
        qualifier,
        url,
        authType,
        cors == null
            ? null
            : new LambdaFacts.Cors(
                cors.hasAllowOrigins() ? cors.allowOrigins() : List.of(),
                cors.hasAllowMethods() ? cors.allowMethods() : List.of(),
                cors.allowCredentials()));
  }

  private List<LambdaFacts.EventSourceMapping> mappings() {
    List<LambdaFacts.EventSourceMapping> out = new ArrayList<>();
    calls.get(
        "lambda:ListEventSourceMappings",
        "eventSourceMappings",
        null,
        () -> {
          for (EventSourceMappingConfiguration m :
              clients
                  .lambda()
                  .listEventSourceMappingsPaginator(r -> r.maxItems(100))
                  .eventSourceMappings()) {
            String arn =
                m.eventSourceMappingArn() != null
                    ? m.eventSourceMappingArn()
                    : "arn:aws:lambda:"
                        + calls.region()
                        + ":"
                        + calls.account()
                        + ":event-source-mapping:"
                        + m.uuid();
            String onFailure =
                m.destinationConfig() != null && m.destinationConfig().onFailure() != null
                    ? FunctionDraft.emptyToNull(m.destinationConfig().onFailure().destination())
                    : null;
            out.add(
                new LambdaFacts.EventSourceMapping(
                    arn, m.functionArn(), m.eventSourceArn(), onFailure));
          }
          return true;
        });
    return out;
  }

  private List<LambdaFacts.Layer> layers() {
    List<LayersListItem> listed = new ArrayList<>();
    calls.get(
        "lambda:ListLayers",
        "layers",
        null,
        () -> {
          clients.lambda().listLayersPaginator(r -> r.maxItems(50)).layers().forEach(listed::add);
          return true;
        });
    List<LambdaFacts.Layer> out = new ArrayList<>();
    for (LayersListItem l : listed) {
      if (l.latestMatchingVersion() == null) {
        continue;
      }
      String version = l.latestMatchingVersion().layerVersionArn();
      String policy =
          calls
              .get(
                  "lambda:GetLayerVersionPolicy",
                  "layerPolicy",
                  version,
                  () ->
                      clients
                          .lambda()
                          .getLayerVersionPolicy(r ->
                              r.layerName(l.layerName())
                                  .versionNumber(l.latestMatchingVersion().version()))
                          .policy())
              .orElse(null);
      out.add(new LambdaFacts.Layer(version, l.layerName(), policy));
    }
    return out;
  }
}
