package dev.lambdasec.bench.jmh;

import dev.lambdasec.bench.SyntheticTemplate;
import dev.lambdasec.iam.Decision;
import dev.lambdasec.iam.Iam;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.Role;
import dev.lambdasec.source.iac.IacOptions;
import dev.lambdasec.source.iac.IacReader;
import java.io.IOException;
import java.io.StringWriter;
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

/**
 * Policy evaluation: deciding log-write requests for every role of a 200-function application
 * (inline, template and AWS managed policies), and expanding a service wildcard against the action
 * catalog.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyEvaluationBenchmark {

  Application app = Application.empty();
  List<Role> roles = List.of();

  @Setup
  public void setUp() throws IOException {
    StringWriter w = new StringWriter();
    SyntheticTemplate.write(w, 200);
    app =
        new IacReader(IacOptions.defaults()).readText("synthetic.yaml", w.toString()).application();
    roles = app.roles();
  }

  /** A fresh Iam per call, so policies are parsed and assembled each time, as in one scan. */
  @Benchmark
  public int decideLogWritesForEveryRole() {
    Iam iam = Iam.of(app);
    int allowed = 0;
    for (Role role : roles) {
      Decision d =
          iam.decide(
              role,
              "logs:PutLogEvents",
              "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/f:log-stream:s");
      if (d.allowed()) {
        allowed++;
      }
    }
    return allowed;
  }
}
