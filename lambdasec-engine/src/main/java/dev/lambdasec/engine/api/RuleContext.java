package dev.lambdasec.engine.api;

import dev.lambdasec.iam.Iam;
import dev.lambdasec.model.Application;
import dev.lambdasec.secrets.SecretDetector;
import java.time.LocalDate;

/** Everything a rule may read. Nothing here does I/O or reads the clock. */
public interface RuleContext {

  Application app();

  /** IAM questions over the application's roles and policies. */
  Iam iam();

  RuntimeCatalog runtimes();

  SecretDetector secrets();

  /** The scan date (from the injected clock). */
  LocalDate today();

  RuleSettings settings();
}
