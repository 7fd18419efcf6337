package dev.lambdasec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.engine.Engine;
import dev.lambdasec.engine.Finding;
import dev.lambdasec.engine.Report;
import dev.lambdasec.engine.api.RuleSettings;
import dev.lambdasec.engine.api.Status;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.engine.data.RuntimeCatalogReader;
import dev.lambdasec.model.Api;
import dev.lambdasec.model.ApiRoute;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.Authorizer;
import dev.lambdasec.model.EventSourceMapping;
import dev.lambdasec.model.FunctionUrl;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Layer;
import dev.lambdasec.model.LogGroup;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Permission;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.ServiceNotification;
import dev.lambdasec.model.Value;
import dev.lambdasec.secrets.SecretDetector;
import dev.lambdasec.source.iac.IacOptions;
import dev.lambdasec.source.iac.IacReader;
import dev.lambdasec.source.iac.SourceResult;
import dev.lambdasec.testkit.Paths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The parity suite: the application under {@code parity/<format>/}, written once per source format,
 * gives the same model and the same findings in every format. Every folder there is read, so a new
 * format needs only a new folder; {@code cloudformation} is the reference.
 *
 * <p>The models are compared through a canonical projection that leaves out what legitimately
 * differs between formats: origins, logical ids (resources are keyed by physical names — function,
 * role, API and log group names, an API's route keys, a URL's and a permission's function), the
 * resource types a format reports, code locations, and the tags tools add ({@code lambda:*}, {@code
 * aws:*}). Policy statements are compared as sets of normalized statements (sorted actions and
 * resources, conditions with deployment-time values masked), ignoring the names of the policies
 * that hold them; permissions are compared as a set, since formats write one per route or one per
 * function. Everything else a rule can read is compared: values, their state (set, defaulted,
 * unresolved) and what references resolve to.
 *
 * <p>Findings are compared as sets of rule id, status and subject, the subject named the same way.
 */
class ParityTest {

  private static final Path PARITY =
      Paths.repositoryRoot().resolve("lambdasec-cli/src/test/resources/parity");
  private static final String REFERENCE = "cloudformation";

  /** A placeholder for a resource of the app (not a pseudo parameter): known after deployment. */
  private static final java.util.regex.Pattern DEPLOYED =
      java.util.regex.Pattern.compile("\\$\\{(?!AWS::)[^}]*}");

  private record Scan(Map<String, List<String>> model, List<String> findings) {}

  @TestFactory
  Stream<DynamicTest> everyFormatGivesTheReferenceModelAndFindings() throws IOException {
    Scan reference = scan(PARITY.resolve(REFERENCE));
    return formats().stream()
        .filter(f -> !f.equals(REFERENCE))
        .map(f ->
            DynamicTest.dynamicTest(
                f + " matches " + REFERENCE,
                () -> {
                  Scan other = scan(PARITY.resolve(f));
                  assertThat(other.model()).as("model of " + f).isEqualTo(reference.model());
                  assertThat(other.findings())
                      .as("findings of " + f)
                      .containsExactlyElementsOf(reference.findings());
                }));
  }

  @Test
  void theAppIsCompleteInEveryFormat() throws IOException {
    assertThat(formats()).contains("cloudformation", "sam", "serverless");
    Scan reference = scan(PARITY.resolve(REFERENCE));
    assertThat(reference.model().get("function")).hasSize(2);
    assertThat(reference.model().get("role")).hasSize(1);
    assertThat(reference.model().get("api")).hasSize(1);
    assertThat(reference.model().get("route")).hasSize(2);
    assertThat(reference.model().get("url")).hasSize(1);
    assertThat(reference.findings())
        .contains(
            "APIGW-001 FAIL route orders-prod-http GET /health",
            "APIGW-001 PASS route orders-prod-http POST /orders",
            "IAM-004 FAIL function orders-prod-api",
            "IAM-004 FAIL function orders-prod-webhook",
            "LAMBDA-001 FAIL url orders-prod-webhook",
            "LAMBDA-005 FAIL function orders-prod-webhook[PARTNER_TOKEN]",
            "LAMBDA-008 FAIL function orders-prod-webhook",
            "LAMBDA-008 PASS function orders-prod-api");
  }

  private static List<String> formats() throws IOException {
    try (Stream<Path> dirs = Files.list(PARITY)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Scan scan(Path folder) {
    SourceResult source;
    try {
      source = new IacReader(IacOptions.defaults()).read(List.of(folder.toString()));
    } catch (dev.lambdasec.source.iac.UnreadableInputException e) {
      throw new AssertionError(e.getMessage(), e);
    }
    assertThat(source.errors()).as("input errors of " + folder).isEmpty();
    Application app = source.application();
    Report report =
        new Engine(
                Wiring.builtInRules(),
                RuntimeCatalogReader.bundled(),
                SecretDetector.bundled(),
                Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC),
                RuleSettings.defaults())
            .run(app, source.errors(), Wiring.tool());
    Canonical canonical = new Canonical(app);
    List<String> findings =
        report.findings().stream()
            .filter(f -> f.status() != Status.NOT_APPLICABLE)
            .map(f -> f.ruleId() + " " + f.status() + " " + canonical.subject(f))
            .sorted()
            .distinct()
            .toList();
    return new Scan(canonical.model(), findings);
  }

  /** The projection of one application: resources by physical name, values as text. */
  private record Canonical(Application app) {

    Map<String, List<String>> model() {
      Map<String, TreeSet<String>> out = new TreeMap<>();
      app.resources()
          .forEach(r -> out.computeIfAbsent(kind(r), k -> new TreeSet<>()).add(describe(r)));
      Map<String, List<String>> lists = new TreeMap<>();
      out.forEach((k, v) -> lists.put(k, List.copyOf(v)));
      return lists;
    }

    String subject(Finding f) {
      Subject s = f.subject();
      String name =
          app.byKey(s.key()).map(r -> kind(r) + " " + name(r)).orElse(s.type() + " " + s.id());
      return s.discriminator() == null ? name : name + "[" + s.discriminator() + "]";
    }

    private static String kind(Resource r) {
      return switch (r) {
        case LambdaFunction x -> "function";
        case Role x -> "role";
        case ManagedPolicy x -> "managed-policy";
        case Permission x -> "permission";
        case FunctionUrl x -> "url";
        case Api x -> "api";
        case ApiRoute x -> "route";
        case Authorizer x -> "authorizer";
        case LogGroup x -> "log-group";
        case Layer x -> "layer";
        case EventSourceMapping x -> "event-source-mapping";
        case ServiceNotification x -> "notification";
        default -> r.getClass().getSimpleName();
      };
    }

    /** The physical identity of a resource. */
    private String name(Resource r) {
      return switch (r) {
        case LambdaFunction f -> text(f.name());
        case Role x -> text(x.name());
        case ManagedPolicy x -> text(x.name());
        case Api x -> text(x.name());
        case ApiRoute x -> ref(x.api()) + " " + x.label();
        case FunctionUrl x -> ref(x.function());
        case Permission x -> ref(x.target()) + " " + statements(x.policy());
        case LogGroup x -> text(x.name());
        case Layer x -> text(x.name());
        case Authorizer x -> ref(x.api()) + " " + text(x.type()) + " " + ref(x.function());
        case EventSourceMapping x -> ref(x.function()) + " " + text(x.eventSourceArn());
        case ServiceNotification x -> ref(x.function()) + " " + x.service() + " " + ref(x.source());
        default -> r.id();
      };
    }

    private String describe(Resource r) {
      String id = name(r);
      return switch (r) {
        case LambdaFunction f ->
            String.join(
                " ",
                id,
                "runtime=" + text(f.runtime()),
                "handler=" + text(f.handler()),
                "package=" + text(f.packageType()),
                "arch="
                    + show(f.architectures().map(l -> l.stream().map(ParityTest::text).toList())),
                "memory=" + text(f.memorySize()),
                "timeout=" + text(f.timeout()),
                "env=" + show(f.environment().map(Maps::texts)),
                "kms=" + ref(f.kmsKey()),
                "vpc="
                    + show(
                        f.vpc()
                            .map(v ->
                                v.subnets().stream().map(this::ref).sorted().toList()
                                    + " "
                                    + v.securityGroups().stream()
                                        .map(this::ref)
                                        .sorted()
                                        .toList())),
                "tracing=" + text(f.tracingMode()),
                "role=" + ref(f.role()),
                "reserved=" + text(f.reservedConcurrency()),
                "layers=" + f.layers().stream().map(this::ref).toList(),
                "dlq=" + ref(f.deadLetterTarget()),
                "onFailure=" + ref(f.onFailureDestination()),
                "signing=" + ref(f.codeSigningConfig()),
                "tags=" + show(f.tags().map(Maps::ownTags)));
        case Role x ->
            String.join(
                " ",
                id,
                "trust=" + show(x.trustPolicy().map(ParityTest::statements)),
                "inline="
                    + x.inlinePolicies().stream()
                        .map(ParityTest::statements)
                        .flatMap(List::stream)
                        .collect(Collectors.toCollection(TreeSet::new)),
                "managed=" + x.managedPolicies().stream().map(this::ref).sorted().toList(),
                "boundary=" + ref(x.permissionsBoundary()),
                "tags=" + show(x.tags().map(Maps::ownTags)));
        case FunctionUrl x ->
            id
                + " auth="
                + text(x.authType())
                + " qualifier="
                + text(x.qualifier())
                + " cors="
                + show(x.cors().map(c -> show(c.allowOrigins().map(Maps::values))));
        case Api x ->
            id
                + " kind="
                + x.kind()
                + " endpoint="
                + text(x.endpointType())
                + " cors="
                + show(x.cors().map(c -> show(c.allowOrigins().map(Maps::values))))
                + " logs="
                + text(x.accessLogging())
                + " policy="
                + show(x.resourcePolicy().map(ParityTest::statements));
        case ApiRoute x ->
            id
                + " auth="
                + text(x.authorizationType())
                + " authorizer="
                + x.authorizer().isPresent()
                + " apiKey="
                + text(x.apiKeyRequired())
                + " validator="
                + x.requestValidator().isPresent()
                + " integration="
                + ref(x.integration());
        case LogGroup x -> id + " retention=" + text(x.retentionDays()) + " kms=" + ref(x.kmsKey());
        default -> id;
      };
    }

    /** What a reference stands for: the physical name of a resource of the app, or the literal. */
    private String ref(Value<Ref> value) {
      if (value.isUnresolved()) {
        return "unresolved";
      }
      Optional<Ref> ref = value.known();
      if (ref.isEmpty()) {
        return "-";
      }
      return app.resolve(ref.get())
          .map(this::name)
          .orElse(String.valueOf(ref.get().literal() != null ? ref.get().literal() : "?"));
    }
  }

  static String text(Value<?> value) {
    return value.isUnresolved() ? "unresolved" : String.valueOf(value.known().orElse(null));
  }

  /** A value without its origin: the value, {@code null} when absent, or {@code unresolved}. */
  static String show(Value<?> value) {
    return text(value);
  }

  /** A policy's statements, each normalized to one line. */
  static List<String> statements(PolicyDocument policy) {
    Node statement =
        policy.document() instanceof Node.MapNode m ? m.get("Statement").orElse(null) : null;
    List<Node> items =
        statement instanceof Node.ListNode l
            ? l.items()
            : statement == null ? List.of() : List.of(statement);
    return items.stream().map(ParityTest::normalized).sorted().toList();
  }

  /** A statement with list values sorted, scalar-or-list written as a list, placeholders masked. */
  private static String normalized(Node node) {
    return switch (node) {
      case Node.MapNode m ->
          m.entries().stream()
              .filter(e -> !e.key().equals("Sid"))
              .sorted(Comparator.comparing(Node.Entry::key))
              .map(e -> e.key() + "=" + normalized(e.value()))
              .collect(Collectors.joining(",", "{", "}"));
      case Node.ListNode l ->
          l.items().stream()
              .map(ParityTest::normalized)
              .sorted()
              .collect(Collectors.joining(",", "[", "]"));
      case Node.Scalar s -> {
        String text = String.valueOf(s.text());
        yield "[" + (DEPLOYED.matcher(text).find() ? "<deployed>" : text) + "]";
      }
      case Node.Reference r -> "[<deployed>]";
      case Node.Unresolved u -> "[unresolved]";
    };
  }

  /** Helpers on string maps of values. */
  private static final class Maps {
    private Maps() {}

    static Map<String, String> texts(Map<String, Value<String>> map) {
      Map<String, String> out = new TreeMap<>();
      map.forEach((k, v) -> out.put(k, text(v)));
      return out;
    }

    static List<String> values(List<Value<String>> list) {
      return list.stream().map(ParityTest::text).toList();
    }

    /** Tags without those tools add ({@code lambda:createdBy} of SAM, {@code aws:*}). */
    static Map<String, String> ownTags(Map<String, Value<String>> tags) {
      Map<String, String> out = new TreeMap<>();
      tags.forEach((k, v) -> {
        if (!k.startsWith("lambda:") && !k.startsWith("aws:")) {
          out.put(k, text(v));
        }
      });
      return out;
    }
  }
}
