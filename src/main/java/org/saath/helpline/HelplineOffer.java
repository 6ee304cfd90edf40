package org.saath.helpline;

import java.time.Instant;

/**
 * A helpline as offered in one reply: whether it is open at the time of the reply ({@code null}: hours not
 * known) and, when it is closed, when it opens next ({@code null} otherwise).
 */
public record HelplineOffer(Helpline helpline, Boolean openNow, Instant nextOpening) {

    public static HelplineOffer at(Helpline helpline, Instant now) {
        Boolean open = helpline.openAt(now).orElse(null);
        return new HelplineOffer(helpline, open,
                Boolean.FALSE.equals(open) ? helpline.nextOpening(now).orElse(null) : null);
    }

    public boolean isOpen() {
        return Boolean.TRUE.equals(openNow);
    }
}
