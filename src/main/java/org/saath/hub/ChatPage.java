package org.saath.hub;

import java.time.Instant;
import java.util.List;

import org.saath.nlu.Language;

/**
 * The web chat's page: what the chat is (an automated assistant; who may join; what is removed before storing), the
 * conversation as a live region, a labelled message box, and "delete my data". The script ({@code hub.js}) shows the
 * chat only when it can run it; without it the page says so and points to the lines.
 */
final class ChatPage {

    /** The words the script needs, handed to it as data attributes of the chat. */
    private static final List<String> SCRIPT_WORDS = List.of("chat-you", "chat-bot", "chat-counsellor",
            "chat-sending", "chat-failed", "chat-busy", "chat-deleted", "chat-delete-phrase",
            "contact-phone");

    private final HubParts hub;
    private final PageFrame frame;

    ChatPage(HubParts hub, PageFrame frame) {
        this.hub = hub;
        this.frame = frame;
    }

    String page(Visit v, Instant now) {
        Language l = v.language();
        StringBuilder main = new StringBuilder("<p class=\"crumb\"><a href=\"").append(Html.esc(v.href("/help")))
                .append("\">").append(word("all-help", l)).append("</a></p><h1>").append(word("chat", l))
                .append("</h1><p class=\"lead\">").append(word("chat-intro", l))
                .append("</p><noscript><p class=\"notice\">")
                .append(word("chat-noscript", l)).append("</p></noscript><section id=\"chatbox\" class=\"chat\" hidden")
                .append(" data-country=\"").append(Html.esc(v.country())).append('"');
        for (String key : SCRIPT_WORDS) {
            main.append(" data-").append(key).append("=\"").append(word(key, l)).append('"');
        }
        main.append("><div role=\"log\" aria-live=\"polite\" aria-label=\"").append(word("chat-log", l))
                .append("\"><ol id=\"log\" class=\"log\"></ol></div><form id=\"send\" class=\"send\"><label for=\"text\">")
                .append(word("chat-label", l)).append("</label><textarea id=\"text\" name=\"text\" rows=\"3\" ")
                .append("maxlength=\"4000\" required dir=\"auto\"></textarea><button type=\"submit\">")
                .append(word("chat-send", l)).append("</button></form><p id=\"state\" class=\"state\" role=\"status\">")
                .append("</p><p><button type=\"button\" id=\"forget\" class=\"quiet\">").append(word("chat-delete", l))
                .append("</button></p></section>");
        return frame.page(v, "/help/chat", hub.text().word("chat", l), main.toString(), TopicPages.sos(hub, v, now),
                true);
    }

    private String word(String key, Language l) {
        return Html.esc(hub.text().word(key, l));
    }
}
