package org.saath.channel.twilio;

import java.util.List;
import java.util.Map;

import org.saath.channel.SmsSegments;
import org.saath.channel.TextParts;

/**
 * How a reply becomes SMS: Latin text is kept in the GSM-7 alphabet where a look-alike exists (a "•" or a curly
 * quote would otherwise turn the whole message into UCS-2 and more than double its segments), then split into a few
 * messages of at most {@value #SEGMENTS_PER_MESSAGE} segments each, at line, sentence or word boundaries and never
 * inside a phone number. A GSM-7 segment holds 160 characters alone or 153 in a longer message (the extension
 * characters such as {@code €[]{}} count twice); a UCS-2 segment, which every Urdu and Arabic text needs, holds 70
 * UTF-16 code units alone or 67 in a longer message. Beyond {@value #MAX_MESSAGES} messages the text is shortened
 * at a word boundary: replies lead with their helplines, so what is cut is the end.
 */
public final class SmsText {

    /** Segments per message: phones show a concatenated message as one, and each segment is billed. */
    static final int SEGMENTS_PER_MESSAGE = 4;
    static final int MAX_MESSAGES = 5;

    private static final Map<Character, String> LOOK_ALIKES = Map.ofEntries(Map.entry('•', "-"),
            Map.entry('‘', "'"), Map.entry('’', "'"), Map.entry('“', "\""), Map.entry('”', "\""),
            Map.entry('–', "-"), Map.entry('—', "-"), Map.entry('…', "..."), Map.entry('\u00a0', " "),
            Map.entry('\t', " "));

    private SmsText() {
    }

    /** The messages to send for {@code text}, in order. */
    public static List<String> messages(String text) {
        String sms = gsmWherePossible(text);
        boolean gsm = isGsm(sms);
        int perMessage = gsm ? 153 * SEGMENTS_PER_MESSAGE : 67 * SEGMENTS_PER_MESSAGE;
        List<String> parts = TextParts.split(sms, perMessage, s -> units(s, gsm));
        if (parts.size() <= MAX_MESSAGES) {
            return parts;
        }
        List<String> kept = new java.util.ArrayList<>(parts.subList(0, MAX_MESSAGES - 1));
        String last = parts.get(MAX_MESSAGES - 1);
        kept.add(TextParts.split(last, perMessage - 3, s -> units(s, gsm)).get(0) + "...");
        return kept;
    }

    /** {@code text} with look-alikes replaced, when that makes all of it GSM-7; otherwise unchanged. */
    static String gsmWherePossible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(LOOK_ALIKES.getOrDefault(c, String.valueOf(c)));
        }
        return isGsm(out.toString()) ? out.toString() : text;
    }

    static boolean isGsm(String text) {
        return SmsSegments.isGsm7(text);
    }

    /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
    static int units(String text, boolean gsm) {
        return gsm ? SmsSegments.septets(text) : text.length();
    }

    /** How many segments one message of {@code text} takes. */
    static int segments(String text) {
        return SmsSegments.of(text);
    }
}
