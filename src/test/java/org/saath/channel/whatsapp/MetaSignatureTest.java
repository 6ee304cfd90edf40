package org.saath.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * {@code X-Hub-Signature-256} against the vectors in {@code src/test/resources/webhooks/meta-signature-vector.txt}:
 * Meta's official one (from its WhatsApp Node SDK's tests) and the ones derived from it over the fixtures.
 */
class MetaSignatureTest {

    private static final String SECRET = "TEST_APP_SECRET";

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/webhooks", name));
    }

    @Test
    void meta_s_official_vector_passes() {
        assertThat(MetaSignature.valid(SECRET,
                "sha256=0c61947b610d4f45e65f3d680e26027121ec2413e77598bcb6cfc6e0d9888221",
                "test".getBytes(StandardCharsets.US_ASCII))).isTrue();
    }

    @Test
    void the_signature_covers_the_raw_bytes_not_a_reserialised_copy() throws IOException {
        byte[] published = fixture("whatsapp-text.json");
        String d1 = "sha256=69360c741c3eae1ac96826307f4e7f7501d16d87e66019ca5d6e422e533d65f9";
        String d2 = "sha256=964f50820adcc03228037724153dd41dcd72d72113a4659d63916721028e0c23"; // of the compact copy

        assertThat(MetaSignature.valid(SECRET, d1, published)).isTrue();
        assertThat(MetaSignature.valid(SECRET, d2, published)).isFalse();
    }

    @Test
    void a_body_signed_in_the_escaped_unicode_form_passes_as_raw_utf8_and_as_escaped() throws IOException {
        String d3 = "sha256=7bbff8eb86b5de191f01b39c79bd0799a7f4348dd309654119f6d6f6bc93e1a5";
        String d4 = "sha256=a26bcec85e090f971d9aa17ed2cf06b7f8fcd4dbb2332b49c8a561b134e3d258";

        assertThat(MetaSignature.valid(SECRET, d3, fixture("meta-nonascii-body-utf8.bin"))).isTrue();
        assertThat(MetaSignature.valid(SECRET, d4, fixture("meta-nonascii-body-escaped.json"))).isTrue();
        assertThat(MetaSignature.valid(SECRET, d4, fixture("meta-nonascii-body-utf8.bin"))).isTrue();
        assertThat(MetaSignature.escaped(fixture("meta-nonascii-body-utf8.bin")))
                .isEqualTo(fixture("meta-nonascii-body-escaped.json"));
    }

    @Test
    void a_tampered_body_a_wrong_secret_or_a_malformed_header_is_refused() throws IOException {
        byte[] published = fixture("whatsapp-text.json");
        String d1 = "sha256=69360c741c3eae1ac96826307f4e7f7501d16d87e66019ca5d6e422e533d65f9";
        byte[] tampered = new String(published, StandardCharsets.UTF_8).replace("color", "colour")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(MetaSignature.valid(SECRET, d1, tampered)).isFalse();
        assertThat(MetaSignature.valid("another-secret", d1, published)).isFalse();
        assertThat(MetaSignature.valid(SECRET, null, published)).isFalse();
        assertThat(MetaSignature.valid(SECRET, d1.substring("sha256=".length()), published)).isFalse();
        assertThat(MetaSignature.valid(SECRET, "sha1=5b62500ee31a95ee27425af801453167e10fa70a", published)).isFalse();
        assertThat(MetaSignature.valid(SECRET, "sha256=" + "zz".repeat(32), published)).isFalse();
    }
}
