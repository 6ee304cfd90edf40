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
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "server:\\n  port: 70000|server.port",
        "default-country: ZZ|default-country",
        "nlu:\\n  min-confidence: 1.5|nlu.min-confidence",
        "dialogue:\\n  max-helplines: 0|dialogue.max-helplines",
        "serverr:\\n  port: 1|serverr",
        "privacy:\\n  user-id-secret: short|privacy.user-id-secret",
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
}
