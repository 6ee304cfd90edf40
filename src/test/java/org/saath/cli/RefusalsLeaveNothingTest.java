package org.saath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Main;
import org.saath.TestComponents;

/**
 * QA s41 #12 and #15: a refused command leaves nothing behind (no new empty store), a partner nobody knows is
 * refused rather than answered with an empty list, and an empty user id is a usage error, not "nothing stored".
 */
class RefusalsLeaveNothingTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path dir;

    private String config;
    private Path data;

    @BeforeEach
    void deployment_with_one_partner() throws Exception {
        Path partners = Files.writeString(dir.resolve("partners.yaml"), """
                partners:
                  - {id: partner-a, name: Partner A, countries: [PK], capacity: 2,
                     api-key-sha256: 0000000000000000000000000000000000000000000000000000000000000000}
                """);
        config = Files.writeString(dir.resolve("saath.yaml"), "partners-file: " + partners + "\n"
                + "console: {password-cost: 4}\n").toString();
        data = dir.resolve("data");
    }

    @Test
    void counsellors_commands_that_are_refused_create_no_store() {
        assertThat(Main.execute("counsellors", "add", "--config", config, "--data", data.toString(), "--partner",
                "p1", "--login", "ali")).isEqualTo(1);
        assertThat(Main.execute("counsellors", "list", "--config", config, "--data", data.toString())).isEqualTo(1);
        assertThat(Main.execute("counsellors", "disable", "--config", config, "--data", data.toString(), "--login",
                "ali")).isEqualTo(1);

        assertThat(streams.err()).hasLineCount(3).contains("no partner 'p1' in the partners file")
                .contains("no Saath store at " + data.toAbsolutePath().resolve("saath.db"));
        assertThat(data).as("nothing left behind").doesNotExist();
    }

    /**
     * QA s41 #12, what was left of it: {@code counsellors add} for a known partner with a login or a password it
     * cannot take was refused only once the store had been made, and left a new {@code data/saath.db} behind.
     */
    @Test
    void counsellors_add_with_a_login_or_password_it_cannot_take_creates_no_store() {
        assertThat(Main.execute("counsellors", "add", "--config", config, "--data", data.toString(), "--partner",
                "partner-a", "--login", "bad login!")).isEqualTo(1);
        streams.input("short\n");
        assertThat(Main.execute("counsellors", "add", "--config", config, "--data", data.toString(), "--partner",
                "partner-a", "--login", "sara", "--password-stdin")).isEqualTo(1);
        streams.input("");
        assertThat(Main.execute("counsellors", "add", "--config", config, "--data", data.toString(), "--partner",
                "partner-a", "--login", "sara", "--password-stdin")).isEqualTo(1);

        assertThat(streams.err()).hasLineCount(3).contains("saath: login must be 3-64 of a-z")
                .contains("saath: password must be 12 characters or more");
        assertThat(data).as("nothing left behind").doesNotExist();
        assertThat(Main.execute("counsellors", "add", "--config", config, "--data", data.toString(), "--partner",
                "partner-a", "--login", "Sara")).as("a login it can take still makes the first store").isZero();
        assertThat(data.resolve("saath.db")).isRegularFile();
    }

    @Test
    void counsellors_list_of_a_partner_nobody_knows_says_so() {
        assertThat(Main.execute("counsellors", "add", "--config", config, "--data", data.toString(), "--partner",
                "partner-a", "--login", "sara")).as("the first counsellor still makes the store").isZero();

        assertThat(Main.execute("counsellors", "list", "--config", config, "--data", data.toString(), "--partner",
                "nosuch")).isEqualTo(1);
        assertThat(streams.err()).hasLineCount(1).contains("no partner 'nosuch'");
        streams.clear();
        assertThat(Main.execute("counsellors", "list", "--config", config, "--data", data.toString(), "--partner",
                "partner-a")).isZero();
        assertThat(streams.out()).contains("partner-a\tsara");
    }

    @Test
    void report_for_a_partner_nobody_knows_says_so() throws Exception {
        TestComponents.components(data, Instant.now()).database().close();

        assertThat(Main.execute("report", "--config", config, "--data", data.toString(), "--partner", "nosuch"))
                .isEqualTo(1);
        assertThat(streams.err()).hasLineCount(1).contains("no partner 'nosuch'");
        assertThat(Main.execute("report", "--config", config, "--data", data.toString(), "--partner", "partner-a"))
                .as("a partner of the deployment with nothing in the period gets its zeros").isZero();
    }

    @Test
    void forget_with_an_empty_user_is_a_usage_error() {
        assertThat(Main.execute("forget", "--user", "", "--data", data.toString())).isEqualTo(2);
        assertThat(Main.execute("forget", "--user", "  ", "--data", data.toString())).isEqualTo(2);
        assertThat(streams.err()).hasLineCount(2).contains("--user");
    }
}
