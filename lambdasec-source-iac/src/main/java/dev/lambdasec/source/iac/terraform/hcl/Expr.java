package dev.lambdasec.source.iac.terraform.hcl;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** An HCL expression as written, unevaluated. Every node knows where it starts. */
public sealed interface Expr {

  Pos pos();

  /** The kinds of literal values. */
  enum Kind {
    STRING,
    NUMBER,
    BOOL,
    NULL
  }

  /** A number, {@code true}/{@code false}, {@code null}, or a string without interpolation. */
  record Literal(Kind kind, @Nullable String text, Pos pos) implements Expr {}

  /**
   * A quoted string or heredoc with interpolations or directives.
   *
   * @param contentStart where the first character of the text is: the line after {@code <<EOF} for
   *     a heredoc, just after the opening quote otherwise
   * @param heredoc whether written as a heredoc, where lines of the text are lines of the file
   */
  record Template(List<Part> parts, Pos pos, Pos contentStart, boolean heredoc) implements Expr {
    public Template {
      parts = List.copyOf(parts);
    }
  }

  /** One piece of a template. */
  sealed interface Part {}

  /** Literal text, escapes already decoded. */
  record Text(String text, Pos pos) implements Part {}

  /** {@code ${expr}}. */
  record Interpolation(Expr expr) implements Part {}

  /** {@code %{if cond}…%{else}…%{endif}}. */
  record IfDirective(Expr condition, List<Part> then, List<Part> otherwise) implements Part {
    public IfDirective {
      then = List.copyOf(then);
      otherwise = List.copyOf(otherwise);
    }
  }

  /** {@code %{for k, v in coll}…%{endfor}}. */
  record ForDirective(@Nullable String key, String value, Expr collection, List<Part> body)
      implements Part {
    public ForDirective {
      body = List.copyOf(body);
    }
  }

  /** {@code [a, b]}. */
  record Tuple(List<Expr> items, Pos pos) implements Expr {
    public Tuple {
      items = List.copyOf(items);
    }
  }

  /** {@code {key = value, …}}. A bare identifier key is a {@link Literal} string. */
  record ObjectCons(List<Item> items, Pos pos) implements Expr {
    public ObjectCons {
      items = List.copyOf(items);
    }
  }

  /** One {@code key = value} of an object constructor. */
  record Item(Expr key, Expr value) {}

  /** A root name such as {@code var}, {@code aws_iam_role} or {@code count}. */
  record Variable(String name, Pos pos) implements Expr {}

  /** {@code source.name}. */
  record GetAttr(Expr source, String name, Pos pos) implements Expr {}

  /** {@code source[key]}, also the legacy {@code source.0}. */
  record Index(Expr source, Expr key, Pos pos) implements Expr {}

  /**
   * {@code source[*].rest} or {@code source.*.rest}: {@code each} is evaluated for every element,
   * which it reaches as {@link SplatItem}.
   */
  record Splat(Expr source, Expr each, Pos pos) implements Expr {}

  /** The element a {@link Splat} is applied to. */
  record SplatItem(Pos pos) implements Expr {}

  /** {@code name(args…)}; {@code expandFinal} for a trailing {@code ...}. */
  record Call(String name, List<Expr> args, boolean expandFinal, Pos pos) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /**
   * {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value… if
   * cond}}.
   *
   * @param keyExpr the key expression of an object {@code for}; {@code null} for a tuple
   * @param grouping {@code ...} after the value: values with equal keys are collected in lists
   */
  record For(
      @Nullable String keyVar,
      String valueVar,
      Expr collection,
      @Nullable Expr keyExpr,
      Expr valueExpr,
      @Nullable Expr condition,
      boolean grouping,
      Pos pos)
      implements Expr {}

  /** {@code cond ? a : b}. */
  record Conditional(Expr condition, Expr then, Expr otherwise, Pos pos) implements Expr {}

  /** A binary operation; {@code op} as written ({@code +}, {@code &&}, {@code ==}…). */
  record Binary(String op, Expr left, Expr right, Pos pos) implements Expr {}

  /** {@code !x} or {@code -x}. */
  record Unary(String op, Expr operand, Pos pos) implements Expr {}

  /** {@code (expr)}: kept so that a parenthesised object key is evaluated. */
  record Parens(Expr expr, Pos pos) implements Expr {}
}
