package org.saath.channel.telegram;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.saath.web.BadRequestException;

/**
 * Reads one Telegram update: a {@code message} or {@code edited_message} in a private chat (text, or a voice note,
 * audio, document, photo, sticker or video as media, with its caption), or a {@code callback_query} from one of
 * Saath's buttons, whose data is the answer the person tapped. Group chats and every other kind of update are
 * skipped: Saath talks with one person at a time. Unknown fields are ignored; Telegram adds them often.
 */
final class TelegramUpdate {

    private static final List<String> MEDIA = List.of("voice", "audio", "document", "photo", "sticker", "video",
            "video_note", "animation", "location", "contact");

    /** What a person sent: who, in which chat, and the callback to acknowledge when they tapped a button. */
    record Incoming(long updateId, String userId, String chatId, Instant at, String text, boolean media,
                    Optional<String> callbackId, boolean forwarded, Optional<String> answering, boolean edited) {
    }

    /** Between a button's question tag and its words in the callback data. */
    static final String QUESTION_SEPARATOR = "|";
    private static final Pattern TAGGED = Pattern.compile("([0-9a-f]{8})\\|(.+)", Pattern.DOTALL);

    private TelegramUpdate() {
    }

    static Optional<Incoming> parse(JsonNode update, Instant now) {
        if (update == null || !update.isObject() || !update.path("update_id").canConvertToLong()) {
            throw new BadRequestException("body must be a Telegram update with an update_id");
        }
        long updateId = update.get("update_id").asLong();
        boolean edited = !update.has("message");
        JsonNode message = edited ? update.path("edited_message") : update.get("message");
        if (message.isObject()) {
            return fromMessage(updateId, message, edited, now);
        }
        JsonNode callback = update.path("callback_query");
        if (callback.isObject() && callback.path("from").path("id").canConvertToLong()
                && callback.path("data").isTextual()) {
            String user = callback.path("from").path("id").asText();
            JsonNode chat = callback.path("message").path("chat");
            if (chat.isObject() && !"private".equals(chat.path("type").asText())) {
                return Optional.empty();
            }
            String chatId = chat.path("id").canConvertToLong() ? chat.path("id").asText() : user;
            // "1a2b3c4d|Yes": the tag of the question the button belonged to, then its words (a button sent before
            // the tags were: the words alone)
            Matcher tagged = TAGGED.matcher(callback.path("data").asText());
            boolean hasTag = tagged.matches();
            return Optional.of(new Incoming(updateId, user, chatId, now, hasTag ? tagged.group(2)
                    : callback.path("data").asText(), false, Optional.of(callback.path("id").asText()), false,
                    hasTag ? Optional.of(tagged.group(1)) : Optional.empty(), false));
        }
        return Optional.empty();
    }

    private static Optional<Incoming> fromMessage(long updateId, JsonNode message, boolean edited, Instant now) {
        JsonNode chat = message.path("chat");
        JsonNode from = message.path("from");
        if (!"private".equals(chat.path("type").asText()) || !chat.path("id").canConvertToLong()
                || !from.path("id").canConvertToLong()) {
            return Optional.empty();
        }
        // a date Telegram could not have sent (before 1970, or past tomorrow) counts as now: Instant cannot hold
        // every long, and the store writes years 0-9999
        long date = message.path("date").canConvertToLong() ? message.path("date").asLong() : -1;
        Instant at = date >= 0 && date <= now.getEpochSecond() + 86_400 ? Instant.ofEpochSecond(date) : now;
        // forward_origin since Bot API 7.0; forward_date on every forwarded message before it
        boolean forwarded = message.has("forward_origin") || message.has("forward_date");
        if (message.path("text").isTextual() && !message.path("text").asText().isBlank()) {
            return Optional.of(new Incoming(updateId, from.path("id").asText(), chat.path("id").asText(), at,
                    message.path("text").asText(), false, Optional.empty(), forwarded, Optional.empty(), edited));
        }
        boolean media = MEDIA.stream().anyMatch(message::has);
        return media ? Optional.of(new Incoming(updateId, from.path("id").asText(), chat.path("id").asText(), at,
                message.path("caption").asText(""), true, Optional.empty(), forwarded, Optional.empty(), edited))
                : Optional.empty();
    }
}
