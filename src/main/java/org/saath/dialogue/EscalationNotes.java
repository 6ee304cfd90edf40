package org.saath.dialogue;

import java.time.Clock;
import java.util.Set;

import org.saath.escalation.StatusTexts;
import org.saath.helpline.Need;
import org.saath.helpline.Referral;
import org.saath.helpline.Referrals;
import org.saath.nlu.Language;

/**
 * The notes a person gets about their escalation (a counsellor joined, left, none could come), with numbers found
 * the same way as a reply's, through {@link Referrals}: the crisis lines of the escalation's own country that stand
 * now, or, where none is open, the truth about them with the emergency numbers first (and the international
 * directories where the country has no line at all). An escalation recorded before escalations kept the person's
 * country gets no national number at all, only the international fallbacks: a guess could be the wrong country.
 */
public final class EscalationNotes implements StatusTexts {

    private static final Set<String> CRISIS_TOPICS = Set.of("crisis", "suicide");

    private final ReplyComposer composer;
    private final Referrals referrals;
    private final Clock clock;

    public EscalationNotes(ReplyComposer composer, Referrals referrals, Clock clock) {
        this.composer = composer;
        this.referrals = referrals;
        this.clock = clock;
    }

    @Override
    public String text(String template, String language) {
        Language lang = language(language);
        return composer.note(template, lang, referral("", lang), false);
    }

    @Override
    public String withCrisisLine(String template, String language, String country) {
        Language lang = language(language);
        return composer.note(template, lang, referral(country == null ? "" : country, lang), true);
    }

    private Referral referral(String country, Language language) {
        return referrals.find(Need.of(CRISIS_TOPICS, country, language.code()), clock.instant());
    }

    private static Language language(String code) {
        return Language.supported(code == null ? "" : code).orElse(Language.EN);
    }
}
