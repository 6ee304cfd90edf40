package org.saath.training;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A model's reviewed figures, one a line, in a golden file: compared line by line, or rewritten with
 * {@code -Dgolden.update=true} (then review the diff before committing it).
 */
final class GoldenFigures {

    private GoldenFigures() {
    }

    static void check(Path golden, String actual, String what) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail(what + " evaluation differs from " + golden + " (- reviewed, + now):\n" + diff(expected, actual));
        }
    }

    private static String diff(String expected, String actual) {
        List<String> e = List.of(expected.split("\n"));
        List<String> a = List.of(actual.split("\n"));
        StringBuilder out = new StringBuilder();
        e.stream().filter(line -> !a.contains(line)).forEach(line -> out.append("- ").append(line).append('\n'));
        a.stream().filter(line -> !e.contains(line)).forEach(line -> out.append("+ ").append(line).append('\n'));
        return out.toString();
    }
}
