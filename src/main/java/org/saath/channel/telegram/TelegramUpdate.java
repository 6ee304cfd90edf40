package org.saath.channel.telegram;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.saath.web.BadRequestException;

/**
 * Reads one Telegram update: a {@code message} or {@code edited_message} in a private chat (text, or a voice note,
 * audio, document, photo, sticker or video as media, with its caption), or a {@code callback_query} from one of
 * Saath's buttons, whose data is the answer the person tapped. Group chats, a button Saath did not make and every
 * other kind of update are skipped: Saath talks with one person at a time, about what it asked. Unknown fields are
 * ignored; Telegram adds them often.
 */
final class TelegramUpdate {

    private static final List<String> MEDIA = List.of("voice", "audio", "document", "photo", "sticker", "video",
            "video_note", "animation", "location", "contact");

    /** What a person sent: who, in which chat, when, and the question they answered when they tapped a button. */
    record Incoming(long updateId, String userId, String chatId, Instant at, String text, boolean media,
                    boolean forwarded, Optional<String> answering, boolean edited) {
    }

    /** Between a button's question tag and its words in the callback data. */
    static final String QUESTION_SEPARATOR = "|";
    private static final Pattern TAGGED = Pattern.compile("([0-9a-f]{8})\\|(.+)", Pattern.DOTALL);
    /**
     * The whole data of Saath's buttons before they carried a tag: the yes and no of each language's templates
     * ({@code answer-yes}, {@code answer-no} in en, roman_ur, ur, ar), which those buttons still send when tapped.
     * Fixed, not read from today's templates: an old button carries the words it was made with. Any other data
     * without a tag is a button Saath never made (another bot's inline message, a hand-made update), not a person's
     * words: it is acknowledged and answers nothing.
     */
    private static final Set<String> UNTAGGED_ANSWERS = Set.of("Yes", "No", "Haan", "Nahi", "ہاں", "نہیں", "نعم",
            "لا");

    private TelegramUpdate() {
    }

    /**
     * The id of the button tap an update is, if it is one: acknowledged whatever becomes of the tap (answered, or
     * skipped as from a group chat or a button Saath did not make), so the person's client stops waiting.
     */
    static Optional<String> callbackId(JsonNode update) {
        JsonNode id = update.path("callback_query").path("id");
        return id.isTextual() && !id.asText().isEmpty() ? Optional.of(id.asText()) : Optional.empty();
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
            String data = callback.path("data").asText();
            Matcher tagged = TAGGED.matcher(data);
            if (tagged.matches()) {
                return Optional.of(new Incoming(updateId, user, chatId, now, tagged.group(2), false, false,
                        Optional.of(tagged.group(1)), false));
            }
            return UNTAGGED_ANSWERS.contains(data) ? Optional.of(new Incoming(updateId, user, chatId, now, data, false,
                    false, Optional.empty(), false)) : Optional.empty();
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
                    message.path("text").asText(), false, forwarded, Optional.empty(), edited));
        }
        boolean media = MEDIA.stream().anyMatch(message::has);
        return media ? Optional.of(new Incoming(updateId, from.path("id").asText(), chat.path("id").asText(), at,
                message.path("caption").asText(""), true, forwarded, Optional.empty(), edited))
                : Optional.empty();
    }
}
