package org.saath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saath.Main;

/**
 * An option value the command cannot use is a usage error: exit 2 and one line naming the option and what it takes,
 * before any work starts (no corpus loaded, no store opened), never a Java class name.
 */
class UsageErrorsTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path dir;

    /**
     * QA s41 #6: each of these was exit 1 with Java internals, exit 0 ignoring the value, or started training.
     * {@code NONE} is a folder that is not there: were the value let through, the command would stop at once with
     * exit 1 rather than train or read anything.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "train --model bogus --heldout NONE                   | --model      | all, intent, risk",
        "train --iterations -5 --heldout NONE                 | --iterations | 1 or more",
        "train --folds 0 --heldout NONE                       | --folds      | 2 or more",
        "train --folds 1 --heldout NONE                       | --folds      | 2 or more",
        "helplines --country PK --topic crisis --limit -1     | --limit      | 1 or more",
        "helplines --country PK --topic crisis --limit 0      | --limit      | 1 or more",
        "helplines --country PK --topic crisis --limit many   | --limit      | whole number",
        "helplines --country PK --topic crisis --language fr  | --language   | en, ur, roman_ur, ar",
        "export --limit 0 --data NONE                         | --limit      | 1 or more",
        "export --limit -3 --data NONE                        | --limit      | 1 or more",
        "health --timeout 5                                   | --timeout    | PT5S",
        "health --timeout PT0S                                | --timeout    | PT5S",
    })
    void a_value_the_option_cannot_take_is_a_usage_error_naming_the_option(String command, String option,
                                                                          String allowed) {
        String[] args = command.replace("NONE", dir.resolve("none").toString()).split(" ");

        int code = Main.execute(args);

        assertThat(code).as(streams.err()).isEqualTo(2);
        assertThat(streams.err()).hasLineCount(1).contains(option).contains(allowed)
                .doesNotContain("java.", "org.saath", "Exception");
    }

    @Test
    void the_documented_values_still_work() {
        assertThat(Main.execute("helplines", "--country", "PK", "--topic", "crisis", "--language", "ur", "--limit",
                "1")).isZero();
        assertThat(streams.out()).contains("pk-umang");
        assertThat(Main.execute("train", "--model", "RISK", "--heldout", dir.resolve("none").toString()))
                .as("a known model in any case gets as far as the held-out check").isEqualTo(1);
        assertThat(streams.err()).contains("held-out folder");
    }
}
