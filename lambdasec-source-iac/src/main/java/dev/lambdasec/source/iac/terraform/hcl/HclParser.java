package dev.lambdasec.source.iac.terraform.hcl;

import dev.lambdasec.source.iac.parse.ParseException;
import dev.lambdasec.source.iac.terraform.hcl.Expr.Kind;
import dev.lambdasec.source.iac.terraform.hcl.Expr.Part;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A recursive-descent parser for the HCL native syntax (HashiCorp's "HCL Native Syntax
 * Specification"): bodies of attributes and blocks; literals, templates and heredocs with
 * interpolations and directives; tuples, objects, {@code for} expressions, traversals, splats,
 * function calls and operators by precedence.
 *
 * <p>Nesting is bounded ({@value #MAX_DEPTH} levels of expressions, blocks, directives or operator
 * chains), so no input can exhaust the stack; everything the parser cannot read is a {@link
 * ParseException} with a line and column and a message that never quotes the file.
 */
public final class HclParser {

  /** The deepest nesting accepted. */
  public static final int MAX_DEPTH = 128;

  private static final String[][] LEVELS = {
    {"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}
  };

  private enum Mode {
    QUOTED,
    HEREDOC
  }

  private final String name;
  private final String src;
  private final int n;
  private final int[] lineStarts;
  private final List<Comment> comments = new ArrayList<>();
  private final BitSet commentChars = new BitSet();
  private int i;
  private int depth;
  private boolean newlinesIgnored;
  private int furthestComment = -1;
  private boolean closerStripped;

  private HclParser(String name, String text) {
    this.name = name;
    this.src = text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
    this.n = src.length();
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int k = 0; k < n; k++) {
      if (src.charAt(k) == '\n') {
        starts.add(k + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Parses a {@code .tf} or {@code .tfvars} file shown as {@code name}. */
  public static HclFile parse(String name, String text) throws ParseException {
    HclParser p = new HclParser(name, text);
    try {
      Body body = p.body(false);
      return new HclFile(name, body, p.comments, p.codeLines());
    } catch (StackOverflowError | RuntimeException e) {
      throw new ParseException("cannot be parsed", p.line(p.i), p.column(p.i));
    }
  }

  /** Parses one expression, such as the value of {@code --var name=[1, 2]}. */
  public static Expr parseExpression(String text) throws ParseException {
    HclParser p = new HclParser("", text);
    try {
      p.newlinesIgnored = true;
      Expr e = p.expression();
      p.ws();
      if (p.i < p.n) {
        throw p.error("unexpected text after the expression");
      }
      return e;
    } catch (StackOverflowError | RuntimeException e) {
      throw new ParseException("cannot be parsed", p.line(p.i), p.column(p.i));
    }
  }

  /**
   * Parses a whole text as a template, as {@code templatefile()} reads its file: interpolations and
   * directives, no escapes, lines of the text are lines of the file.
   */
  public static Expr parseTemplate(String text) throws ParseException {
    HclParser p = new HclParser("", text);
    try {
      List<Part> parts = p.parts(Mode.HEREDOC, p.n, Set.of(), new String[1]);
      return template(parts, new Pos(1, 1), new Pos(1, 1), true);
    } catch (StackOverflowError | RuntimeException e) {
      throw new ParseException("cannot be parsed", p.line(p.i), p.column(p.i));
    }
  }

  // ---------------------------------------------------------------- bodies

  private Body body(boolean nested) throws ParseException {
    List<Attribute> attributes = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    while (true) {
      skip(true);
      if (i >= n) {
        if (nested) {
          throw error("block is not closed with '}'");
        }
        break;
      }
      if (src.charAt(i) == '}') {
        if (nested) {
          break;
        }
        throw error("unexpected '}'");
      }
      Pos pos = pos(i);
      String itemName = identifier("an attribute or block name");
      skip(false);
      if (at("=") && !at("==")) {
        i++;
        boolean saved = newlinesIgnored;
        newlinesIgnored = false;
        skip(false);
        Expr value = expression();
        newlinesIgnored = saved;
        attributes.add(new Attribute(itemName, value, pos));
      } else {
        List<String> labels = new ArrayList<>();
        while (true) {
          skip(false);
          if (at("\"")) {
            labels.add(label());
          } else if (i < n && isIdStart(src.charAt(i))) {
            labels.add(identifier("a block label"));
          } else {
            break;
          }
        }
        if (!at("{")) {
          throw error("expected '=' or '{'");
        }
        i++;
        enter();
        Body inner = body(true);
        depth--;
        int endLine = line(i);
        i++;
        blocks.add(new Block(itemName, labels, inner, pos, endLine));
      }
      endOfItem();
    }
    return new Body(attributes, blocks);
  }

  /** After an attribute or block: a newline, the end of the file, or a closing brace. */
  private void endOfItem() throws ParseException {
    skip(false);
    if (i < n && src.charAt(i) != '\n' && src.charAt(i) != '}') {
      throw error("expected a newline");
    }
  }

  private String label() throws ParseException {
    Expr e = quoted();
    if (e instanceof Expr.Literal l && l.text() != null) {
      return l.text();
    }
    throw error("a block label cannot hold an interpolation");
  }

  // ---------------------------------------------------------------- expressions

  private Expr expression() throws ParseException {
    enter();
    try {
      Expr condition = binary(0);
      ws();
      if (at("?")) {
        i++;
        skipNewlines();
        Expr then = expression();
        ws();
        expect(":");
        skipNewlines();
        Expr otherwise = expression();
        return new Expr.Conditional(condition, then, otherwise, condition.pos());
      }
      return condition;
    } finally {
      depth--;
    }
  }

  private Expr binary(int level) throws ParseException {
    if (level == LEVELS.length) {
      return unary();
    }
    Expr left = binary(level + 1);
    int chain = 0;
    try {
      while (true) {
        int save = i;
        ws();
        String op = operator(LEVELS[level]);
        if (op == null) {
          i = save;
          break;
        }
        i += op.length();
        skipNewlines();
        enter();
        chain++;
        Expr right = binary(level + 1);
        left = new Expr.Binary(op, left, right, left.pos());
      }
    } finally {
      depth -= chain;
    }
    return left;
  }

  private @Nullable String operator(String[] candidates) {
    for (String op : candidates) {
      if (!at(op)) {
        continue;
      }
      char next = i + op.length() < n ? src.charAt(i + op.length()) : '\0';
      boolean clash =
          switch (op) {
            case "<", ">" -> next == '=' || (op.equals("<") && next == '<');
            case "/" -> next == '/' || next == '*';
            case "*" -> false;
            default -> false;
          };
      if (!clash) {
        return op;
      }
    }
    return null;
  }

  private Expr unary() throws ParseException {
    ws();
    if ((at("!") && !at("!=")) || at("-")) {
      Pos pos = pos(i);
      String op = String.valueOf(src.charAt(i));
      i++;
      enter();
      try {
        return new Expr.Unary(op, unary(), pos);
      } finally {
        depth--;
      }
    }
    return postfix(primary());
  }

  private Expr postfix(Expr start) throws ParseException {
    Expr e = start;
    int chain = 0;
    try {
      while (true) {
        int save = i;
        ws();
        if (at(".") && !at("...")) {
          Pos pos = pos(i);
          i++;
          if (at("*")) {
            i++;
            e = new Expr.Splat(e, steps(new Expr.SplatItem(pos), false), pos);
          } else if (i < n && isDigit(src.charAt(i))) {
            e = new Expr.Index(e, number(), pos);
          } else {
            e = new Expr.GetAttr(e, identifier("an attribute name"), pos);
          }
        } else if (at("[")) {
          Pos pos = pos(i);
          i++;
          boolean saved = newlinesIgnored;
          newlinesIgnored = true;
          ws();
          if (at("*")) {
            i++;
            ws();
            expect("]");
            newlinesIgnored = saved;
            e = new Expr.Splat(e, steps(new Expr.SplatItem(pos), true), pos);
          } else {
            Expr key = expression();
            ws();
            expect("]");
            newlinesIgnored = saved;
            e = new Expr.Index(e, key, pos);
          }
        } else {
          i = save;
          return e;
        }
        enter();
        chain++;
      }
    } finally {
      depth -= chain;
    }
  }

  /** The traversal steps after a splat: attributes only for {@code .*}, any for {@code [*]}. */
  private Expr steps(Expr item, boolean full) throws ParseException {
    Expr e = item;
    int chain = 0;
    try {
      while (true) {
        int save = i;
        ws();
        if (at(".") && !at("...") && !at(".*")) {
          Pos pos = pos(i);
          i++;
          e =
              i < n && isDigit(src.charAt(i))
                  ? new Expr.Index(e, number(), pos)
                  : new Expr.GetAttr(e, identifier("an attribute name"), pos);
        } else if (full && at("[") && !at("[*")) {
          Pos pos = pos(i);
          i++;
          boolean saved = newlinesIgnored;
          newlinesIgnored = true;
          Expr key = expression();
          ws();
          expect("]");
          newlinesIgnored = saved;
          e = new Expr.Index(e, key, pos);
        } else {
          i = save;
          return e;
        }
        enter();
        chain++;
      }
    } finally {
      depth -= chain;
    }
  }

  private Expr primary() throws ParseException {
    ws();
    if (i >= n) {
      throw error("expected an expression");
    }
    char c = src.charAt(i);
    Pos pos = pos(i);
    if (isDigit(c)) {
      return number();
    }
    if (c == '"') {
      return quoted();
    }
    if (at("<<")) {
      return heredoc();
    }
    if (c == '[') {
      return tuple();
    }
    if (c == '{') {
      return object();
    }
    if (c == '(') {
      i++;
      boolean saved = newlinesIgnored;
      newlinesIgnored = true;
      Expr inner = expression();
      ws();
      expect(")");
      newlinesIgnored = saved;
      return new Expr.Parens(inner, pos);
    }
    if (isIdStart(c)) {
      String id = identifier("an expression");
      switch (id) {
        case "true", "false" -> {
          return new Expr.Literal(Kind.BOOL, id, pos);
        }
        case "null" -> {
          return new Expr.Literal(Kind.NULL, null, pos);
        }
        default -> {
          // a name or a call
        }
      }
      StringBuilder fn = new StringBuilder(id);
      while (at("::") && i + 2 < n && isIdStart(src.charAt(i + 2))) {
        i += 2;
        fn.append("::").append(identifier("a function name"));
      }
      int save = i;
      ws();
      if (at("(")) {
        return call(fn.toString(), pos);
      }
      i = save;
      if (fn.indexOf("::") >= 0) {
        throw error("expected '(' after a function name");
      }
      return new Expr.Variable(id, pos);
    }
    throw error("expected an expression");
  }

  private Expr call(String function, Pos pos) throws ParseException {
    i++;
    boolean saved = newlinesIgnored;
    newlinesIgnored = true;
    List<Expr> args = new ArrayList<>();
    boolean expand = false;
    while (true) {
      ws();
      if (at(")")) {
        break;
      }
      args.add(expression());
      ws();
      if (at("...")) {
        i += 3;
        expand = true;
        ws();
      }
      if (at(",")) {
        i++;
      } else if (!at(")")) {
        throw error("expected ',' or ')'");
      }
    }
    i++;
    newlinesIgnored = saved;
    return new Expr.Call(function, args, expand, pos);
  }

  private Expr number() throws ParseException {
    Pos pos = pos(i);
    int start = i;
    while (i < n && isDigit(src.charAt(i))) {
      i++;
    }
    if (i + 1 < n && src.charAt(i) == '.' && isDigit(src.charAt(i + 1))) {
      i++;
      while (i < n && isDigit(src.charAt(i))) {
        i++;
      }
    }
    if (i < n && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
      int mark = i;
      i++;
      if (i < n && (src.charAt(i) == '+' || src.charAt(i) == '-')) {
        i++;
      }
      if (i < n && isDigit(src.charAt(i))) {
        while (i < n && isDigit(src.charAt(i))) {
          i++;
        }
      } else {
        i = mark;
      }
    }
    return new Expr.Literal(Kind.NUMBER, src.substring(start, i), pos);
  }

  private Expr tuple() throws ParseException {
    Pos pos = pos(i);
    i++;
    boolean saved = newlinesIgnored;
    newlinesIgnored = true;
    ws();
    if (isFor()) {
      Expr f = forExpr(false, pos);
      newlinesIgnored = saved;
      return f;
    }
    List<Expr> items = new ArrayList<>();
    while (true) {
      ws();
      if (at("]")) {
        break;
      }
      items.add(expression());
      ws();
      if (at(",")) {
        i++;
      } else if (!at("]")) {
        throw error("expected ',' or ']'");
      }
    }
    i++;
    newlinesIgnored = saved;
    return new Expr.Tuple(items, pos);
  }

  private Expr object() throws ParseException {
    Pos pos = pos(i);
    i++;
    boolean saved = newlinesIgnored;
    skip(true);
    if (isFor()) {
      newlinesIgnored = true;
      Expr f = forExpr(true, pos);
      newlinesIgnored = saved;
      return f;
    }
    newlinesIgnored = false;
    List<Expr.Item> items = new ArrayList<>();
    while (true) {
      skip(true);
      if (at("}")) {
        break;
      }
      Expr key = expression();
      if (key instanceof Expr.Variable v) {
        key = new Expr.Literal(Kind.STRING, v.name(), v.pos());
      }
      ws();
      if ((at("=") && !at("==")) || at(":")) {
        i++;
      } else {
        throw error("expected '=' or ':' after an object key");
      }
      skipNewlines();
      items.add(new Expr.Item(key, expression()));
      ws();
      if (at(",")) {
        i++;
      } else if (i < n && src.charAt(i) != '\n' && src.charAt(i) != '}') {
        throw error("expected ',', a newline or '}'");
      }
    }
    i++;
    newlinesIgnored = saved;
    return new Expr.ObjectCons(items, pos);
  }

  /** At {@code for} followed by a name: the start of a {@code for} expression. */
  private boolean isFor() {
    if (!at("for") || i + 3 >= n || isIdContinue(src.charAt(i + 3))) {
      return false;
    }
    int k = i + 3;
    while (k < n && Character.isWhitespace(src.charAt(k))) {
      k++;
    }
    return k > i + 3 && k < n && isIdStart(src.charAt(k));
  }

  private Expr forExpr(boolean object, Pos pos) throws ParseException {
    enter();
    try {
      i += 3;
      ws();
      String first = identifier("a variable name");
      ws();
      String second = null;
      if (at(",")) {
        i++;
        ws();
        second = identifier("a variable name");
        ws();
      }
      keyword("in");
      Expr collection = expression();
      ws();
      expect(":");
      Expr head = expression();
      Expr keyExpr = null;
      Expr value = head;
      boolean grouping = false;
      ws();
      if (object) {
        expect("=>");
        keyExpr = head;
        value = expression();
        ws();
        if (at("...")) {
          i += 3;
          grouping = true;
          ws();
        }
      }
      Expr condition = null;
      if (at("if") && i + 2 < n && !isIdContinue(src.charAt(i + 2))) {
        i += 2;
        condition = expression();
        ws();
      }
      expect(object ? "}" : "]");
      return new Expr.For(
          second == null ? null : first,
          second == null ? first : second,
          collection,
          keyExpr,
          value,
          condition,
          grouping,
          pos);
    } finally {
      depth--;
    }
  }

  // ---------------------------------------------------------------- templates

  private Expr quoted() throws ParseException {
    Pos pos = pos(i);
    i++;
    Pos content = pos(i);
    String[] closer = new String[1];
    List<Part> parts = parts(Mode.QUOTED, n, Set.of(), closer);
    if (!at("\"")) {
      throw error("string is not closed");
    }
    i++;
    return template(parts, pos, content, false);
  }

  private Expr heredoc() throws ParseException {
    Pos pos = pos(i);
    i += 2;
    boolean indented = at("-");
    if (indented) {
      i++;
    }
    String marker = identifier("a heredoc marker");
    while (i < n && (src.charAt(i) == ' ' || src.charAt(i) == '\t' || src.charAt(i) == '\r')) {
      i++;
    }
    if (!at("\n")) {
      throw error("expected a newline after the heredoc marker");
    }
    i++;
    int contentStart = i;
    int closing = -1;
    int lineStart = i;
    while (lineStart < n) {
      int eol = src.indexOf('\n', lineStart);
      int end = eol < 0 ? n : eol;
      if (src.substring(lineStart, end).strip().equals(marker)) {
        closing = lineStart;
        break;
      }
      if (eol < 0) {
        break;
      }
      lineStart = eol + 1;
    }
    if (closing < 0) {
      throw error("heredoc is not closed");
    }
    String[] closer = new String[1];
    List<Part> parts = parts(Mode.HEREDOC, closing, Set.of(), closer);
    int eol = src.indexOf('\n', closing);
    int afterMarker = src.indexOf(marker, closing) + marker.length();
    i = eol < 0 ? afterMarker : Math.min(afterMarker, eol);
    if (indented) {
      parts = dedent(parts, indentOf(contentStart, closing));
    }
    return template(parts, pos, pos(contentStart), true);
  }

  /** The least indentation of the non-blank lines between two offsets. */
  private int indentOf(int from, int to) {
    int least = Integer.MAX_VALUE;
    int k = from;
    while (k < to) {
      int eol = src.indexOf('\n', k);
      int end = eol < 0 || eol > to ? to : eol;
      int indent = 0;
      while (k + indent < end
          && (src.charAt(k + indent) == ' ' || src.charAt(k + indent) == '\t')) {
        indent++;
      }
      if (k + indent < end && src.charAt(k + indent) != '\r') {
        least = Math.min(least, indent);
      }
      k = end + 1;
    }
    return least == Integer.MAX_VALUE ? 0 : least;
  }

  private static List<Part> dedent(List<Part> parts, int indent) {
    if (indent == 0) {
      return parts;
    }
    List<Part> out = new ArrayList<>();
    boolean lineStart = true;
    for (Part p : parts) {
      if (p instanceof Expr.Text t) {
        StringBuilder b = new StringBuilder();
        int skip = lineStart ? indent : 0;
        for (char c : t.text().toCharArray()) {
          if (skip > 0 && (c == ' ' || c == '\t')) {
            skip--;
            continue;
          }
          skip = 0;
          b.append(c);
          if (c == '\n') {
            skip = indent;
          }
        }
        lineStart = t.text().endsWith("\n");
        out.add(new Expr.Text(b.toString(), t.pos()));
      } else {
        lineStart = false;
        out.add(p);
      }
    }
    return out;
  }

  /** A template with nothing but text is a string literal. */
  private static Expr template(List<Part> parts, Pos pos, Pos content, boolean heredoc) {
    if (parts.isEmpty()) {
      return new Expr.Literal(Kind.STRING, "", pos);
    }
    if (!heredoc && parts.size() == 1 && parts.getFirst() instanceof Expr.Text t) {
      return new Expr.Literal(Kind.STRING, t.text(), pos);
    }
    return new Expr.Template(parts, pos, content, heredoc);
  }

  /**
   * Template parts up to the end (quote or heredoc end), or up to one of the {@code closers}
   * directives ({@code else}, {@code endif}, {@code endfor}), whose keyword goes into {@code
   * found[0]}.
   */
  private List<Part> parts(Mode mode, int end, Set<String> closers, String[] found)
      throws ParseException {
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    Pos textPos = null;
    boolean stripNext = false;
    while (true) {
      if (i >= end) {
        if (mode == Mode.QUOTED) {
          throw error("string is not closed");
        }
        break;
      }
      char c = src.charAt(i);
      if (mode == Mode.QUOTED && c == '"') {
        break;
      }
      if (mode == Mode.QUOTED && c == '\n') {
        throw error("a quoted string cannot span lines");
      }
      boolean interpolation = c == '$' && peek(1) == '{';
      boolean directive = c == '%' && peek(1) == '{';
      if ((c == '$' || c == '%') && peek(1) == c && peek(2) == '{') {
        if (textPos == null) {
          textPos = pos(i);
        }
        text.append(c).append('{');
        i += 3;
        stripNext = false;
        continue;
      }
      if (interpolation || directive) {
        boolean stripBefore = peek(2) == '~';
        if (stripBefore) {
          stripTrailing(text);
        }
        if (!text.isEmpty() && textPos != null) {
          parts.add(new Expr.Text(text.toString(), textPos));
        }
        text.setLength(0);
        textPos = null;
        i += stripBefore ? 3 : 2;
        if (interpolation) {
          boolean saved = newlinesIgnored;
          newlinesIgnored = true;
          Expr e = expression();
          stripNext = closeTemplateItem();
          newlinesIgnored = saved;
          parts.add(new Expr.Interpolation(e));
        } else {
          String keyword = directiveKeyword();
          if (closers.contains(keyword)) {
            closerStripped = closeTemplateItem();
            found[0] = keyword;
            return parts;
          }
          stripNext = directive(keyword, mode, end, parts);
        }
        continue;
      }
      Pos here = pos(i);
      i++;
      if (mode == Mode.QUOTED && c == '\\') {
        if (textPos == null) {
          textPos = here;
        }
        stripNext = false;
        c = escape(text);
        if (c == '\0') {
          continue;
        }
      }
      if (stripNext && Character.isWhitespace(c)) {
        continue;
      }
      stripNext = false;
      if (textPos == null) {
        textPos = here;
      }
      text.append(c);
    }
    if (!text.isEmpty() && textPos != null) {
      parts.add(new Expr.Text(text.toString(), textPos));
    }
    return parts;
  }

  private static void stripTrailing(StringBuilder text) {
    int k = text.length();
    while (k > 0 && Character.isWhitespace(text.charAt(k - 1))) {
      k--;
    }
    text.setLength(k);
  }

  /** {@code ~}? {@code }}; true when the closing strip marker was written. */
  private boolean closeTemplateItem() throws ParseException {
    ws();
    boolean strip = at("~");
    if (strip) {
      i++;
    }
    expect("}");
    return strip;
  }

  private String directiveKeyword() throws ParseException {
    boolean saved = newlinesIgnored;
    newlinesIgnored = true;
    ws();
    newlinesIgnored = saved;
    return identifier("a template directive");
  }

  /** Reads an {@code if} or {@code for} directive whose keyword was just read. */
  private boolean directive(String keyword, Mode mode, int end, List<Part> parts)
      throws ParseException {
    boolean saved = newlinesIgnored;
    newlinesIgnored = true;
    enter();
    try {
      String[] found = new String[1];
      if (keyword.equals("if")) {
        Expr condition = expression();
        boolean strip = closeTemplateItem();
        newlinesIgnored = saved;
        List<Part> then = parts(mode, end, Set.of("else", "endif"), found);
        List<Part> otherwise = List.of();
        if ("else".equals(found[0])) {
          found[0] = null;
          boolean stripElse = closerStripped;
          otherwise = stripLeading(parts(mode, end, Set.of("endif"), found), stripElse);
        }
        if (!"endif".equals(found[0])) {
          throw error("%{if} is not closed with %{endif}");
        }
        parts.add(new Expr.IfDirective(condition, stripLeading(then, strip), otherwise));
        return closerStripped;
      }
      if (keyword.equals("for")) {
        ws();
        String first = identifier("a variable name");
        ws();
        String second = null;
        if (at(",")) {
          i++;
          ws();
          second = identifier("a variable name");
          ws();
        }
        keyword("in");
        Expr collection = expression();
        boolean strip = closeTemplateItem();
        newlinesIgnored = saved;
        List<Part> body = parts(mode, end, Set.of("endfor"), found);
        if (!"endfor".equals(found[0])) {
          throw error("%{for} is not closed with %{endfor}");
        }
        parts.add(
            new Expr.ForDirective(
                second == null ? null : first,
                second == null ? first : second,
                collection,
                stripLeading(body, strip)));
        return closerStripped;
      }
      throw error("unknown template directive");
    } finally {
      depth--;
      newlinesIgnored = saved;
    }
  }

  private static List<Part> stripLeading(List<Part> parts, boolean strip) {
    if (!strip || parts.isEmpty() || !(parts.getFirst() instanceof Expr.Text t)) {
      return parts;
    }
    List<Part> out = new ArrayList<>(parts);
    out.set(0, new Expr.Text(t.text().stripLeading(), t.pos()));
    return out;
  }

  /** Decodes the escape after a backslash into {@code text}; returns the character, or NUL. */
  private char escape(StringBuilder text) throws ParseException {
    if (i >= n) {
      throw error("string is not closed");
    }
    char e = src.charAt(i++);
    switch (e) {
      case 'n' -> {
        return '\n';
      }
      case 'r' -> {
        return '\r';
      }
      case 't' -> {
        return '\t';
      }
      case '"', '\\' -> {
        return e;
      }
      case 'u', 'U' -> {
        int digits = e == 'u' ? 4 : 8;
        if (i + digits > n) {
          throw error("incomplete unicode escape");
        }
        try {
          int cp = Integer.parseInt(src.substring(i, i + digits), 16);
          i += digits;
          text.appendCodePoint(cp);
          return '\0';
        } catch (IllegalArgumentException ex) {
          throw error("invalid unicode escape");
        }
      }
      default -> throw error("invalid escape sequence");
    }
  }

  // ---------------------------------------------------------------- tokens

  private void keyword(String word) throws ParseException {
    ws();
    if (!at(word) || (i + word.length() < n && isIdContinue(src.charAt(i + word.length())))) {
      throw error("expected '" + word + "'");
    }
    i += word.length();
  }

  private String identifier(String what) throws ParseException {
    if (i >= n || !isIdStart(src.charAt(i))) {
      throw error("expected " + what);
    }
    int start = i;
    i++;
    while (i < n && isIdContinue(src.charAt(i))) {
      i++;
    }
    return src.substring(start, i);
  }

  private void expect(String token) throws ParseException {
    if (!at(token)) {
      throw error("expected '" + token + "'");
    }
    i += token.length();
  }

  private boolean at(String token) {
    return src.startsWith(token, i);
  }

  private char peek(int ahead) {
    return i + ahead < n ? src.charAt(i + ahead) : '\0';
  }

  /** Skips blanks and comments, and newlines where they do not matter. */
  private void ws() throws ParseException {
    skip(newlinesIgnored);
  }

  /** After an operator, {@code ?} or {@code :}, a newline does not end the expression. */
  private void skipNewlines() throws ParseException {
    skip(true);
  }

  private void skip(boolean newlines) throws ParseException {
    while (i < n) {
      char c = src.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u00A0' || c == '\uFEFF') {
        i++;
      } else if (c == '\n') {
        if (!newlines) {
          return;
        }
        i++;
      } else if (c == '#' || (c == '/' && peek(1) == '/')) {
        int start = i;
        int eol = src.indexOf('\n', i);
        i = eol < 0 ? n : eol;
        comment(start, i, src.substring(start + (c == '#' ? 1 : 2), i));
      } else if (c == '/' && peek(1) == '*') {
        int start = i;
        int close = src.indexOf("*/", i + 2);
        if (close < 0) {
          throw error("comment is not closed");
        }
        i = close + 2;
        comment(start, i, src.substring(start + 2, close));
      } else {
        return;
      }
    }
  }

  private void comment(int start, int end, String text) {
    if (start > furthestComment) {
      furthestComment = start;
      comments.add(new Comment(text.strip(), pos(start)));
      commentChars.set(start, end);
    }
  }

  /** Lines with something other than blanks and comments. */
  private BitSet codeLines() {
    BitSet lines = new BitSet();
    int line = 1;
    for (int k = 0; k < n; k++) {
      char c = src.charAt(k);
      if (c == '\n') {
        line++;
      } else if (!Character.isWhitespace(c) && !commentChars.get(k)) {
        lines.set(line);
      }
    }
    return lines;
  }

  private void enter() throws ParseException {
    if (++depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private ParseException error(String message) {
    return new ParseException(message, line(i), column(i));
  }

  private Pos pos(int offset) {
    return new Pos(line(offset), column(offset));
  }

  private int line(int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    int at = Math.min(offset, n);
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= at) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }

  private int column(int offset) {
    return Math.min(offset, n) - lineStarts[line(offset) - 1] + 1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isIdContinue(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  @Override
  public String toString() {
    return "HclParser[" + name + "]";
  }
}
