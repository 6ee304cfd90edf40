package org.saath.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.saath.config.SaathConfig;
import org.saath.report.ImpactReport;
import org.saath.store.Database;
import org.saath.store.ImpactStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code saath report}: the anonymous impact counts of the last days (UTC), small counts suppressed, as CSV or
 * JSON. See {@link ImpactReport} for the views.
 */
@Command(name = "report", description = "Anonymous impact counts (small counts shown as <k), as CSV or JSON.")
public final class ReportCommand implements Callable<Integer> {

    private static final Pattern DAYS = Pattern.compile("([1-9]\\d{0,3})d");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Mixin
    DataOptions data;

    @Option(names = "--since", defaultValue = "30d",
            description = "how many days back, today (UTC) included, e.g. 30d (default: ${DEFAULT-VALUE})")
    String since;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--partner", paramLabel = "ID", description = "only this partner's escalations and waits")
    String partner;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (default: stdout)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Matcher days = DAYS.matcher(since);
        if (!days.matches()) {
            throw new ParameterException(spec.commandLine(), "--since must be a number of days such as 30d");
        }
        if (!format.equals("csv") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format must be csv or json");
        }
        SaathConfig config = data.apply(options.load());
        LocalDate today = LocalDate.now(Clock.systemUTC().withZone(ZoneOffset.UTC));
        ImpactReport report;
        try (Database db = data.existingStore(config)) {
            report = ImpactReport.build(new ImpactStore(db), today.minusDays(Long.parseLong(days.group(1)) - 1),
                    today, config.report().minCount(), Optional.ofNullable(partner));
        }
        String text = format.equals("csv") ? report.csv()
                : new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.asMap())
                + "\n";
        if (out == null) {
            PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            stdout.print(text);
            stdout.flush();
        } else {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
        return 0;
    }
}
