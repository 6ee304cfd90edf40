package org.saath.web;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg}, with line breaks and other control characters escaped (a newline is written as
 * backslash-n, NEL as its escape, and so on): whatever a sender wrote can end up in a log message (a path, a
 * message id, an exception's text), and none of it can start a new line or reorder one on screen. Wired in
 * {@code logback.xml} as {@code %safeMsg}, so no call site has to remember it.
 */
public final class EscapedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return escape(super.convert(event));
    }

    /**
     * The text with CR, LF and every other C0/C1 control character, the Unicode line and paragraph separators and
     * the bidirectional controls written as escapes; everything else unchanged.
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(char c) {
        if (c == '\n') {
            return "\\n";
        }
        if (c == '\r') {
            return "\\r";
        }
        if (c == '\t') {
            return "\\t";
        }
        boolean unsafe = Character.isISOControl(c) || c == 0x2028 || c == 0x2029      // line, paragraph separators
                || c == 0x061C || c == 0x200E || c == 0x200F                             // direction marks
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;             // embeddings, isolates
        return unsafe ? String.format("\\u%04x", (int) c) : null;
    }
}
