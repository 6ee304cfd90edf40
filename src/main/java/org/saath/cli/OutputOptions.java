package org.saath.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.saath.store.OwnerOnlyFiles;
import picocli.CommandLine.Option;

/** The {@code --out FILE} option of the commands that print a report: the file, or stdout, in UTF-8. */
public final class OutputOptions {

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (default: stdout)")
    Path out;

    /** Writes {@code text} to the file, or prints it on stdout when none was given. */
    void write(String text) throws IOException {
        if (out == null) {
            PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            stdout.print(text);
            stdout.flush();
        } else {
            OwnerOnlyFiles.createOrRestrict(out);     // an export holds what people wrote, redacted
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
    }
}
