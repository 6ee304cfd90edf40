package org.saath.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.saath.Components;
import org.saath.nlu.Analyser;
import org.saath.nlu.Analysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code saath classify}: one JSON line per input line, in order. Input that is not UTF-8, from a file or from
 * standard input alike, stops it with one line naming where it came from (exit 1), never a line classified with
 * replacement characters where the bytes were.
 */
@Command(name = "classify", description = "Classify one message per input line; print one JSON object per line.")
public final class ClassifyCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--input", paramLabel = "FILE", description = "read messages from FILE (default: stdin)")
    Path input;

    @Override
    public Integer call() throws Exception {
        Analyser analyser = Components.analyser(options.load());
        ObjectMapper json = new ObjectMapper();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        // a decoder of its own reports bad bytes, as Files.newBufferedReader does; a Charset given to the
        // InputStreamReader would replace them silently
        try (BufferedReader in = input == null
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8.newDecoder()))
                : Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(json.writeValueAsString(row(line, analyser.analyse(line))));
            }
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException((input == null ? "standard input" : input.toString())
                    + " is not valid UTF-8 text", e);
        }
        out.flush();
        return 0;
    }

    static Map<String, Object> row(String text, Analysis a) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("text", text);
        row.put("language", a.language().code());
        row.put("intent", a.intent().label());
        row.put("confidence", Math.round(a.confidence() * 1000) / 1000.0);
        row.put("risk", a.risk().code());
        row.put("signals", a.signals());
        return row;
    }
}
