package org.saath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Main;
import org.saath.TestComponents;

/**
 * QA s41 #7: a file that is missing, not UTF-8 or not the shape a command reads is a data error, exit 1 with one
 * line that says what is wrong with which file, never only a path, a decoder's "Input length = 1" or a Jackson
 * message with Java class names.
 */
class DataErrorsTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path dir;

    @Test
    void a_missing_input_file_is_named_as_missing() {
        Path missing = dir.resolve("nonexistent.txt");

        assertThat(Main.execute("classify", "--input", missing.toString())).isEqualTo(1);
        assertThat(streams.err()).hasLineCount(1).isEqualTo("saath: no such file: " + missing + "\n");
    }

    @Test
    void a_missing_output_folder_is_named_as_missing() throws Exception {
        Path data = dir.resolve("data");
        TestComponents.components(data, Instant.now()).database().close();
        Path nowhere = dir.resolve("nodir");

        assertThat(Main.execute("export", "--data", data.toString(), "--out", nowhere.resolve("x.tsv").toString()))
                .isEqualTo(1);
        assertThat(Main.execute("report", "--data", data.toString(), "--out", nowhere.resolve("r.csv").toString()))
                .isEqualTo(1);
        assertThat(streams.err()).hasLineCount(2).isEqualTo(("saath: no such folder: " + nowhere + "\n").repeat(2));
    }

    @Test
    void a_file_that_is_not_utf8_says_so() throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});

        assertThat(Main.execute("classify", "--input", latin1.toString())).isEqualTo(1);
        assertThat(streams.err()).isEqualTo("saath: " + latin1 + " is not valid UTF-8 text\n");
    }

    /**
     * Standard input that is not UTF-8 was classified with U+FFFD in place of the bad bytes (exit 0),
     * while the same bytes in a file were refused: it is refused the same way, naming standard input.
     */
    @Test
    void standard_input_that_is_not_utf8_says_so_as_a_file_does() {
        streams.input(new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});

        assertThat(Main.execute("classify")).isEqualTo(1);
        assertThat(streams.err()).isEqualTo("saath: standard input is not valid UTF-8 text\n");
        assertThat(streams.out()).as("nothing classified").isEmpty();
    }

    @Test
    void replay_of_a_script_with_an_unknown_key_names_the_key_where_it_is_and_the_line() throws Exception {
        Path script = Files.writeString(dir.resolve("script.yaml"), """
                name: a typo
                country: PK
                at: 2026-11-21T10:00:00+05:00
                turns:
                  - user: "hello"
                    expect: {nosuchkey: 1}
                """);

        assertThat(Main.execute("replay", script.toString())).isEqualTo(1);
        assertThat(streams.err()).hasLineCount(1)
                .isEqualTo("saath: " + script + ": unknown key 'nosuchkey' in turns[0].expect (line 6)\n");
    }

    @Test
    void replay_of_an_empty_script_or_one_without_its_time_says_what_is_missing() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "# nothing yet\n");
        Path timeless = Files.writeString(dir.resolve("timeless.yaml"), """
                name: no time
                country: PK
                turns:
                  - user: "hello"
                """);
        Path wrongType = Files.writeString(dir.resolve("wrong.yaml"), """
                name: turns as text
                country: PK
                at: 2026-11-21T10:00:00+05:00
                turns: hello
                """);

        assertThat(Main.execute("replay", empty.toString())).isEqualTo(1);
        assertThat(Main.execute("replay", timeless.toString())).isEqualTo(1);
        assertThat(Main.execute("replay", wrongType.toString())).isEqualTo(1);
        assertThat(streams.err()).hasLineCount(3).isEqualTo("saath: " + empty + " is empty\n"
                + "saath: " + timeless + ": 'at' is missing\n"
                + "saath: " + wrongType + ": turns must be a list (line 4)\n");
    }

    /** A URL the client cannot use is an option value like any other: a usage error naming the option. */
    @Test
    void health_with_a_url_that_is_not_http_is_a_usage_error() {
        assertThat(Main.execute("health", "--url", "notaurl")).isEqualTo(2);
        assertThat(streams.err()).hasLineCount(1).contains("--url", "http://", "notaurl")
                .doesNotContain("undefined scheme");
    }
}
