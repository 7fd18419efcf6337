package dev.lambdasec.secrets;

import static dev.lambdasec.secrets.Fake.ALNUM;
import static dev.lambdasec.secrets.Fake.of;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretNamesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "stripe-access-token | Found a Stripe Access Token, posing a risk | Stripe access token",
        "github-oauth | Discovered a GitHub OAuth Access Token | GitHub OAuth",
        "openai-api-key | Found an OpenAI API Key | OpenAI API key",
        "anthropic-api-key | Identified an Anthropic api key | Anthropic API key",
        "jwt | Uncovered a JSON Web Token | JWT",
        "sourcegraph-access-token | Sourcegraph is a code search engine. | Sourcegraph access token"
      })
  void namesTheSecretByItsRuleIdSpelledAsItsDescriptionSpellsIt(
      String id, String description, String name) {
    assertThat(SecretNames.of(id, description)).isEqualTo(name);
  }

  @Test
  void bundledRulesGiveMatchesTheirShortName() {
    SecretMatch match =
        SecretDetector.bundled()
            .inspect("STRIPE_KEY", "sk_live_" + of(ALNUM, 24, 26))
            .orElseThrow();
    assertThat(match.ruleId()).isEqualTo("stripe-access-token");
    assertThat(match.description()).isEqualTo("Stripe access token");
  }
}
