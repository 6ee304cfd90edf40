package org.saath.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.saath.Components;
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
 * {@code saath report}: the anonymous impact counts of the last whole days (UTC, up to yesterday), small counts
 * suppressed and the rest rounded, as CSV or JSON. See {@link ImpactReport} for the views.
 */
@Command(name = "report", description = "Anonymous impact counts of whole past days (small counts shown as <k, the "
        + "rest rounded to a multiple of k), as CSV or JSON.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Mixin
    DataOptions data;

    @Option(names = "--since", defaultValue = "30d",
            description = "how many whole days back, before today (UTC), e.g. 30d (default: ${DEFAULT-VALUE})")
    String since;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--partner", paramLabel = "ID", description = "only this partner's escalations and waits")
    String partner;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        int days = ImpactReport.days(since).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--since must be a number of days such as 30d"));
        if (!format.equals("csv") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format must be csv or json");
        }
        SaathConfig config = data.apply(options.load());
        LocalDate today = LocalDate.now(Clock.systemUTC().withZone(ZoneOffset.UTC));
        ImpactReport report;
        try (Database db = data.existingStore(config)) {
            ImpactStore counts = new ImpactStore(db);
            if (partner != null && !known(config, counts, partner)) {
                throw new IllegalArgumentException("no partner '" + partner + "' in the partners file, nor in the "
                        + "store's counts");
            }
            report = ImpactReport.lastDays(counts, days, today, config.report().minCount(),
                    Optional.ofNullable(partner));
        }
        String text = format.equals("csv") ? report.csv()
                : new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.asMap())
                + "\n";
        output.write(text);
        return 0;
    }

    /**
     * A partner of the deployment, or one taken out of the partners file whose escalations are still counted: a
     * mistyped id would otherwise give a report of zeros that reads as a partner nobody escalated to.
     */
    private static boolean known(SaathConfig config, ImpactStore counts, String partner) {
        return Components.partners(config).byId(partner).isPresent()
                || counts.escalations(LocalDate.EPOCH).stream().anyMatch(e -> partner.equals(e.cell().partner()))
                || counts.waits(LocalDate.EPOCH).stream().anyMatch(w -> partner.equals(w.cell().partner()));
    }
}
