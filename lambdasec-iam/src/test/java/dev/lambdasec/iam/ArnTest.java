package dev.lambdasec.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnTest {

  @Test
  void aDeployedResourceNamesItsAccount() {
    assertThat(Arn.literalAccount("arn:aws:iam::123456789012:role/orders"))
        .contains("123456789012");
    assertThat(Arn.literalAccount("arn:aws:lambda:eu-west-1:210987654321:function:api"))
        .contains("210987654321");
  }

  @Test
  void aTemplatePlaceholderAnEmptyAccountOrNoArnNamesNone() {
    assertThat(Arn.literalAccount("arn:aws:iam::${AWS::AccountId}:role/orders")).isEmpty();
    assertThat(Arn.literalAccount("arn:aws:s3:::reports")).isEmpty();
    assertThat(Arn.literalAccount("${Orders.Arn}")).isEmpty();
  }
}
