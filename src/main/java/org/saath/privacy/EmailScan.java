package org.saath.privacy;

/**
 * E-mail addresses found from each {@code @} outwards, in one pass: the local part is the run of letters, marks,
 * digits and {@code ._%+-} before it; the domain is the run of letters, marks, digits, dots and dashes after it, up
 * to its last dot that two or more letters follow (what {@code [\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.\p{L}{2,}} matches,
 * without the pattern's quadratic search). Runs between two {@code @} never overlap, so each character is looked at
 * a bounded number of times.
 */
final class EmailScan {

    private EmailScan() {
    }

    static String replace(String text, String placeholder) {
        StringBuilder out = null;
        int copied = 0;
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > copied && isLocal(text.charAt(start - 1))) {
                start--;
            }
            int end = start == at ? -1 : domainEnd(text, at + 1);
            if (end < 0) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, start).append(placeholder);
            copied = end;
            at = end - 1;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** Where the address ends when a valid domain starts at {@code from}, else -1. */
    private static int domainEnd(String text, int from) {
        int run = from;
        while (run < text.length() && isDomain(text.charAt(run))) {
            run++;
        }
        for (int dot = run - 3; dot > from; dot--) {
            if (text.charAt(dot) == '.' && Character.isLetter(text.charAt(dot + 1))
                    && Character.isLetter(text.charAt(dot + 2))) {
                int end = dot + 3;
                while (end < run && Character.isLetter(text.charAt(end))) {
                    end++;
                }
                return end;
            }
        }
        return -1;
    }

    private static boolean isLocal(char c) {
        return isWordChar(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomain(char c) {
        return isWordChar(c) || c == '.' || c == '-';
    }

    private static boolean isWordChar(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        int type = Character.getType(c);
        return Character.isLetter(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
