package org.saath.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.saath.Components;
import org.saath.helpline.HelplineDirectory;
import org.saath.helpline.HelplineDirectoryLoader;
import org.saath.helpline.HelplineOffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code saath helplines}: what Saath would offer for a topic in a country at a time, and the country's emergency
 * numbers, for the people who maintain the directory. Lines for a region or a group are shown only to people whose
 * words fit them, so they do not appear here.
 */
@Command(name = "helplines", description = "Show the helplines offered for a topic and country (at a time).")
public final class HelplinesCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--country", required = true, converter = CountryConverter.class,
            description = "ISO country code, e.g. PK")
    String country;

    @Option(names = "--topic", required = true, description = "a topic, e.g. cyberbullying, crisis, gbv")
    String topic;

    @Option(names = "--language", defaultValue = "en", converter = LanguageConverter.class,
            description = "en, ur, roman_ur or ar (default: en)")
    String language;

    @Option(names = "--at", description = "ISO time with offset, e.g. 2026-11-21T02:00+05:00 (default: now)")
    String at;

    @Option(names = "--limit", defaultValue = "5", converter = CountConverter.AtLeastOne.class,
            description = "at most this many lines (default: 5)")
    int limit;

    @Override
    public Integer call() {
        if (!HelplineDirectoryLoader.TOPICS.contains(topic)) {
            throw new ParameterException(spec.commandLine(), "unknown topic '" + topic + "'; known: "
                    + HelplineDirectoryLoader.TOPICS.stream().sorted().collect(Collectors.joining(", ")));
        }
        Instant when;
        try {
            when = at == null ? Clock.systemUTC().instant() : OffsetDateTime.parse(at).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--at must look like 2026-11-21T02:00+05:00");
        }
        HelplineDirectory directory = Components.helplines();
        List<HelplineOffer> offers = directory.match(Set.of(topic), country.toUpperCase(Locale.ROOT), language, when,
                limit);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("helplines for " + topic + " in " + country.toUpperCase(Locale.ROOT) + " at " + when);
        if (offers.isEmpty()) {
            out.println("  (none: the directory has no line for this topic and country; replies give the "
                    + "international directories)");
        }
        List<HelplineOffer> emergency = directory.emergency(country.toUpperCase(Locale.ROOT), when);
        out.println("emergency numbers: " + (emergency.isEmpty() ? "(none known: replies say \"your local "
                + "emergency number\" and that 112 may work from a mobile)" : emergency.stream()
                .map(o -> o.helpline().service() + " " + o.helpline().contacts().get(0).value()
                        + (o.helpline().verified() ? "" : " (not confirmed)"))
                .collect(Collectors.joining(", "))));
        for (HelplineOffer o : offers) {
            String status = o.openNow() == null ? "hours not confirmed"
                    : o.openNow() ? "open now" : "closed" + (o.nextOpening() == null ? "" : ", opens "
                    + o.nextOpening().atZone(o.helpline().zone().orElse(java.time.ZoneOffset.UTC)));
            out.printf("  %-34s %-10s %s%n      %s%n", o.helpline().id(), o.helpline().verified() ? "verified"
                    : "UNVERIFIED", status, o.helpline().contacts().stream().map(c -> c.type() + " " + c.value())
                    .collect(Collectors.joining(", ")));
        }
        return 0;
    }
}
