package dev.lambdasec.bench;

import dev.lambdasec.engine.api.Subject;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names under which a label and a finding may refer to the same resource. Labels write a
 * logical id ({@code FunctionConvert}), a typed id ({@code AWS::Lambda::Function.Good}), a
 * Terraform address, or an id with a route in parentheses ({@code FunctionConvert
 * (ServerlessRestApi GET /api/convert)}) or a {@code serverless.yml} path ({@code functions.hello
 * http GET /hello}); findings carry the resource id, the resource that generated it, and its
 * physical name.
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

  static Set<String> ofSubject(Subject s) {
    Set<String> names = new LinkedHashSet<>();
    names.add(s.id());
    if (s.definedBy() != null) {
      names.add(s.definedBy());
    }
    if (s.name() != null) {
      names.add(s.name());
    }
    return names;
  }
}
