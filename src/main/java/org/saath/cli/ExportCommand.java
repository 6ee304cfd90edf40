package org.saath.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.saath.nlu.TextNormaliser;
import org.saath.store.Database;
import org.saath.store.JdbcConversationStore;
import org.saath.training.LabellingExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code saath export}: stored turns for labelling, most useful first, as TSV
 * ({@code suggested_label, confidence, risk, language, text, turn_ref}); redacted text only.
 */
@Command(name = "export", description = "Export stored turns for labelling (redacted), most useful first.")
public final class ExportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Mixin
    DataOptions data;

    @Option(names = "--since", defaultValue = "7d", description = "how far back, e.g. 7d, 24h (default: ${DEFAULT-VALUE})")
    String since;

    @Option(names = "--limit", defaultValue = "500", converter = CountConverter.AtLeastOne.class,
            description = "at most this many rows (default: ${DEFAULT-VALUE})")
    int limit;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        Duration window = window(since);
        List<String> lines;
        try (Database db = data.existingStore(options.load())) {
            lines = new LabellingExport(new TextNormaliser())
                    .lines(new JdbcConversationStore(db).turnsSince(Clock.systemUTC().instant().minus(window)), limit);
        }
        output.write(lines.stream().map(line -> line + System.lineSeparator()).collect(Collectors.joining()));
        if (output.out != null) {
            System.err.println("wrote " + (lines.size() - 1) + " rows to " + output.out);
        }
        return 0;
    }

    private Duration window(String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([dh])").matcher(value);
        if (!m.matches()) {
            throw new ParameterException(spec.commandLine(), "--since must look like 7d or 24h");
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n);
    }
}
