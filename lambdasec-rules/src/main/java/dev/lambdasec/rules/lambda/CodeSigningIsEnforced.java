package dev.lambdasec.rules.lambda;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.CodeSigningConfig;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.Unreadable;
import java.util.Optional;

/** Flags zip-packaged functions that accept unsigned code. */
@RuleInfo(
    id = "LAMBDA-007",
    title = "Function enforces code signing",
    severity = Severity.MEDIUM,
    controls = {Control.ENC},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class CodeSigningIsEnforced implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (LambdaFunction f : ctx.app().functions()) {
      if ("Image".equals(f.packageType().orElse("Zip"))) {
        out.notApplicable(f, "Code signing does not apply to container images");
        continue;
      }
      if (f.codeSigningConfig().isUnresolved()) {
        out.unknown(
            f,
            f.codeSigningConfig().origin(),
            "The code-signing config of " + f.id() + " is " + f.codeSigningConfig().describe());
        continue;
      }
      if (f.codeSigningConfig().isAbsent()) {
        out.fail(
            f,
            f.origin(),
            "Function " + f.id() + " has no code-signing config: any code can be deployed to it");
        continue;
      }
      Optional<CodeSigningConfig> config =
          ctx.app().resolve(f.codeSigningConfig(), CodeSigningConfig.class);
      if (config.isEmpty()) {
        out.unknown(
            f,
            f.codeSigningConfig().origin(),
            "The code-signing config "
                + f.codeSigningConfig().get().display()
                + " of "
                + f.id()
                + " is not in the scanned sources");
      } else if (config.get().untrustedArtifactOnDeployment().isUnresolved()) {
        out.unknown(
            f,
            config.get().untrustedArtifactOnDeployment().origin(),
            Unreadable.message(
                "The code-signing policy of " + config.get().id(),
                config.get().untrustedArtifactOnDeployment()));
      } else if ("Enforce".equals(config.get().untrustedArtifactOnDeployment().orElse("Warn"))) {
        out.pass(f, "Function " + f.id() + " rejects unsigned code (" + config.get().id() + ")");
      } else {
        out.fail(
            f,
            config.get().untrustedArtifactOnDeployment().origin(),
            "Code-signing config "
                + config.get().id()
                + " of "
                + f.id()
                + " only warns on untrusted code (UntrustedArtifactOnDeployment "
                + config.get().untrustedArtifactOnDeployment().orElse("Warn")
                + "); set Enforce");
      }
    }
  }
}
