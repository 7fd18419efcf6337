package dev.lambdasec.iam;

import dev.lambdasec.model.Application;

/** IAM questions over one application's roles and policies. Work in progress. */
public final class Iam {

  private final Application app;

  private Iam(Application app) {
    this.app = app;
  }

  public static Iam of(Application app) {
    return new Iam(app);
  }

  public Application app() {
    return app;
  }
}
