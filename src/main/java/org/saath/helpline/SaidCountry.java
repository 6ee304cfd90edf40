package org.saath.helpline;

import java.util.Optional;

/**
 * A country a person's own words named: where they are now ("I live in Dubai", «أنا ساكنة في عمّان الأردن», or
 * "is there a helpline in Egypt?"), or where they are from ("I'm from Egypt", «أنا مصرية»). Where they are now says
 * more than the channel knows; where they are from says more only than the deployment's default (a Pakistani in
 * Dubai is from Pakistan). Where someone else is ("my brother lives in Dubai") counts only for a message about that
 * someone's danger. See {@link CountryResolver}.
 */
public record SaidCountry(String country, How how) {

    /** What the words said of the country. */
    public enum How {
        /** The person is there now. */
        HERE,
        /**
         * The person asks for its lines ("helpline in Egypt?"): heard as {@link #HERE}, and remembered so.
         */
        ASKED,
        /**
         * The person asks for its lines for someone else ("is there a helpline in Dubai for my sister"): heard for
         * this message only.
         */
        ASKED_FOR_SOMEONE,
        /** The person is from there. */
        FROM,
        /**
         * The person is not there (any more): "I'm not in Pakistan anymore", «انا مو في السعودية الحين». A channel
         * or a default of that country gives way to "I don't know a line in your country" and the local emergency
         * number: its lines would not reach them.
         */
        NOT_HERE,
        /**
         * Someone else is there now ("my brother lives in Dubai", «اختي بدبي»): the lines of a message about their
         * danger ("… and he says he will kill himself tonight") are that country's, for this message only; it never
         * places the person.
         */
        THERE
    }

    public SaidCountry {
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("not a two-letter country code: " + country);
        }
    }

    /**
     * What a conversation knows after a message: where the person said they are replaces anything said before, and
     * where they are from replaces only an earlier "from" ("I live in Dubai… I'm from Lahore" stays in Dubai); where
     * they are not replaces anything but a place elsewhere ("I live in Dubai… I'm not in Pakistan" stays in Dubai);
     * lines asked for someone else, and where someone else is, change nothing.
     */
    public static Optional<SaidCountry> after(Optional<SaidCountry> earlier, Optional<SaidCountry> now) {
        if (now.isEmpty() || now.get().how() == How.ASKED_FOR_SOMEONE || now.get().how() == How.THERE
                || (now.get().how() == How.FROM && earlier.filter(s -> s.how() != How.FROM).isPresent())
                || (now.get().how() == How.NOT_HERE && earlier.filter(SaidCountry::isHere)
                        .filter(s -> !s.country().equals(now.get().country())).isPresent())) {
            return earlier;
        }
        return now.map(s -> s.how() == How.ASKED ? new SaidCountry(s.country(), How.HERE) : s);
    }

    /**
     * The country whose lines one message gets: as {@link #after}, but lines asked for someone else, and where
     * someone else is when the message is {@code aboutSomeoneElse}'s danger, count for this message.
     */
    public static Optional<SaidCountry> forMessage(Optional<SaidCountry> earlier, Optional<SaidCountry> now,
                                                   boolean aboutSomeoneElse) {
        return now.filter(s -> s.how() == How.ASKED_FOR_SOMEONE || s.how() == How.THERE && aboutSomeoneElse)
                .or(() -> after(earlier, now));
    }

    /** These words, heard as lines asked for someone else when they were asked for a place. */
    public SaidCountry askedForSomeone() {
        return how == How.ASKED ? new SaidCountry(country, How.ASKED_FOR_SOMEONE) : this;
    }

    /** Whether the words place the person there now (or ask for its lines). */
    public boolean isHere() {
        return how == How.HERE || how == How.ASKED || how == How.ASKED_FOR_SOMEONE;
    }

    /**
     * As stored: {@code here:AE}, {@code from:EG}, {@code not:PK} (a country asked for is stored as where the person
     * is; where someone else is is never stored, {@link #after}).
     */
    public String code() {
        if (how == How.THERE) {
            throw new IllegalStateException("where someone else is is not kept: " + country);
        }
        return (isHere() ? "here:" : how == How.NOT_HERE ? "not:" : "from:") + country;
    }

    /** The stored {@link #code()} read back; empty for null or a value this version does not know. */
    public static Optional<SaidCountry> fromCode(String code) {
        if (code == null || !code.matches("(here|from|not):[A-Z]{2}")) {
            return Optional.empty();
        }
        String country = code.substring(code.indexOf(':') + 1);
        return Optional.of(new SaidCountry(country, code.startsWith("here") ? How.HERE
                : code.startsWith("not") ? How.NOT_HERE : How.FROM));
    }
}
