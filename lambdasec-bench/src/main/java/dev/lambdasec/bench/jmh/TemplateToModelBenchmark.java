package dev.lambdasec.bench.jmh;

import dev.lambdasec.bench.SyntheticTemplate;
import dev.lambdasec.model.Application;
import dev.lambdasec.source.iac.IacOptions;
import dev.lambdasec.source.iac.IacReader;
import java.io.IOException;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * YAML text to model: parsing, intrinsics, SAM expansion and mapping of a synthetic SAM template.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TemplateToModelBenchmark {

  @Param({"20", "500"})
  int functions;

  String template = "";
  IacReader reader = new IacReader(IacOptions.defaults());

  @Setup
  public void setUp() throws IOException {
    StringWriter w = new StringWriter();
    SyntheticTemplate.write(w, functions);
    template = w.toString();
  }

  @Benchmark
  public Application samTemplateToModel() {
    return reader.readText("synthetic.yaml", template).application();
  }
}
