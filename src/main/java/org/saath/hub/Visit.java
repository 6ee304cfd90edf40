package org.saath.hub;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.saath.nlu.Language;

/**
 * Who is looking, as far as the hub knows: the country and language chosen in the address (no cookie, nothing
 * stored). Every link carries both, so a choice holds from page to page.
 */
record Visit(String country, Language language) {

    /** {@code path} with this visit's country and language. */
    String href(String path) {
        return path + "?country=" + URLEncoder.encode(country, StandardCharsets.UTF_8) + "&lang=" + language.code();
    }

    /** The same page in another language. */
    Visit in(Language other) {
        return new Visit(country, other);
    }

    boolean rightToLeft() {
        return language == Language.UR || language == Language.AR;
    }

    /** The BCP 47 tag of the page's language: Roman Urdu is Urdu in Latin letters. */
    String tag() {
        return language == Language.ROMAN_UR ? "ur-Latn" : language.code();
    }
}
