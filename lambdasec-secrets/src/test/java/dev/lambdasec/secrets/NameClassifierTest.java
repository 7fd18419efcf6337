package dev.lambdasec.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.lambdasec.secrets.NameClassifier.NameInfo;
import dev.lambdasec.secrets.NameClassifier.Role;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NameClassifierTest {

  private final NameClassifier classifier = new NameClassifier(Vocabulary.bundled());

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DB_PASSWORD              | db password",
        "dbPassword               | db password",
        "APIKey                   | api key",
        "x-api-key                | x api key",
        "KEY2                     | key",
        "AUTH0_CLIENT_ID          | auth0 client id",
        "javax.net.ssl.trustStorePassword | javax net ssl trust store password",
      })
  void splitsNamesIntoLowerCaseWords(String name, String words) {
    assertThat(NameClassifier.words(name)).containsExactly(words.split(" "));
  }

  static Stream<Arguments> names() {
    return Stream.of(
        arguments("DB_PASSWORD", Role.PASSWORD, false),
        arguments("GITHUB_WEBHOOK_SECRET", Role.PASSWORD, false),
        arguments("DB_PASS", Role.PASSWORD, false),
        arguments("BASIC_AUTH", Role.PASSWORD, false),
        arguments("PRIVATE_KEY", Role.PASSWORD, false),
        arguments("privatekey", Role.PASSWORD, false),
        arguments("API_KEY", Role.TOKEN, false),
        arguments("APIKEY", Role.TOKEN, false),
        arguments("TWILIO_AUTH_TOKEN", Role.TOKEN, false),
        arguments("LICENSE_KEY", Role.TOKEN, false),
        arguments("STRIPE_KEY", Role.KEY, false),
        arguments("DB_PASSWORD_PARAM", Role.PASSWORD, true),
        arguments("API_KEY_SECRET_NAME", Role.PASSWORD, true),
        arguments("AWS_ACCESS_KEY_ID", Role.TOKEN, true),
        arguments("PASSWORD_ITERATIONS", Role.PASSWORD, true),
        arguments("TOKEN_URL", Role.TOKEN, true),
        arguments("PASS_THROUGH", Role.NONE, false),
        arguments("AUTH_TENANT", Role.NONE, true),
        arguments("AUTHOR", Role.NONE, false),
        arguments("MYSQL_ALLOW_EMPTY_PASSWORD", Role.NONE, false),
        arguments("PUBLIC_KEY", Role.NONE, false),
        arguments("NEXT_PUBLIC_API_KEY", Role.NONE, false),
        arguments("MAX_TOKENS", Role.NONE, false),
        arguments("SORT_KEY", Role.NONE, false),
        arguments("SECRETSMANAGER_ENDPOINT", Role.NONE, true),
        arguments("TABLE_NAME", Role.NONE, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void classifiesNames(String name, Role role, boolean pointer) {
    NameInfo info = classifier.classify(name);

    assertThat(info.role()).as(name).isEqualTo(role);
    assertThat(info.pointer()).as(name).isEqualTo(pointer);
  }
}
