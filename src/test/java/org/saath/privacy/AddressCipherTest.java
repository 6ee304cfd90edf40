package org.saath.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Channel addresses are kept only sealed: AES-GCM, a fresh nonce each time, bound to the person they belong to. */
class AddressCipherTest {

    private final byte[] key = new byte[32];
    private final AddressCipher cipher;

    AddressCipherTest() {
        Arrays.fill(key, (byte) 7);
        cipher = new AddressCipher(key);
    }

    @Test
    void a_sealed_address_opens_for_its_person_and_shows_nothing_of_the_number() {
        SealedAddress sealed = cipher.seal("+923001234567", "whatsapp", "ref-1");

        assertThat(sealed.value()).doesNotContain("923001234567").startsWith("a1:");
        assertThat(cipher.open(sealed, "whatsapp", "ref-1")).isEqualTo("+923001234567");
    }

    @Test
    void the_same_address_sealed_twice_looks_different() {
        assertThat(cipher.seal("+923001234567", "whatsapp", "ref-1"))
                .isNotEqualTo(cipher.seal("+923001234567", "whatsapp", "ref-1"));
    }

    @Test
    void it_does_not_open_for_another_person_another_channel_or_another_key() {
        SealedAddress sealed = cipher.seal("+923001234567", "whatsapp", "ref-1");
        byte[] other = key.clone();
        other[0] = 8;

        assertThatThrownBy(() -> cipher.open(sealed, "whatsapp", "ref-2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "twilio", "ref-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressCipher(other).open(sealed, "whatsapp", "ref-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_tampered_ciphertext_does_not_open() {
        String sealed = cipher.seal("+923001234567", "whatsapp", "ref-1").value();
        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);

        assertThatThrownBy(() -> cipher.open(new SealedAddress(tampered), "whatsapp", "ref-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
