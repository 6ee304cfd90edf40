package org.saath.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Components;
import org.saath.Sqlite;
import org.saath.TestComponents;
import org.saath.channel.InboundMessage;

/** What a person writes is stored only redacted, and their channel id never in the clear. */
class StoredTextPrivacyTest {

    @TempDir
    Path data;

    @Test
    void a_stored_turn_holds_no_phone_number_email_cnic_or_raw_user_id() throws IOException {
        Components components = TestComponents.components(data, TestComponents.PK_AFTERNOON);
        String userId = "+923331234567";

        components.turns().handle(new InboundMessage("whatsapp", userId, "wamid-1",
                "he keeps calling me from 0300-7654321, my email is sana.k@example.com and cnic 35202-1234567-1",
                Optional.of("PK")));

        assertThat(Sqlite.strings(data, "SELECT text_redacted FROM turns")).singleElement()
                .satisfies(text -> assertThat(text).contains("[PHONE]", "[EMAIL]", "[CNIC]")
                        .doesNotContain("7654321", "sana.k", "1234567"));
        assertThat(Sqlite.strings(data, "SELECT user_ref FROM conversations")).singleElement()
                .satisfies(ref -> assertThat(ref).doesNotContain("1234567").hasSize(64));
        assertThat(storeBytes()).doesNotContain("7654321", "sana.k@example.com", "35202-1234567-1", "3331234567");
    }

    @Test
    void delete_my_data_leaves_no_trace_in_the_store_files() throws IOException {
        Components components = TestComponents.components(data, TestComponents.PK_AFTERNOON);
        String userId = "+923339876543";
        String secret = "zafarabad blackmailer uncle";
        components.turns().handle(new InboundMessage("whatsapp", userId, "w-1", "my " + secret + " keeps threatening me",
                Optional.of("PK")));
        components.turns().handle(new InboundMessage("whatsapp", userId, "w-2", "can we make a safety plan",
                Optional.of("PK")));
        components.turns().handle(new InboundMessage("whatsapp", userId, "w-3", "when my secret diary gets opened",
                Optional.of("PK")));
        String userRef = Sqlite.strings(data, "SELECT user_ref FROM conversations").get(0);
        assertThat(storeBytes()).contains("zafarabad");

        components.turns().handle(new InboundMessage("whatsapp", userId, "w-4", "delete my data", Optional.of("PK")));

        for (String table : new String[] {"conversations", "turns", "processed_messages", "escalations",
                "safety_plans"}) {
            assertThat(Sqlite.count(data, table)).as(table).isZero();
        }
        assertThat(storeBytes()).doesNotContain("zafarabad", "blackmailer", "secret diary", userRef);
    }

    /** Every byte of the store's files (database, WAL, shared memory), not only what queries return. */
    private String storeBytes() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(data)) {
            for (Path file : files.toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }
}
