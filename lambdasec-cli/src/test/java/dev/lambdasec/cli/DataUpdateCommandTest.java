package dev.lambdasec.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.lambdasec.engine.data.RuntimeCatalogReader;
import dev.lambdasec.iam.AwsManagedPolicies;
import dev.lambdasec.iam.catalog.AccessLevel;
import dev.lambdasec.iam.catalog.ActionCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lambdasec data update} against a local server that answers in the real formats: the AWS
 * service reference (service list and per-service files, built here from the bundled catalog),
 * cfn-lint's runtime lifecycle file and iam-dataset's managed-policy index and per-policy files.
 */
class DataUpdateCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final WireMockExtension SERVER =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .resetOnEachTest(false)
          .build();

  private static int services;

  @BeforeAll
  static void serve() throws IOException {
    JsonNode catalog;
    try (InputStream in =
        new GZIPInputStream(
            ActionCatalog.class.getResourceAsStream(
                "/dev/lambdasec/iam/data/iam-catalog.json.gz"))) {
      catalog = JSON.readTree(in);
    }
    ArrayNode list = JSON.createArrayNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = catalog.get("services").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> svc = it.next();
      String prefix = svc.getKey();
      list.addObject()
          .put("service", prefix)
          .put("url", SERVER.baseUrl() + "/v1/" + prefix + "/" + prefix + ".json");
      SERVER.stubFor(
          get(urlEqualTo("/sar/v1/" + prefix + "/" + prefix + ".json"))
              .willReturn(okJson(JSON.writeValueAsString(serviceFile(prefix, svc.getValue())))));
      services++;
    }
    SERVER.stubFor(get(urlEqualTo("/sar/")).willReturn(okJson(JSON.writeValueAsString(list))));

    SERVER.stubFor(
        get(urlEqualTo("/cfn-lint/LmbdRuntimeLifecycle.json"))
            .willReturn(
                okJson(
                    """
                    {"python3.14": {"create-block": "2029-07-31", "deprecated": "2029-06-30", "successor": null, "update-block": "2029-08-31"},
                     "python3.15": {"create-block": null, "deprecated": "2030-06-30", "successor": null, "update-block": null},
                     "nodejs20.x": {"create-block": "2027-03-01", "deprecated": "2026-04-30", "successor": "nodejs24.x", "update-block": "2027-04-01"}}
                    """)));

    AwsManagedPolicies bundled = AwsManagedPolicies.bundled();
    ArrayNode policies = JSON.createArrayNode();
    for (String arn : bundled.arns()) {
      AwsManagedPolicies.Entry e = bundled.find(arn).orElseThrow();
      policies
          .addObject()
          .put("name", e.name())
          .put("arn", e.deprecated() ? null : arn)
          .put("deprecated", e.deprecated());
      ObjectNode file = JSON.createObjectNode();
      file.put("arn", arn);
      file.set("document", JSON.readTree(documentOf(e.name())));
      file.putArray("effective_actions").addObject().put("action", "s3:GetObject");
      SERVER.stubFor(
          get(urlEqualTo("/iam-dataset/managedpolicies/" + e.name() + ".json"))
              .willReturn(okJson(JSON.writeValueAsString(file))));
    }
    ObjectNode index = JSON.createObjectNode();
    index.set("policies", policies);
    SERVER.stubFor(
        get(urlEqualTo("/iam-dataset/managed_policies.json"))
            .willReturn(okJson(JSON.writeValueAsString(index))));
  }

  private static byte[] documentOf(String name) throws IOException {
    try (InputStream in =
        AwsManagedPolicies.class.getResourceAsStream(
            "/dev/lambdasec/iam/data/managed/" + name + ".json")) {
      return in.readAllBytes();
    }
  }

  /** A per-service file in the service reference format, from a catalog entry. */
  private static ObjectNode serviceFile(String prefix, JsonNode svc) {
    ObjectNode out = JSON.createObjectNode();
    out.put("Name", prefix);
    out.put("Version", "v1.4");
    ArrayNode actions = out.putArray("Actions");
    for (Iterator<Map.Entry<String, JsonNode>> it = svc.path("actions").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> a = it.next();
      ObjectNode action = actions.addObject();
      action.put("Name", a.getKey());
      String access = a.getValue().path("access").asText();
      // The booleans are not exclusive: permissions management and tagging actions are writes too.
      ObjectNode p = action.putObject("Annotations").putObject("Properties");
      p.put("IsList", access.equals("List"));
      p.put("IsPermissionManagement", access.equals("Permissions management"));
      p.put("IsTaggingOnly", access.equals("Tagging"));
      p.put(
          "IsWrite",
          access.equals("Write")
              || access.equals("Permissions management")
              || access.equals("Tagging"));
      ArrayNode resources = action.putArray("Resources");
      a.getValue()
          .path("resources")
          .forEach(r -> resources.addObject().put("Name", r.path("type").asText()));
      ArrayNode keys = action.putArray("ActionConditionKeys");
      a.getValue().path("conditionKeys").forEach(k -> keys.add(k.asText()));
    }
    ArrayNode resources = out.putArray("Resources");
    svc.path("resources")
        .fields()
        .forEachRemaining(r -> {
          ObjectNode res = resources.addObject().put("Name", r.getKey());
          res.putArray("ARNFormats").add(r.getValue().path("arn").asText());
        });
    ArrayNode conditions = out.putArray("ConditionKeys");
    svc.path("conditions")
        .fields()
        .forEachRemaining(c -> {
          ObjectNode key = conditions.addObject().put("Name", c.getKey());
          key.putArray("Types").add(c.getValue().path("type").asText());
        });
    return out;
  }

  private static Cli update(Path dir, String... only) {
    String base = SERVER.baseUrl();
    String[] args = {
      "data", "update",
      "--data-dir", dir.toString(),
      "--service-reference-url", base + "/sar/",
      "--runtimes-url", base + "/cfn-lint/LmbdRuntimeLifecycle.json",
      "--managed-policies-url", base + "/iam-dataset/"
    };
    if (only.length > 0) {
      String[] withOnly = java.util.Arrays.copyOf(args, args.length + 2);
      withOnly[args.length] = "--only";
      withOnly[args.length + 1] = String.join(",", only);
      args = withOnly;
    }
    return Cli.run(args);
  }

  @Test
  void refreshesTheCatalogFromTheServiceReference(@TempDir Path dir) {
    Cli cli = update(dir, "catalog");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("catalog: 21190 actions of " + services + " services");
    ActionCatalog refreshed =
        ActionCatalog.readValid(dir.resolve(ActionCatalog.FILE)).orElseThrow();
    ActionCatalog bundled = ActionCatalog.bundled();
    assertThat(refreshed.size()).isEqualTo(bundled.size());
    for (String action :
        new String[] {
          "s3:PutBucketAcl",
          "iam:TagRole",
          "s3:PutObject",
          "s3:ListBucket",
          "s3:GetObject",
          "iam:PassRole"
        }) {
      assertThat(refreshed.find(action).orElseThrow().access())
          .as(action)
          .isEqualTo(bundled.find(action).orElseThrow().access());
    }
    assertThat(refreshed.find("s3:PutBucketAcl").orElseThrow().access())
        .isEqualTo(AccessLevel.PERMISSIONS_MANAGEMENT);
    assertThat(refreshed.arnFormats(refreshed.find("iam:PassRole").orElseThrow()))
        .containsExactly("arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}");
    assertThat(Files.exists(dir.resolve(RuntimeCatalogReader.FILE))).as("--only catalog").isFalse();
  }

  @Test
  void refreshesRuntimesAndManagedPolicies(@TempDir Path dir) throws IOException {
    Cli cli = update(dir, "runtimes", "managed-policies");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    var runtimes =
        RuntimeCatalogReader.readValid(dir.resolve(RuntimeCatalogReader.FILE)).orElseThrow();
    assertThat(runtimes.find("python3.15").orElseThrow().language()).isEqualTo("Python");
    assertThat(runtimes.find("python3.15").orElseThrow().blockCreate()).isNull();
    assertThat(runtimes.find("nodejs20.x").orElseThrow().blockCreate()).hasToString("2027-03-01");
    assertThat(runtimes.find("dotnet7")).as("container-only rows are kept").isPresent();
    AwsManagedPolicies managed = AwsManagedPolicies.readValid(dir.resolve("managed")).orElseThrow();
    assertThat(managed.size()).isEqualTo(AwsManagedPolicies.bundled().size());
    String admin =
        Files.readString(dir.resolve("managed/AdministratorAccess.json"), StandardCharsets.UTF_8);
    assertThat(admin).contains("\"Statement\"").doesNotContain("effective_actions");
  }

  @Test
  void aFailedDownloadKeepsThePreviousData(@TempDir Path dir) throws IOException {
    assertThat(update(dir, "catalog").exitCode()).isZero();
    byte[] before = Files.readAllBytes(dir.resolve(ActionCatalog.FILE));
    SERVER.resetRequests();
    StubMapping failing =
        SERVER.stubFor(
            get(urlPathMatching("/sar/v1/s3/s3.json")).willReturn(aResponse().withStatus(503)));
    try {
      Cli cli = update(dir, "catalog");
      assertThat(cli.exitCode()).isEqualTo(ExitCodes.INPUT);
      assertThat(cli.err()).contains("catalog not updated").contains("HTTP 503");
      assertThat(Files.readAllBytes(dir.resolve(ActionCatalog.FILE))).isEqualTo(before);
      SERVER.verify(3, getRequestedFor(urlEqualTo("/sar/v1/s3/s3.json")));
    } finally {
      SERVER.removeStub(failing);
    }
  }

  @Test
  void rejectsUnknownParts(@TempDir Path dir) {
    assertThat(update(dir, "nope").exitCode()).isEqualTo(ExitCodes.USAGE);
  }
}
