package org.saath.channel;

/**
 * How many SMS segments a text costs, by GSM 03.38 / 3GPP TS 23.038: a text written only in the GSM-7 alphabet takes
 * 160 characters in one segment and 153 per segment when split (the extension characters such as {@code €[]{}}
 * count twice); any other character (a "•", a curly quote, Urdu or Arabic) makes the whole text UCS-2, with 70 UTF-16
 * code units in one segment and 67 per segment when split. Saath writes Latin-script replies in GSM-7 at the source,
 * so an English or Roman Urdu crisis reply is not doubled in cost by one bullet.
 */
public final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    /** Whether every character of {@code text} is in the GSM-7 alphabet (basic or extension table). */
    public static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
    }

    /** The first character of {@code text} that forces UCS-2, or -1 when it is all GSM-7. */
    public static int firstNonGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return i;
            }
        }
        return -1;
    }

    /** The septets {@code text} takes in GSM-7 (an extension character takes two). */
    public static int septets(String text) {
        return text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
    }

    /** The segments one SMS of {@code text} takes (at least 1). */
    public static int of(String text) {
        boolean gsm = isGsm7(text);
        int units = gsm ? septets(text) : text.length();
        int single = gsm ? 160 : 70;
        int multi = gsm ? 153 : 67;
        return units <= single ? 1 : (units + multi - 1) / multi;
    }
}
