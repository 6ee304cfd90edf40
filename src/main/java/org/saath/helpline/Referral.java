package org.saath.helpline;

import java.util.List;

/**
 * Every number a person may be shown for one need, all from their own country or the international fallbacks:
 * {@code lines} fitting the need (empty when the country has none for it), the country's {@code emergency} numbers
 * (or, where Saath knows none, 112 from a mobile phone, with {@code emergencyKnown} false), the
 * {@code international} directories for the need, how the country's crisis lines stand right now, and
 * {@code listening}: where no line of the country fits the need, its crisis line open now in the person's language (a
 * line that listens to anyone about anything), else empty.
 */
public record Referral(List<HelplineOffer> lines, List<HelplineOffer> emergency, boolean emergencyKnown,
                       List<HelplineOffer> international, CrisisCover crisis, List<HelplineOffer> listening) {

    /** How a country's crisis lines stand at a moment. */
    public enum CrisisCover {
        /** At least one crisis line is open now. */
        OPEN,
        /** No crisis line is known to be open, but some have hours nobody has confirmed: they may answer. */
        UNCONFIRMED,
        /** Every crisis line of the country is closed now. */
        CLOSED,
        /** Saath knows no crisis line for the country. */
        NONE
    }

    public Referral {
        lines = List.copyOf(lines);
        emergency = List.copyOf(emergency);
        international = List.copyOf(international);
        listening = List.copyOf(listening);
    }
}
