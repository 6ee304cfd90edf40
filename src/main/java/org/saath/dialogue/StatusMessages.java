package org.saath.dialogue;

import java.time.Clock;
import java.util.List;

import org.saath.escalation.StatusTexts;
import org.saath.helpline.HelplineDirectory;
import org.saath.helpline.HelplineOffer;
import org.saath.nlu.Language;

/**
 * The desk's status notes rendered from the reply templates. A note that must carry a crisis line gets the best
 * crisis line of the person's own country that is open now (never another country's), or, where none is open, the
 * honest "no open line" text pointing to local emergency services.
 */
public final class StatusMessages implements StatusTexts {

    private final ReplyRenderer renderer;
    private final HelplineDirectory helplines;
    private final Clock clock;
    private final String legacyCountry;

    /** @param legacyCountry only for escalations recorded before they carried the person's country */
    public StatusMessages(ReplyRenderer renderer, HelplineDirectory helplines, Clock clock, String legacyCountry) {
        this.renderer = renderer;
        this.helplines = helplines;
        this.clock = clock;
        this.legacyCountry = legacyCountry;
    }

    @Override
    public String text(String template, String language) {
        return renderer.text(template, Language.fromCode(language));
    }

    @Override
    public String withCrisisLine(String template, String language, String country) {
        Language lang = Language.fromCode(language);
        List<HelplineOffer> line = helplines.openCrisisLine(country == null ? legacyCountry : country, language,
                clock.instant()).map(List::of).orElse(List.of());
        List<String> extra = line.isEmpty() ? List.of(renderer.text("no_open_line", lang)) : List.of();
        return renderer.render(template, lang, line, extra).text();
    }
}
