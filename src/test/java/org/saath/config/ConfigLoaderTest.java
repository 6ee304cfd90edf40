package org.saath.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaults_load_and_an_operator_file_overrides_key_by_key() throws IOException {
        Path file = Files.writeString(dir.resolve("saath.yaml"), "server:\n  port: 9090\ndefault-country: AE\n");

        SaathConfig config = ConfigLoader.load(Optional.of(file));

        assertThat(config.server().port()).isEqualTo(9090);
        assertThat(config.server().maxBodyBytes()).isEqualTo(16384);
        assertThat(config.defaultCountry()).isEqualTo("AE");
        assertThat(config.dialogue().riskMemory()).isEqualTo(Duration.ofHours(24));
        assertThat(config.channels().whatsapp().enabled()).isFalse();
        assertThat(config.channels().telegram().apiBaseUrl()).isEqualTo("https://api.telegram.org");
    }

    @Test
    void a_fully_configured_platform_is_on() throws IOException {
        Path file = Files.writeString(dir.resolve("saath.yaml"), """
                channels:
                  twilio:
                    account-sid: AC00000000000000000000000000000000
                    auth-token: "12345"
                    public-url: https://saath.example.org/webhooks/twilio
                """);

        SaathConfig config = ConfigLoader.load(Optional.of(file));

        assertThat(config.channels().twilio().enabled()).isTrue();
        assertThat(config.channels().twilio().apiBaseUrl()).isEqualTo("https://api.twilio.com");
        assertThat(config.channels().whatsapp().enabled()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "server:\\n  port: 70000|server.port",
        "default-country: ZZ|default-country",
        "nlu:\\n  min-confidence: 1.5|nlu.min-confidence",
        "dialogue:\\n  max-helplines: 0|dialogue.max-helplines",
        "serverr:\\n  port: 1|serverr",
        "privacy:\\n  user-id-secret: short|privacy.user-id-secret",
        "privacy:\\n  address-key: c2hvcnQ=|privacy.address-key",
        "channels:\\n  whatsapp:\\n    app-secret: s\\n    verify-token: v|channels.whatsapp.access-token",
        "channels:\\n  telegram:\\n    secret-token: s3cret|channels.telegram.bot-token",
        "channels:\\n  telegram:\\n    bot-token: 1:x\\n    secret-token: has space|channels.telegram.secret-token",
        "channels:\\n  twilio:\\n    account-sid: AC1\\n    auth-token: t|channels.twilio.public-url",
        "channels:\\n  twilio:\\n    account-sid: A\\n    auth-token: t\\n    public-url: ftp:x|channels.twilio.public-url",
        "channels:\\n  generic:\\n    token: short|channels.generic.token",
        "channels:\\n  telegram:\\n    api-base-url: nowhere|channels.telegram.api-base-url",
        "hub:\\n  frame-ancestors: [\"*\"]|hub.frame-ancestors",
        "hub:\\n  frame-ancestors: [https://partner.example/embed]|hub.frame-ancestors",
        "hub:\\n  requests-per-minute: 0|hub.requests-per-minute"
    })
    void a_bad_value_stops_the_start_naming_the_key(String yaml, String key) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), yaml.replace("\\n", "\n"));

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key);
    }

    /**
     * QA s41 #8: a value of the wrong type was a two-line Jackson message naming the key only as a Java reference
     * chain; it names the key as the README's table does, what it must be, and the value, on one line.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "server:\\n  port: abc|server.port must be a whole number, was 'abc'",
        "privacy:\\n  retention: xyz|privacy.retention must be an ISO-8601 duration such as P90D or PT24H, "
                + "was 'xyz'",
        "limits:\\n  escalation-window: 24h|limits.escalation-window must be an ISO-8601 duration such as P90D or "
                + "PT24H, was '24h'",
        "nlu:\\n  min-confidence: high|nlu.min-confidence must be a number, was 'high'",
        "metrics:\\n  enabled: maybe|metrics.enabled must be true or false, was 'maybe'",
        "server:\\n  trusted-proxies: {a: 1}|server.trusted-proxies must be a list",
        "channels:\\n  telegram:\\n    bot-token: [a, b]|channels.telegram.bot-token must be text",
        "server:\\n  prot: 1|unknown config key 'server.prot'"
    })
    void a_value_of_the_wrong_type_stops_the_start_naming_the_key_as_the_file_spells_it(String yaml, String message)
            throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), yaml.replace("\\n", "\n"));

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith(message)
                .hasMessageNotContaining("\n").hasMessageNotContaining("org.saath").hasMessageNotContaining("java.");
    }
}
