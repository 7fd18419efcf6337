package dev.lambdasec.bench.jmh;

import dev.lambdasec.bench.SyntheticTemplate;
import dev.lambdasec.cli.Wiring;
import dev.lambdasec.engine.Engine;
import dev.lambdasec.engine.Report;
import dev.lambdasec.engine.api.RuleSettings;
import dev.lambdasec.engine.api.RuntimeCatalog;
import dev.lambdasec.engine.data.RuntimeCatalogReader;
import dev.lambdasec.model.Application;
import dev.lambdasec.secrets.SecretDetector;
import dev.lambdasec.source.iac.IacOptions;
import dev.lambdasec.source.iac.IacReader;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Every built-in rule over a 500-function application (the model is built once). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RuleRunBenchmark {

  Application app = Application.empty();
  Engine engine =
      new Engine(
          Wiring.builtInRules(),
          new RuntimeCatalog(java.util.Map.of(), "none"),
          SecretDetector.bundled(),
          Clock.systemUTC(),
          RuleSettings.defaults());

  @Setup
  public void setUp() throws IOException {
    StringWriter w = new StringWriter();
    SyntheticTemplate.write(w, 500);
    app =
        new IacReader(IacOptions.defaults()).readText("synthetic.yaml", w.toString()).application();
    RuntimeCatalog runtimes = RuntimeCatalogReader.bundled();
    engine =
        new Engine(
            Wiring.builtInRules(),
            runtimes,
            SecretDetector.bundled(),
            Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC),
            RuleSettings.defaults());
  }

  @Benchmark
  public Report allRulesOverFiveHundredFunctions() {
    return engine.run(app, List.of(), Wiring.tool());
  }
}
