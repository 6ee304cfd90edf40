package org.saath.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserRefHasherTest {

    @TempDir
    Path data;

    @Test
    void the_hash_is_stable_keyed_and_channel_scoped() {
        UserRefHasher a = new UserRefHasher("0123456789abcdef0123".getBytes());
        UserRefHasher b = new UserRefHasher("another-secret-0123456".getBytes());

        assertThat(a.hash("whatsapp", "+923001234567")).isEqualTo(a.hash("whatsapp", "+923001234567"))
                .isNotEqualTo(b.hash("whatsapp", "+923001234567"))
                .isNotEqualTo(a.hash("telegram", "+923001234567"))
                .doesNotContain("923001234567")
                .hasSize(64);
    }

    @Test
    void a_short_secret_is_refused() {
        assertThatThrownBy(() -> new UserRefHasher(new byte[8])).hasMessageContaining("16 bytes");
    }

    @Test
    void the_generated_secret_is_kept_across_restarts() {
        byte[] first = SecretFile.loadOrCreate(data);
        byte[] second = SecretFile.loadOrCreate(data);

        assertThat(first).hasSize(32).isEqualTo(second);
    }
}
