package dev.lambdasec.source.iac.terraform.plan;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.InputError;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.SourceUnit;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.terraform.mapping.TerraformMapper;
import dev.lambdasec.source.iac.terraform.mapping.TerraformResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Terraform plan as {@code terraform show -json} writes it: the managed resources of {@code
 * planned_values} with their resolved values. What the plan marks as known only after apply ({@code
 * after_unknown}) is a reference to the resource the configuration names for it, when it names one,
 * and unresolved otherwise. Locations are the plan file and the JSON pointer of the value: plans
 * are written on one line, so line numbers would say nothing.
 */
public final class PlanReader {

  /** {@code module.a.aws_x.y[0].attr}: a reference to an attribute of a resource instance. */
  private static final Pattern REFERENCE =
      Pattern.compile(
          "^((?:module\\.[\\w-]+(?:\\[[^\\]]*\\])?\\.)*(?:data\\.)?[\\w-]+\\.[\\w-]+(?:\\[[^\\]]*\\])?)\\.([\\w-]+)");

  private static final Pattern INDEX = Pattern.compile("\\[[^\\]]*\\]");

  private PlanReader() {}

  /** Whether a JSON document is a plan: a {@code format_version} and planned values or changes. */
  public static boolean isPlan(@Nullable Node root) {
    return root instanceof MapNode m
        && m.get("format_version").isPresent()
        && (m.get("planned_values").isPresent() || m.get("resource_changes").isPresent());
  }

  /** Adds the plan's resources, shown as {@code display}, to {@code app}. */
  public static void read(
      String display, MapNode plan, Application.Builder app, List<InputError> errors) {
    try {
      Map<String, Node> unknown = new HashMap<>();
      Map<String, Node> after = new HashMap<>();
      for (Node change : Nodes.items(plan.get("resource_changes").orElse(null))) {
        Optional<String> address = Nodes.text(change, "address");
        Node details = Nodes.get(change, "change");
        if (address.isPresent() && details != null) {
          Optional.ofNullable(Nodes.get(details, "after_unknown"))
              .ifPresent(u -> unknown.put(address.get(), u));
          if (!isDelete(details)) {
            Optional.ofNullable(Nodes.get(details, "after"))
                .ifPresent(a -> after.put(address.get(), a));
          }
        }
      }
      Map<String, Node> expressions = new HashMap<>();
      configuration(Nodes.at(plan, "configuration", "root_module"), "", expressions);
      List<TerraformResource> resources = new ArrayList<>();
      Node root = Nodes.at(plan, "planned_values", "root_module");
      if (root != null) {
        module(root, display, unknown, expressions, resources);
      } else {
        after.forEach((address, values) ->
            resource(
                display, address, change(plan, address), values, unknown, expressions, resources));
      }
      Application.Builder one = Application.builder();
      one.source(new SourceUnit(display, SourceKind.TERRAFORM_PLAN));
      new TerraformMapper(display, resources).mapInto(one);
      app.addAll(one.build());
    } catch (RuntimeException | StackOverflowError e) {
      errors.add(
          new InputError(
              display, 0, 0, "internal error while reading: " + e.getClass().getSimpleName()));
    }
  }

  private static boolean isDelete(Node change) {
    List<Node> actions = Nodes.items(Nodes.get(change, "actions"));
    return actions.size() == 1
        && Nodes.text(actions.getFirst()).filter("delete"::equals).isPresent();
  }

  private static @Nullable Node change(MapNode plan, String address) {
    for (Node change : Nodes.items(plan.get("resource_changes").orElse(null))) {
      if (Nodes.text(change, "address").filter(address::equals).isPresent()) {
        return change;
      }
    }
    return null;
  }

  /** Every resource of {@code planned_values}, child modules included. */
  private static void module(
      Node module,
      String display,
      Map<String, Node> unknown,
      Map<String, Node> expressions,
      List<TerraformResource> out) {
    for (Node r : Nodes.items(Nodes.get(module, "resources"))) {
      Optional<String> address = Nodes.text(r, "address");
      if (address.isPresent() && Nodes.text(r, "mode").filter("managed"::equals).isPresent()) {
        resource(display, address.get(), r, Nodes.get(r, "values"), unknown, expressions, out);
      }
    }
    for (Node child : Nodes.items(Nodes.get(module, "child_modules"))) {
      module(child, display, unknown, expressions, out);
    }
  }

  private static void resource(
      String display,
      String address,
      @Nullable Node declaration,
      @Nullable Node values,
      Map<String, Node> unknown,
      Map<String, Node> expressions,
      List<TerraformResource> out) {
    Optional<String> type = Nodes.text(declaration, "type");
    if (type.isEmpty() || Nodes.text(declaration, "mode").filter("data"::equals).isPresent()) {
      return;
    }
    Origin at = placed(display, address, declaration == null ? null : declaration.origin());
    Node placedValues =
        values == null ? new MapNode(List.of(), at) : place(values, display, address);
    Node withUnknowns =
        merge(
            placedValues,
            unknown.get(address),
            expressions.get(INDEX.matcher(address).replaceAll("")),
            modulePrefix(address),
            at);
    MapNode body = withUnknowns instanceof MapNode m ? m : new MapNode(List.of(), at);
    out.add(new TerraformResource(address, type.get(), body, at));
  }

  /**
   * {@code module.a[0].} of {@code module.a[0].aws_x.y}, the prefix references in it resolve in.
   */
  private static String modulePrefix(String address) {
    Matcher m = Pattern.compile("^((?:module\\.[\\w-]+(?:\\[[^\\]]*\\])?\\.)*)").matcher(address);
    return m.find() ? m.group(1) : "";
  }

  /**
   * Values with what {@code after_unknown} marks as known only after apply: a reference to the
   * resource attribute the configuration's expression refers to, else unresolved.
   */
  private static Node merge(
      Node values, @Nullable Node unknown, @Nullable Node expression, String prefix, Origin at) {
    if (unknown instanceof Scalar s && "true".equals(s.text())) {
      return reference(expression, prefix, values.origin())
          .orElseGet(() -> new Unresolved("known only after apply", values.origin()));
    }
    if (unknown instanceof MapNode u) {
      List<Entry> entries = new ArrayList<>();
      MapNode v = values instanceof MapNode m ? m : new MapNode(List.of(), values.origin());
      for (Entry e : v.entries()) {
        Node marker = u.get(e.key()).orElse(null);
        entries.add(
            new Entry(
                e.key(),
                e.keyOrigin(),
                merge(e.value(), marker, Nodes.get(expression, e.key()), prefix, at)));
      }
      for (Entry e : u.entries()) {
        if (v.get(e.key()).isEmpty() && e.value() instanceof Scalar s && "true".equals(s.text())) {
          Node missing = new Scalar(null, Scalar.Kind.NULL, v.origin());
          entries.add(
              new Entry(
                  e.key(),
                  v.origin(),
                  merge(missing, e.value(), Nodes.get(expression, e.key()), prefix, at)));
        }
      }
      return new MapNode(entries, values.origin());
    }
    if (unknown instanceof ListNode u) {
      List<Node> items =
          values instanceof ListNode l ? new ArrayList<>(l.items()) : new ArrayList<>();
      List<Node> blocks = Nodes.items(expression);
      for (int i = 0; i < u.items().size(); i++) {
        Node marker = u.items().get(i);
        Node block = i < blocks.size() ? blocks.get(i) : null;
        if (i < items.size()) {
          items.set(i, merge(items.get(i), marker, block, prefix, at));
        } else if (marker instanceof Scalar s && "true".equals(s.text())) {
          items.add(
              merge(
                  new Scalar(null, Scalar.Kind.NULL, values.origin()), marker, block, prefix, at));
        }
      }
      return new ListNode(items, values.origin());
    }
    return values;
  }

  /** The one resource attribute an expression refers to, as a reference. */
  private static Optional<Node> reference(@Nullable Node expression, String prefix, Origin at) {
    for (Node ref : Nodes.items(Nodes.get(expression, "references"))) {
      Optional<String> text = Nodes.text(ref);
      if (text.isEmpty()) {
        continue;
      }
      Matcher m = REFERENCE.matcher(text.get());
      String target = m.find() ? m.group(1) : "";
      if (!target.isEmpty()
          && !target.startsWith("var.")
          && !target.startsWith("local.")
          && !target.startsWith("each.")
          && !target.startsWith("count.")
          && !target.startsWith("path.")
          && !target.startsWith("data.")) {
        return Optional.of(new Reference(prefix + target, m.group(2), at));
      }
    }
    return Optional.empty();
  }

  /** The configuration's expressions by resource address (instance keys left out). */
  private static void configuration(@Nullable Node module, String prefix, Map<String, Node> out) {
    if (module == null || prefix.length() > 10_000) {
      return;
    }
    for (Node r : Nodes.items(Nodes.get(module, "resources"))) {
      Optional<String> address = Nodes.text(r, "address");
      Node expressions = Nodes.get(r, "expressions");
      if (address.isPresent() && expressions != null) {
        out.put(prefix + address.get(), expressions);
      }
    }
    if (Nodes.get(module, "module_calls") instanceof MapNode calls) {
      for (Entry call : calls.entries()) {
        configuration(
            Nodes.get(call.value(), "module"), prefix + "module." + call.key() + ".", out);
      }
    }
  }

  /** A value tree with the plan's locations: the file and each node's JSON pointer. */
  private static Node place(Node n, String display, String address) {
    Origin o = placed(display, address, n.origin());
    return switch (n) {
      case MapNode m ->
          new MapNode(
              m.entries().stream()
                  .map(e ->
                      new Entry(
                          e.key(),
                          placed(display, address, e.keyOrigin()),
                          place(e.value(), display, address)))
                  .toList(),
              o);
      case ListNode l ->
          new ListNode(l.items().stream().map(i -> place(i, display, address)).toList(), o);
      case Scalar s -> new Scalar(s.text(), s.kind(), o);
      case Unresolved u -> new Unresolved(u.reason(), o);
      case Reference r -> new Reference(r.target(), r.attribute(), o);
    };
  }

  private static Origin placed(String display, String address, @Nullable Origin parsed) {
    return new Origin(display, 0, 0, address, parsed == null ? null : parsed.path());
  }
}
