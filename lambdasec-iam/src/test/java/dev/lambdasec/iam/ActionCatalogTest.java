package dev.lambdasec.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.iam.catalog.AccessLevel;
import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.catalog.ActionInfo;
import dev.lambdasec.iam.catalog.ActionSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionCatalogTest {

  private final ActionCatalog catalog = ActionCatalog.bundled();

  @Test
  void bundledCatalogHasEveryActionOfTheData() {
    assertThat(catalog.size()).isEqualTo(21190);
    ActionInfo create = catalog.find("lambda:CreateFunction").orElseThrow();
    assertThat(create.access()).isEqualTo(AccessLevel.WRITE);
    assertThat(create.supportsResourceScoping()).isTrue();
    assertThat(catalog.action(create.index())).isEqualTo(create);
    assertThat(catalog.find("LAMBDA:createfunction")).contains(create);
    assertThat(catalog.find("lambda:ListFunctions").orElseThrow().supportsResourceScoping())
        .isFalse();
    assertThat(catalog.find("s3:PutBucketAcl").orElseThrow().access())
        .isEqualTo(AccessLevel.PERMISSIONS_MANAGEMENT);
  }

  @Test
  void expandsWildcardsAgainstTheCatalog() {
    assertThat(catalog.actions(catalog.expand("s3:Get*")).map(ActionInfo::name))
        .allMatch(n -> n.startsWith("Get"))
        .contains("GetObject", "GetBucketPolicy");
    assertThat(catalog.expand("iam:*").size()).isEqualTo(catalog.actionsOf("iam").size());
    assertThat(catalog.actions(catalog.expand("*:Describe*")).map(ActionInfo::service))
        .contains("ec2", "rds", "cloudformation");
    assertThat(catalog.expand("*").isEverything()).isTrue();
    assertThat(catalog.expand("s3:?etObject").contains(catalog.find("s3:GetObject").orElseThrow()))
        .isTrue();
    assertThat(catalog.expand("s3:NoSuchAction").isEmpty()).isTrue();
    assertThat(catalog.expand("nosuchservice:*").isEmpty()).isTrue();
    assertThat(catalog.expand("s3getobject").isEmpty()).isTrue();
    assertThat(catalog.expand("s3:${Action}").isEmpty()).isTrue();
  }

  @Test
  void actionSetsComplementIntersectAndSubtractExactly() {
    ActionSet s3 = catalog.expand("s3:*");
    ActionSet gets = catalog.expand("s3:Get*");
    assertThat(s3.containsAll(gets)).isTrue();
    assertThat(s3.minus(gets).intersects(gets)).isFalse();
    assertThat(s3.minus(gets).size() + gets.size()).isEqualTo(s3.size());
    assertThat(s3.complement().size()).isEqualTo(catalog.size() - s3.size());
    assertThat(s3.complement().intersect(s3).isEmpty()).isTrue();
    assertThat(s3.union(s3.complement()).isEverything()).isTrue();
    assertThat(catalog.none().isEmpty()).isTrue();
  }

  @Test
  void knowsArnFormatsAndConditionKeyTypes() {
    ActionInfo passRole = catalog.find("iam:PassRole").orElseThrow();
    assertThat(catalog.arnFormats(passRole))
        .containsExactly("arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}");
    assertThat(catalog.conditionType("aws:TagKeys")).contains("ArrayOfString");
    assertThat(catalog.conditionType("no:such-key")).isEmpty();
  }

  @Test
  void readsAMinimalCatalogAndRejectsOtherDocuments() throws IOException {
    String json =
        """
        {"schema":"iam-catalog/v1","services":{"demo":{"actions":{
          "ReadThing":{"access":"Read","resources":[{"type":"thing","required":true}]},
          "ListThings":{"access":"List","resources":[{"type":""}]}},
          "resources":{"thing":{"arn":"arn:${Partition}:demo:${Region}:${Account}:thing/${Name}"}}}}}
        """;
    ActionCatalog small =
        ActionCatalog.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t");
    assertThat(small.size()).isEqualTo(2);
    assertThat(small.find("demo:ListThings").orElseThrow().supportsResourceScoping()).isFalse();
    assertThat(small.arnFormats(small.find("demo:readthing").orElseThrow()))
        .containsExactly("arn:${Partition}:demo:${Region}:${Account}:thing/${Name}");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ActionCatalog.read(new ByteArrayInputStream("{}".getBytes()), "empty"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no services");
  }

  @Test
  void aRefreshedCatalogIsUsedOnlyWhenValid(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(ActionCatalog.FILE);
    assertThat(ActionCatalog.readValid(file)).isEmpty();
    Files.writeString(file, "not gzip");
    assertThat(ActionCatalog.readValid(file)).isEmpty();
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(
          "{\"services\":{\"demo\":{\"actions\":{\"A\":{\"access\":\"Read\"}}}}}"
              .getBytes(StandardCharsets.UTF_8));
    }
    assertThat(ActionCatalog.readValid(file)).as("too small to be a whole catalog").isEmpty();
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
        var in =
            ActionCatalog.class.getResourceAsStream("/dev/lambdasec/iam/data/iam-catalog.json.gz");
        var unzipped = new java.util.zip.GZIPInputStream(in)) {
      unzipped.transferTo(out);
    }
    assertThat(ActionCatalog.readValid(file))
        .get()
        .satisfies(c -> {
          assertThat(c.size()).isEqualTo(catalog.size());
          assertThat(c.source()).startsWith("refreshed ");
        });
  }
}
