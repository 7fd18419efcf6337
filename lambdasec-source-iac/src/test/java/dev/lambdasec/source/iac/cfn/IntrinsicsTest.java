package dev.lambdasec.source.iac.cfn;

import static dev.lambdasec.source.iac.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.source.iac.parse.ParseException;
import dev.lambdasec.source.iac.parse.YamlParser;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {

  private static final String TEMPLATE =
      """
      Parameters:
        Env:
          Type: String
          Default: prod
        Subnets:
          Type: CommaDelimitedList
          Default: "subnet-a, subnet-b"
        NoDefault:
          Type: String
        Secret:
          Type: AWS::SSM::Parameter::Value<String>
          Default: /app/secret
      Mappings:
        Sizes:
          prod:
            Memory: 1024
          dev:
            Memory: 128
      Conditions:
        IsProd: !Equals [!Ref Env, prod]
        IsDev: !Not [!Condition IsProd]
        Both: !And [!Condition IsProd, !Equals [a, a]]
        Either: !Or [!Condition IsDev, !Equals [!Ref NoDefault, x]]
        InUsEast: !Equals [!Ref AWS::Region, us-east-1]
        Loop: !Condition Loop
      Resources:
        Bucket:
          Type: AWS::S3::Bucket
      Test:
        ref: !Ref Env
        list: !Ref Subnets
        missing: !Ref NoDefault
        ssm: !Ref Secret
        resource: !Ref Bucket
        undefined: !Ref Nope
        partition: !Ref AWS::Partition
        suffix: !Ref AWS::URLSuffix
        region: !Ref AWS::Region
        getatt: !GetAtt Bucket.Arn
        sub: !Sub "arn:${AWS::Partition}:s3:::${Bucket}/${Env}/*"
        subVars: !Sub ["${A}-${B}", {A: x, B: !Ref Env}]
        subEscape: !Sub "${!Literal}-${Env}"
        subLogs: !Sub "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:*"
        subOnlyRef: !Sub "${Bucket.Arn}"
        subUnresolved: !Sub "x-${NoDefault}"
        join: !Join [":", [a, !Ref Env, !GetAtt Bucket.Arn]]
        ifTrue: !If [IsProd, big, small]
        ifUnknown: !If [InUsEast, a, b]
        ifNoValue: !If [IsProd, !Ref AWS::NoValue, kept]
        select: !Select [1, !Ref Subnets]
        selectAz: !Select [2, !GetAZs ""]
        split: !Split [",", "a,b,,c"]
        selectSplit: !Select [1, !Split ["-", "x-y-z"]]
        findInMap: !FindInMap [Sizes, !Ref Env, Memory]
        findInMapDefault: !FindInMap [Sizes, staging, Memory, {DefaultValue: 256}]
        findInMapMissing: !FindInMap [Sizes, staging, Memory]
        importValue: !ImportValue shared-vpc
        base64: !Base64 abc
        cidr: !Cidr [10.0.0.0/16, 2, 8]
        azs: !GetAZs ""
        forEach: {"Fn::ForEach::X": [a, [b], {}]}
        unknown: {"Fn::Whatever": x}
        nested:
          keep: 1
          drop: !Ref AWS::NoValue
          items: [a, !Ref AWS::NoValue, b]
      """;

  /** The test template with its intrinsics evaluator. */
  private static final class Evaluated {
    final MapNode root;
    final Intrinsics intrinsics;

    Evaluated(Map<String, String> overrides) throws ParseException {
      root = (MapNode) Objects.requireNonNull(new YamlParser(1 << 20).parse("t.yaml", TEMPLATE));
      Template template = Template.of("t.yaml", root, new Notes("t.yaml"));
      Set<String> ids =
          template.resources().stream().map(TemplateResource::id).collect(Collectors.toSet());
      intrinsics =
          Intrinsics.of(template, overrides, ids, new NodeBudget(NodeBudget.DEFAULT_LIMIT));
    }

    @Nullable Node eval(String key) {
      return intrinsics.resolve(at(root, "Test", key));
    }

    String text(String key) {
      return Nodes.text(eval(key)).orElseThrow(() -> new AssertionError(key + " is " + eval(key)));
    }
  }

  private final Evaluated template = new Evaluated(Map.of());
  private final MapNode root = template.root;
  private final Intrinsics intrinsics = template.intrinsics;

  IntrinsicsTest() throws ParseException {}

  private @Nullable Node eval(String key) {
    return template.eval(key);
  }

  private String text(String key) {
    return template.text(key);
  }

  private String unresolved(String key) {
    Node n = eval(key);
    assertThat(n).as(key).isInstanceOf(Unresolved.class);
    return ((Unresolved) Objects.requireNonNull(n)).reason();
  }

  @Test
  void refReadsParametersPseudoParametersAndResources() {
    assertThat(text("ref")).isEqualTo("prod");
    assertThat(Nodes.content(eval("list"))).isEqualTo("[STRING:subnet-a,STRING:subnet-b,]");
    assertThat(unresolved("missing"))
        .isEqualTo("parameter NoDefault has no value; pass --param NoDefault=…");
    assertThat(unresolved("ssm")).contains("SSM");
    assertThat(eval("resource"))
        .isEqualTo(new Reference("Bucket", null, at(root, "Test", "resource").origin()));
    assertThat(unresolved("undefined")).contains("Nope");
    assertThat(text("partition")).isEqualTo("aws");
    assertThat(text("suffix")).isEqualTo("amazonaws.com");
    assertThat(eval("region")).isInstanceOf(Reference.class);
    assertThat(((Reference) Objects.requireNonNull(eval("region"))).placeholder())
        .isEqualTo("${AWS::Region}");
    assertThat(((Reference) Objects.requireNonNull(eval("getatt"))).placeholder())
        .isEqualTo("${Bucket.Arn}");
  }

  @Test
  void resolvedNodeTakesTheOriginOfTheIntrinsic() {
    Node written = at(root, "Test", "ref");
    assertThat(Objects.requireNonNull(eval("ref")).origin()).isEqualTo(written.origin());
    assertThat(written.origin().line()).isEqualTo(30);
  }

  @Test
  void overridesWinOverDefaults() throws ParseException {
    Evaluated overridden = new Evaluated(Map.of("Env", "dev", "NoDefault", "x"));
    assertThat(overridden.text("ref")).isEqualTo("dev");
    assertThat(overridden.text("missing")).isEqualTo("x");
    assertThat(overridden.text("ifTrue")).isEqualTo("small");
    assertThat(overridden.text("findInMap")).isEqualTo("128");
  }

  @Test
  void subAndJoinSubstituteKnownPartsAndPlaceholdReferences() {
    assertThat(text("sub")).isEqualTo("arn:aws:s3:::${Bucket}/prod/*");
    assertThat(text("subVars")).isEqualTo("x-prod");
    assertThat(text("subEscape")).isEqualTo("${Literal}-prod");
    assertThat(text("subLogs")).isEqualTo("arn:aws:logs:${AWS::Region}:${AWS::AccountId}:*");
    assertThat(eval("subOnlyRef")).isInstanceOf(Reference.class);
    assertThat(unresolved("subUnresolved")).contains("NoDefault");
    assertThat(text("join")).isEqualTo("a:prod:${Bucket.Arn}");
  }

  @Test
  void ifFollowsConditions() {
    assertThat(text("ifTrue")).isEqualTo("big");
    assertThat(unresolved("ifUnknown")).isEqualTo("depends on condition InUsEast");
    assertThat(eval("ifNoValue")).isNull();
    assertThat(intrinsics.condition("IsProd")).isEqualTo(Intrinsics.Truth.TRUE);
    assertThat(intrinsics.condition("IsDev")).isEqualTo(Intrinsics.Truth.FALSE);
    assertThat(intrinsics.condition("Both")).isEqualTo(Intrinsics.Truth.TRUE);
    assertThat(intrinsics.condition("Either")).isEqualTo(Intrinsics.Truth.UNKNOWN);
    assertThat(intrinsics.condition("Loop")).isEqualTo(Intrinsics.Truth.UNKNOWN);
    assertThat(intrinsics.condition("Undefined")).isEqualTo(Intrinsics.Truth.UNKNOWN);
  }

  @Test
  void selectSplitAndFindInMap() {
    assertThat(text("select")).isEqualTo("subnet-b");
    Reference az = (Reference) Objects.requireNonNull(eval("selectAz"));
    assertThat(az.placeholder()).isEqualTo("${AWS::AZ.2}");
    assertThat(Nodes.content(eval("split"))).isEqualTo("[STRING:a,STRING:b,STRING:,STRING:c,]");
    assertThat(text("selectSplit")).isEqualTo("y");
    assertThat(text("findInMap")).isEqualTo("1024");
    assertThat(text("findInMapDefault")).isEqualTo("256");
    assertThat(unresolved("findInMapMissing")).contains("staging");
  }

  @Test
  void functionsThatNeedTheDeploymentAreUnresolvedNamingThem() {
    assertThat(unresolved("importValue")).contains("Fn::ImportValue");
    assertThat(unresolved("base64")).contains("Fn::Base64");
    assertThat(unresolved("cidr")).contains("Fn::Cidr");
    assertThat(unresolved("azs")).contains("Fn::GetAZs");
    assertThat(unresolved("unknown")).contains("Fn::Whatever");
  }

  @Test
  void noValueRemovesKeysAndItems() {
    Node nested = Objects.requireNonNull(eval("nested"));
    assertThat(Nodes.content(nested)).isEqualTo("{keep=NUMBER:1,items=[STRING:a,STRING:b,],}");
  }

  @Test
  void forEachIsNotExpanded() {
    assertThat(unresolved("forEach")).contains("Fn::ForEach");
  }
}
