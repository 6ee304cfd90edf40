package org.saath.hub;

/** Escaping for the hub's server-written pages: every piece of text and every attribute value goes through here. */
final class Html {

    private Html() {
    }

    /** {@code s} safe as element text and as a double-quoted attribute value. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A number or address kept left to right inside right-to-left text. */
    static String ltr(String s) {
        return "<bdi dir=\"ltr\">" + esc(s) + "</bdi>";
    }
}
