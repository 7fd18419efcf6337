package dev.lambdasec.source.iac.terraform;

import dev.lambdasec.model.Origin;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.Suppression;
import dev.lambdasec.source.iac.terraform.hcl.Block;
import dev.lambdasec.source.iac.terraform.hcl.Comment;
import dev.lambdasec.source.iac.terraform.hcl.HclFile;
import dev.lambdasec.source.iac.terraform.mapping.TerraformMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code # lambdasec:ignore RULE-ID reason} (or {@code //}) comments. A comment inside a resource
 * block, on its first line, or in the run of comment lines directly above it applies to that
 * resource: to every instance, and to what the resource configures when it is an attachment (an
 * {@code aws_iam_role_policy} silences findings on its role).
 */
final class InlineSuppressions {

  private static final Pattern IGNORE =
      Pattern.compile("^lambdasec:ignore(?:\\s+([A-Za-z0-9,_-]+))?(?:\\s+(.*))?$", Pattern.DOTALL);

  private InlineSuppressions() {}

  static List<Suppression> of(
      List<ModuleInstance> modules, TerraformMapper mapper, String scope, Session session) {
    List<Suppression> out = new ArrayList<>();
    for (ModuleInstance m : modules) {
      for (HclFile f : m.files().files()) {
        Set<Integer> commentLines = new HashSet<>();
        f.comments().forEach(c -> commentLines.add(c.pos().line()));
        for (Comment c : f.comments()) {
          Matcher match = IGNORE.matcher(c.text());
          if (!match.matches()) {
            continue;
          }
          Origin at = new Origin(f.name(), c.pos().line(), c.pos().column(), null, null);
          String ids = match.group(1);
          if (ids == null) {
            session.note(at, "lambdasec:ignore names no rule");
            continue;
          }
          Optional<Block> target = target(f, c.pos().line(), commentLines);
          if (target.isEmpty()
              || !target.get().type().equals("resource")
              || target.get().labels().size() != 2) {
            session.note(
                at, "lambdasec:ignore is not on or above a resource block; it applies to nothing");
            continue;
          }
          String key = String.join(".", target.get().labels());
          String reason = match.group(2) == null ? null : match.group(2).strip();
          Set<String> targets = new HashSet<>();
          for (Instance instance : m.instances(key)) {
            targets.addAll(mapper.targetsOf(instance.address()));
          }
          if (targets.isEmpty()) {
            session.note(
                at,
                m.prefix()
                    + key
                    + " is not a resource lambdasec reports on; the suppression applies to nothing");
          }
          for (String rule : ids.split(",")) {
            if (rule.isBlank()) {
              continue;
            }
            for (String id : targets) {
              out.add(
                  new Suppression(
                      rule.strip().toUpperCase(Locale.ROOT),
                      new ResourceKey(scope, id),
                      reason == null || reason.isEmpty() ? null : reason,
                      at.withResource(id)));
            }
          }
        }
      }
    }
    return out;
  }

  /** The top-level block a comment on {@code line} is on or directly above. */
  private static Optional<Block> target(HclFile f, int line, Set<Integer> commentLines) {
    for (Block b : f.body().blocks()) {
      if (b.pos().line() <= line && line <= b.endLine()) {
        return Optional.of(b);
      }
      if (b.pos().line() > line) {
        for (int l = line + 1; l < b.pos().line(); l++) {
          if (!commentLines.contains(l) || f.hasCode(l)) {
            return Optional.empty();
          }
        }
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }
}
