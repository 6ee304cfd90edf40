package org.saath.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Removes personal data from text before it is stored or logged, replacing each piece with its type so that
 * models can still learn from the context: {@code [URL]} (links can carry tokens), {@code [EMAIL]},
 * {@code [ADDRESS]} (house, street, gali, sector and block numbers, where detectable), {@code [CNIC]},
 * {@code [CARD]}, {@code [PHONE]}.
 *
 * <p>Phone numbers are found by libphonenumber (Pakistani and Gulf formats, with or without country code) and,
 * as a backstop, by any run of seven or more digits with the separators people type. Short service numbers
 * (1098, 988) are kept. Eastern Arabic digits are read as digits.
 */
public final class Redactor {

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s]+");
    private static final Pattern ADDRESS = Pattern.compile("(?iu)\\b(?:house|h|flat|plot|apartment|apt|makan|ghar)"
            + "\\s*(?:no\\.?|number|#|nmbr)?\\s*\\d+[a-z]?(?:[,\\s]+(?:street|st|gali|road|lane|block|sector)"
            + "\\s*(?:no\\.?|#)?\\s*[a-z]?-?\\d+[a-z]?)*"
            + "|\\b(?:street|gali|sector|block)\\s*(?:no\\.?|number|#)?\\s*[a-z]?-?\\d+[a-z]?"
            + "|(?:مکان|گلی|گھر|بلاک|سیکٹر)\\s*(?:نمبر)?\\s*\\d+");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.\\p{L}{2,}");
    private static final Pattern CNIC = Pattern.compile("(?<!\\d)\\d{5}[-‐–\\s]?\\d{7}[-‐–\\s]?\\d(?!\\d)");
    private static final Pattern CARD = Pattern.compile("(?<!\\d)(?:\\d[ -]?){15}\\d(?!\\d)");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\(?\\d(?:[\\s().\\-–/]{0,2}\\d){6,}");
    private static final String[] REGIONS = {"PK", "AE", "SA", "EG", "LB", "GB", "US"};

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    public String redact(String text) {
        String out = asciiDigits(text);
        out = URL.matcher(out).replaceAll("[URL]");
        out = EMAIL.matcher(out).replaceAll("[EMAIL]");
        out = ADDRESS.matcher(out).replaceAll("[ADDRESS]");
        out = CNIC.matcher(out).replaceAll("[CNIC]");
        out = CARD.matcher(out).replaceAll("[CARD]");
        for (String region : REGIONS) {
            out = replacePhones(out, region);
        }
        return replaceDigitRuns(out);
    }

    private String replacePhones(String text, String region) {
        StringBuilder sb = new StringBuilder();
        int last = 0;
        for (PhoneNumberMatch match : phones.findNumbers(text, region, PhoneNumberUtil.Leniency.POSSIBLE,
                Long.MAX_VALUE)) {
            if (match.rawString().replaceAll("\\D", "").length() < 7) {
                continue;
            }
            sb.append(text, last, match.start()).append("[PHONE]");
            last = match.end();
        }
        return last == 0 ? text : sb.append(text.substring(last)).toString();
    }

    private static String replaceDigitRuns(String text) {
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, "[PHONE]");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String asciiDigits(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0660' && c <= '\u0669') {
                sb.append((char) ('0' + c - '\u0660'));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                sb.append((char) ('0' + c - '\u06F0'));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
