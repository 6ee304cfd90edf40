package org.saath.privacy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Removes personal data from text before it is stored or logged, replacing each piece with its type so that
 * models can still learn from the context: {@code [URL]} (links can carry tokens or a person's handle, with or
 * without their scheme), {@code [NAME]} (a name where the person gives it: "my name is …"), {@code [EMAIL]},
 * {@code [ADDRESS]} (house, street, gali, sector and block numbers, where detectable), {@code [CNIC]},
 * {@code [CARD]}, {@code [PHONE]}.
 *
 * <p>Digits of every script (Eastern Arabic, Persian, Devanagari, fullwidth, …) and fullwidth punctuation are read
 * as ASCII first, so a number typed in any of them is found. A phone number is any run of seven or more digits
 * with the separators people type between them (spaces, dots, dashes, brackets, and the invisible direction marks
 * right-to-left keyboards add); short numbers (1098, 988, "20 pills") are kept. See {@link NumberRuns}.
 *
 * <p>Cost is linear in the text, whatever its shape: numbers and e-mail addresses are found by forward scans
 * ({@link NumberRuns}, {@link EmailScan}), addresses by a pattern tried only where an address word starts
 * ({@link AddressScan}), and links by a possessive pattern tried only when the text mentions one. A 16 KiB text
 * takes about a millisecond ({@code RedactorBenchmark}).
 */
public final class Redactor {

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S++");
    /**
     * A link typed without its scheme, a domain and a path: "instagram.com/name", "t.me/name", "wa.me/92300…". Tried
     * only where a word starts after a space, a bracket or a quote, so a long run of dots and letters is read once.
     */
    private static final Pattern BARE_LINK = Pattern.compile(
            "(?i)(?<![^\\s(\"'])(?:[a-z0-9-]++\\.)++[a-z]{2,}+/\\S++");

    /** The text with every piece of personal data found replaced by its type; digits come back as ASCII. */
    public String redact(String text) {
        String out = NumberRuns.normalise(text);
        String lower = out.toLowerCase(Locale.ROOT);
        if (lower.contains("http") || lower.contains("www.")) {
            out = URL.matcher(out).replaceAll("[URL]");
        }
        if (out.indexOf('/') >= 0 && out.indexOf('.') >= 0) {
            out = BARE_LINK.matcher(out).replaceAll("[URL]");
        }
        if (out.indexOf('@') >= 0) {
            out = EmailScan.replace(out, "[EMAIL]");
        }
        out = AddressScan.replace(out, "[ADDRESS]");
        out = NameScan.replace(out, "[NAME]");
        return NumberRuns.replace(out);
    }
}
