package dev.lambdasec.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WithheldTokenTest {

  private final SecretDetector detector = SecretDetector.bundled();

  @Test
  void aWithheldValueIsJudgedAsTheOriginalWasUnderAnyName() {
    SecretMatch original = detector.inspect("AWS_ACCESS_KEY_ID", Fake.awsKeyId("AKIA", 41)).get();

    String token = detector.withheld(original);

    assertThat(detector.inspect("AWS_ACCESS_KEY_ID", token)).contains(original);
    assertThat(detector.inspect("TABLE_NAME", token)).contains(original);
  }

  @Test
  void theTokenHoldsNothingOfTheValue() {
    String value = Fake.awsKeyId("AKIA", 42);
    SecretMatch m = detector.inspect("AWS_ACCESS_KEY_ID", value).get();

    assertThat(detector.withheld(m)).doesNotContain(value).doesNotContain(value.substring(4, 12));
  }

  @Test
  void malformedTokensAreOrdinaryValues() {
    assertThat(WithheldToken.parse(WithheldToken.PREFIX + "not*base64")).isEmpty();
    assertThat(WithheldToken.parse(WithheldToken.PREFIX + "YWJj")).isEmpty();
    assertThat(
            WithheldToken.parse(
                WithheldToken.of(
                        new SecretMatch(
                            "generic-secret",
                            "d",
                            SecretMatch.Kind.PASSWORD,
                            SecretMatch.Confidence.LOW))
                    .replace("v1", "v2")))
        .isEqualTo(Optional.empty());
  }
}
