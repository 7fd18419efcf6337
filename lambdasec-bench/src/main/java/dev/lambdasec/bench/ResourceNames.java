package dev.lambdasec.bench;

import dev.lambdasec.engine.Finding;
import dev.lambdasec.engine.api.Subject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names under which a label and a finding may refer to the same resource. Labels write a
 * logical id ({@code FunctionConvert}), a typed id ({@code AWS::Lambda::Function.Good}), a
 * Terraform address, or an id with a route in parentheses ({@code FunctionConvert
 * (ServerlessRestApi GET /api/convert)}) or a {@code serverless.yml} path ({@code functions.hello
 * http GET /hello}); findings carry the resource id, the resource that generated it, its physical
 * name, and the resource whose text the offending value is written in (a statement of an {@code
 * aws_iam_role_policy} is reported on its role but written in the policy resource). A Terraform
 * instance address ({@code aws_x.y[0]}) also answers to its resource's address, a data source
 * ({@code data.aws_x.y}) to its address without {@code data.}.
 */
final class ResourceNames {

  private ResourceNames() {}

  static Set<String> ofLabel(String resource) {
    Set<String> names = new LinkedHashSet<>();
    String r = resource.trim();
    names.add(r);
    int paren = r.indexOf(" (");
    if (paren > 0 && r.endsWith(")")) {
      // "Fn (Api GET /x)": the part in parentheses names the resource; the prefix only its owner.
      names.add(r.substring(paren + 2, r.length() - 1).trim());
    }
    if (r.startsWith("functions.")) {
      // serverless.yml paths: "functions.hello" names the function; "functions.hello http GET
      // /hello" the route its event generates, named by method and path.
      String[] parts = r.substring("functions.".length()).split(" ", 4);
      names.add(parts.length == 4 ? parts[2].toUpperCase(Locale.ROOT) + " " + parts[3] : parts[0]);
    }
    if (r.startsWith("AWS::") || r.startsWith("Custom::") || r.startsWith("Alexa::")) {
      int dot = r.lastIndexOf('.');
      if (dot > 0) {
        names.add(r.substring(dot + 1));
      }
    }
    return names;
  }

  static Set<String> ofFinding(Finding f) {
    Subject s = f.subject();
    Set<String> names = new LinkedHashSet<>();
    names.add(s.id());
    if (s.definedBy() != null) {
      names.add(s.definedBy());
    }
    if (s.name() != null) {
      names.add(s.name());
    }
    if (f.origin().resourceId() != null) {
      names.add(f.origin().resourceId());
    }
    Set<String> withoutInstances = new LinkedHashSet<>();
    for (String n : names) {
      withoutInstances.add(INSTANCE_KEYS.matcher(n).replaceAll(""));
    }
    names.addAll(withoutInstances);
    for (String n : List.copyOf(names)) {
      // labels name a Terraform data source without its "data." prefix
      if (n.startsWith("data.")) {
        names.add(n.substring("data.".length()));
      }
    }
    return names;
  }

  /** {@code [0]} or {@code ["key"]} after a Terraform resource or module name. */
  private static final Pattern INSTANCE_KEYS = Pattern.compile("\\[(?:\\d+|\"[^\"]*\")\\]");
}
