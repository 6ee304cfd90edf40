package org.saath.dialogue;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.saath.nlu.Analysis;
import org.saath.nlu.DistressDetector;
import org.saath.nlu.Gender;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;
import org.saath.rules.CrisisTemplates;
import org.saath.store.ConversationRow;

/**
 * What a turn's reply knows of the person from this message and from what the conversation remembers: the language
 * to answer in, the gender their own words marked, that of the person they wrote about, what they said, and whether
 * the conversation has had a crisis reply.
 */
final class PersonReading {

    /** The remembered topics of a death told: someone's, or a death by suicide. */
    private static final Set<String> LOSSES = Set.of("bereavement", "suicide_loss");

    private PersonReading() {
    }

    /**
     * The person as the reply should address them: the gender this message marks, else the one the conversation
     * remembers (so "main thak gayi hoon" keeps counting when the next message is "haan"); the same for the person
     * they write about; and whether the conversation's remembered peak was high before this message, so a second
     * disclosure gets a follow-up, not the first crisis reply again; and whether a death was told before this message
     * ({@code remembered}: the conversation's topic while it lasts); and the lines' country, and whether it is where
     * someone else is rather than the writer; and what the body needs first, where this message's words tell it.
     */
    static ReplyComposer.Person of(Analysis a, Optional<ConversationRow> conversation, Optional<String> remembered,
                                   ConversationRisk risk, String country, boolean linesElsewhere,
                                   boolean countryGuessed, Optional<String> firstAid, Instant now) {
        Gender gender = a.gender().self().or(Gender.fromCode(conversation.map(ConversationRow::personGender)
                .orElse(null)));
        Gender other = a.gender().other().or(Gender.fromCode(conversation.map(ConversationRow::otherGender)
                .orElse(null)));
        // a peak reached by a crisis told about someone else (answered for the helper) or by a death by suicide told
        // is not the person's own: their first own disclosure still gets the whole first crisis reply
        boolean crisisBefore = conversation.map(c -> risk.after(RiskLevel.NONE, RiskLevel.fromCode(c.peakRisk()),
                c.peakRiskAt(), now).atLeast(RiskLevel.HIGH) && !answeredAHelper(c) && !answeredALoss(c)).orElse(false);
        // a death told in an earlier message and still remembered: the condolences were said then
        boolean lossBefore = remembered.filter(LOSSES::contains).isPresent();
        return new ReplyComposer.Person(gender, other, a.categories(), crisisBefore, lossBefore, country,
                linesElsewhere, countryGuessed, firstAid);
    }

    /** Digits that stand for Arabic sounds in Latin letters (ع 3, ح 7, ق/ص 9, خ 5, ط 6). */
    private static final String ARABIC_SOUND_DIGITS = "35679";
    private static final Pattern ARABIC_SOUND_DIGIT = Pattern.compile("[" + ARABIC_SOUND_DIGITS + "]");
    private static final Pattern TRAILING_DIGITS = Pattern.compile("\\d+$");
    /**
     * A short word ending in one sound digit after a vowel ("ta3", "fo9", "ma3"): a sound, not a model's name ("ps5",
     * "mp3", "iphone7").
     */
    private static final Pattern VOWEL_THEN_SOUND_DIGIT = Pattern.compile("^[a-z]{0,2}[aeiou][" + ARABIC_SOUND_DIGITS
            + "]$");
    /** A number with a unit or an ordinal ("9am", "3rd", "5k"), not a word. */
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile(
            "\\d+(st|nd|rd|th|am|pm|s|k|x|h|hr|hrs|min|mins|kg|km|yo|yr|yrs)");

    /**
     * Arabic written in Latin letters with digits for Arabic sounds ("salam, ana m9ale9 bzaf", "ba3d el natayej",
     * "3ende 7bob"): the detector reads it as Roman Urdu or English, and a Moroccan in crisis was answered in Roman
     * Urdu (the s35 probe). Such a message is answered in Arabic; one word is enough, with a digit before one of its
     * letters: "gave my ps5 to my cousin" had been answered in Arabic (the s51 QA pass). A digit at a short word's end
     * after a vowel is a sound too ("ta3", "fo9": "rani fo9 el pont ta3 constantine" was answered in English, the s52
     * QA pass).
     */
    static boolean isArabizi(String text) {
        if (!hasSoundDigit(text)) {
            return false;       // most messages: no token to split, no pattern to run (every turn asks this)
        }
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\d]+")) {
            long letters = token.chars().filter(Character::isLetter).count();
            // a digit at a word's end only names a thing ("ps5", "mp3", "iphone 15"): one before a letter is a sound
            if (letters >= 2 && token.chars().allMatch(c -> c < 128)
                    && (ARABIC_SOUND_DIGIT.matcher(TRAILING_DIGITS.matcher(token).replaceFirst("")).find()
                        || VOWEL_THEN_SOUND_DIGIT.matcher(token).find())
                    && !NUMBER_WITH_UNIT.matcher(token).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSoundDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (ARABIC_SOUND_DIGITS.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the bot's last reply spoke to a helper about someone else's danger ({@link CrisisTemplates#TO_A_HELPER}).
     */
    static boolean answeredAHelper(ConversationRow conversation) {
        return CrisisTemplates.TO_A_HELPER.contains(lastTemplate(conversation));
    }

    /** Whether the bot's last reply was one of an emergency still going on ({@link CrisisTemplates#UNTIL_HELP_COMES}). */
    static boolean stillInAnEmergency(ConversationRow conversation) {
        return CrisisTemplates.UNTIL_HELP_COMES.contains(lastTemplate(conversation));
    }

    /** Whether the bot's last reply answered a death by suicide told: that death set the peak, not the writer. */
    private static boolean answeredALoss(ConversationRow conversation) {
        return lastTemplate(conversation).equals("suicide_loss");
    }

    /** The template of the bot's last reply: its reply id is "template#variant" ({@code ReplyText}). */
    private static String lastTemplate(ConversationRow conversation) {
        String last = String.valueOf(conversation.lastReply());
        int variant = last.indexOf('#');
        return variant < 0 ? last : last.substring(0, variant);
    }

    /**
     * The language to answer in: the one the person asked for ("english please"), else the one they asked for
     * earlier, else the message's; a short message in English or an unknown language keeps the conversation's
     * language ("ok", "thanks" should not switch a Roman Urdu chat to English), and so does one or two words in the
     * script Urdu and Arabic share in a chat in either («ضرور» in a Roman Urdu chat was answered in Arabic: the s39
     * probe). Arabic in Latin letters is answered in Arabic: digits for its sounds ({@link #isArabizi}), or words
     * the lexicon knows as Arabizi ("baddi mout", "nheb nmout", which the s35 probe saw answered in English).
     */
    static Language replyLanguage(Analysis a, String text, Optional<ConversationRow> conversation) {
        Optional<Language> asked = a.asksForLanguage();
        if (asked.isPresent()) {
            return asked.get();
        }
        Optional<String> preferred = conversation.map(ConversationRow::preferredLanguage);
        if (preferred.isPresent()) {
            return Language.fromCode(preferred.get());
        }
        if (a.language() != Language.AR && (isArabizi(text) || a.signals().contains(DistressDetector.ARABIZI))) {
            return Language.AR;
        }
        int words = text.trim().split("\\s+").length;
        boolean weak = a.language() == Language.OTHER || a.language() == Language.EN && words <= 3
                || arabicScript(a.language()) && words <= 2 && conversation.map(ConversationRow::language)
                        .filter(code -> !code.equals(Language.EN.code())).isPresent();
        if (weak && conversation.isPresent()) {
            return Language.fromCode(conversation.get().language());
        }
        return a.language() == Language.OTHER ? Language.EN : a.language();
    }

    /** Urdu and Arabic share a script: one or two words of it («ضرور», «جی») can be either. */
    private static boolean arabicScript(Language language) {
        return language == Language.AR || language == Language.UR;
    }
}
