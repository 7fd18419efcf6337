package dev.lambdasec.source.iac.cfn;

import static dev.lambdasec.source.iac.Fixtures.app;
import static dev.lambdasec.source.iac.Fixtures.assertJsonParity;
import static dev.lambdasec.source.iac.Fixtures.get;
import static dev.lambdasec.source.iac.Fixtures.pos;
import static dev.lambdasec.source.iac.Fixtures.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.CodeSigningConfig;
import dev.lambdasec.model.KmsKey;
import dev.lambdasec.model.Layer;
import dev.lambdasec.model.LogGroup;
import dev.lambdasec.model.SecurityGroup;
import dev.lambdasec.model.Subnet;
import dev.lambdasec.model.Trail;
import dev.lambdasec.model.Value;
import org.junit.jupiter.api.Test;

class SupportMappingTest {
  private static final String SUPPORT =
      """
      Resources:
        Key:
          Type: AWS::KMS::Key
          Properties:
            EnableKeyRotation: true
            KeyPolicy:
              Statement:
                - {Effect: Allow, Principal: {AWS: "*"}, Action: "kms:*", Resource: "*"}
        DefaultKey:
          Type: AWS::KMS::Key
        Group:
          Type: AWS::Logs::LogGroup
          Properties:
            LogGroupName: /aws/lambda/worker
            RetentionInDays: 30
            KmsKeyId: !GetAtt Key.Arn
        Forever:
          Type: AWS::Logs::LogGroup
        Layer:
          Type: AWS::Lambda::LayerVersion
          Properties:
            LayerName: shared
        Signing:
          Type: AWS::Lambda::CodeSigningConfig
          Properties:
            AllowedPublishers:
              SigningProfileVersionArns: [arn:aws:signer:us-east-1:123456789012:/signing-profiles/p/1]
            CodeSigningPolicies:
              UntrustedArtifactOnDeployment: Enforce
        LooseSigning:
          Type: AWS::Lambda::CodeSigningConfig
          Properties:
            AllowedPublishers:
              SigningProfileVersionArns: [arn:aws:signer:us-east-1:123456789012:/signing-profiles/p/1]
      """;

  private static final String NETWORK =
      """
      Resources:
        SubnetA:
          Type: AWS::EC2::Subnet
          Properties:
            AvailabilityZone: !Select [0, !GetAZs ""]
        SubnetB:
          Type: AWS::EC2::Subnet
          Properties:
            AvailabilityZone: !Select [1, !GetAZs ""]
        Fixed:
          Type: AWS::EC2::Subnet
          Properties:
            AvailabilityZone: eu-west-1a
        Anywhere:
          Type: AWS::EC2::Subnet
        OpenByDefault:
          Type: AWS::EC2::SecurityGroup
          Properties:
            GroupDescription: default egress
        Restricted:
          Type: AWS::EC2::SecurityGroup
          Properties:
            GroupDescription: https only
            SecurityGroupEgress:
              - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/8}
              - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIpv6: "::/0"}
        ExtraEgress:
          Type: AWS::EC2::SecurityGroupEgress
          Properties:
            GroupId: !Ref Restricted
            IpProtocol: "-1"
            CidrIp: 0.0.0.0/0
      """;

  private static final String TRAILS =
      """
      Resources:
        Basic:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: logs
        Full:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            IsMultiRegionTrail: true
            EnableLogFileValidation: true
            KMSKeyId: arn:aws:kms:us-east-1:123456789012:key/abc
            EventSelectors:
              - DataResources:
                  - Type: AWS::Lambda::Function
                    Values: ["arn:aws:lambda"]
        Advanced:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            AdvancedEventSelectors:
              - FieldSelectors:
                  - {Field: eventCategory, Equals: [Data]}
                  - {Field: resources.type, Equals: [AWS::Lambda::Function]}
        S3Only:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: false
            EventSelectors:
              - DataResources:
                  - Type: AWS::S3::Object
                    Values: ["arn:aws:s3"]
      """;

  @Test
  void mapsSupportingResources() {
    Application app = app(SUPPORT);
    KmsKey key = get(app, KmsKey.class, "Key");
    assertThat(key.rotationEnabled().get()).isTrue();
    assertThat(key.keyPolicy().get().name()).isEqualTo("KeyPolicy");
    KmsKey defaultKey = get(app, KmsKey.class, "DefaultKey");
    assertThat(defaultKey.rotationEnabled()).isEqualTo(Value.defaulted(false, defaultKey.origin()));
    assertThat(defaultKey.keyPolicy().isAbsent()).isTrue();
    LogGroup group = get(app, LogGroup.class, "Group");
    assertThat(group.name().get()).isEqualTo("/aws/lambda/worker");
    assertThat(group.retentionDays().get()).isEqualTo(30);
    assertThat(group.kmsKey().get()).isEqualTo(to("Key"));
    LogGroup forever = get(app, LogGroup.class, "Forever");
    assertThat(forever.retentionDays().isAbsent()).isTrue();
    assertThat(forever.kmsKey().isAbsent()).isTrue();
    assertThat(get(app, Layer.class, "Layer").name().get()).isEqualTo("shared");
    CodeSigningConfig signing = get(app, CodeSigningConfig.class, "Signing");
    assertThat(signing.untrustedArtifactOnDeployment().get()).isEqualTo("Enforce");
    assertThat(signing.signingProfiles()).extracting(Value::get).hasSize(1);
    CodeSigningConfig loose = get(app, CodeSigningConfig.class, "LooseSigning");
    assertThat(loose.untrustedArtifactOnDeployment())
        .isEqualTo(Value.defaulted("Warn", loose.origin()));
  }

  @Test
  void mapsNetworkResources() {
    Application app = app(NETWORK);
    Subnet a = get(app, Subnet.class, "SubnetA");
    assertThat(a.availabilityZone())
        .isEqualTo(Value.set("${AWS::AZ.0}", a.availabilityZone().origin()));
    assertThat(pos(a.availabilityZone())).isEqualTo("5:25");
    assertThat(get(app, Subnet.class, "SubnetB").availabilityZone().get())
        .isEqualTo("${AWS::AZ.1}");
    assertThat(get(app, Subnet.class, "Fixed").availabilityZone().get()).isEqualTo("eu-west-1a");
    assertThat(get(app, Subnet.class, "Anywhere").availabilityZone().isAbsent()).isTrue();
    assertThat(get(app, SecurityGroup.class, "OpenByDefault").egressCidrs().isAbsent()).isTrue();
    assertThat(get(app, SecurityGroup.class, "Restricted").egressCidrs().get())
        .extracting(Value::get)
        .containsExactly("10.0.0.0/8", "::/0", "0.0.0.0/0");
  }

  @Test
  void mapsTrails() {
    Application app = app(TRAILS);
    Trail basic = get(app, Trail.class, "Basic");
    assertThat(basic.multiRegion()).isEqualTo(Value.defaulted(false, basic.origin()));
    assertThat(basic.logFileValidation()).isEqualTo(Value.defaulted(false, basic.origin()));
    assertThat(basic.kmsKey().isAbsent()).isTrue();
    assertThat(basic.logging().get()).isTrue();
    assertThat(basic.lambdaDataEvents()).isEqualTo(Value.defaulted(false, basic.origin()));
    Trail full = get(app, Trail.class, "Full");
    assertThat(full.multiRegion().get()).isTrue();
    assertThat(full.logFileValidation().get()).isTrue();
    assertThat(full.kmsKey().isPresent()).isTrue();
    assertThat(full.lambdaDataEvents().get()).isTrue();
    assertThat(pos(full.lambdaDataEvents())).isEqualTo("16:21");
    assertThat(get(app, Trail.class, "Advanced").lambdaDataEvents().get()).isTrue();
    Trail s3 = get(app, Trail.class, "S3Only");
    assertThat(s3.lambdaDataEvents().get()).isFalse();
    assertThat(s3.lambdaDataEvents().isSet()).isTrue();
    assertThat(s3.logging().get()).isFalse();
  }

  @Test
  void jsonGivesTheSameModel() {
    assertJsonParity(SUPPORT);
    assertJsonParity(NETWORK);
    assertJsonParity(TRAILS);
  }
}
