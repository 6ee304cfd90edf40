package org.saath.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The partners file is checked at start, so that nothing in it fails later in a person's turn. */
class PartnerDirectoryTest {

    private static PartnerDirectory load(String id) {
        String yaml = """
                partners:
                  - {id: %s, name: A, countries: [PK], capacity: 1, api-key-sha256: %s}
                """.formatted(id, PartnerDirectory.sha256("a-key-0123456789"));
        return PartnerDirectory.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "partners.yaml");
    }

    /** PostgreSQL refused a partner id longer than its column at the first offer, in a turn: refuse it at start. */
    @Test
    void a_partner_id_longer_than_the_store_keeps_is_refused_at_start() {
        assertThat(load("p".repeat(64)).byId("p".repeat(64))).isPresent();
        assertThatThrownBy(() -> load("p".repeat(65))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partners.yaml").hasMessageContaining("id must be 1-64");
    }
}
