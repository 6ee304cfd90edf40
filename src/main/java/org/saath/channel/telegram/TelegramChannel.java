package org.saath.channel.telegram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import org.saath.channel.Address;
import org.saath.channel.Channel;
import org.saath.channel.InboundMessage;
import org.saath.channel.Outbound;
import org.saath.channel.PlatformApi;
import org.saath.channel.PlatformChannel;
import org.saath.channel.SendResult;
import org.saath.channel.TextParts;
import org.saath.config.ChannelsConfig;

/**
 * The Telegram Bot API. {@code POST /webhooks/telegram} checks {@code X-Telegram-Bot-Api-Secret-Token} against the
 * configured secret in constant time (Telegram signs nothing else: 401 and nothing stored without it), then hands
 * the update to the inbox, deduplicated by {@code update_id}. Replies go through {@code sendMessage}; when the bot
 * asks a yes/no question the message carries two buttons in the person's language, and a tap comes back as a
 * {@code callback_query} whose data is that answer, acknowledged in the webhook's own response
 * ({@code answerCallbackQuery}) so no extra call is needed. A tap on a button Saath did not make is acknowledged the
 * same way and answers nothing.
 *
 * <p>{@code curl -s localhost:8080/webhooks/telegram -H "X-Telegram-Bot-Api-Secret-Token: $SECRET" -d @update.json}
 */
public final class TelegramChannel extends PlatformChannel<ChannelsConfig.Telegram> {

    static final String NAME = "telegram";
    private static final int MAX_TEXT = 4096;
    private static final int MAX_CALLBACK_BYTES = 64;

    private TelegramChannel(ChannelsConfig.Telegram config, HttpClient http, Clock clock) {
        super(NAME, config, http, clock);
    }

    /** The channel when {@code channels.telegram} is configured. */
    public static Optional<Channel> create(ChannelsConfig.Telegram config, HttpClient http, Clock clock) {
        return config.enabled() ? Optional.of(new TelegramChannel(config, http, clock)) : Optional.empty();
    }

    @Override
    protected Delivery read(Context ctx) {
        if (!PlatformApi.sameSecret(ctx.header("X-Telegram-Bot-Api-Secret-Token"), config.secretToken())) {
            throw new UnauthorizedResponse("X-Telegram-Bot-Api-Secret-Token is missing or wrong");
        }
        JsonNode update = json(body(ctx));
        Optional<TelegramUpdate.Incoming> incoming = TelegramUpdate.parse(update, clock.instant());
        Map<String, Object> reply = TelegramUpdate.callbackId(update).<Map<String, Object>>map(id -> Map.of(
                "method", "answerCallbackQuery", "callback_query_id", id)).orElse(Map.of());
        if (incoming.isEmpty()) {
            return new Delivery(List.of(), answer -> answer.json(reply));
        }
        TelegramUpdate.Incoming in = incoming.get();
        InboundMessage message = new InboundMessage(NAME, in.userId(), String.valueOf(in.updateId()), in.text(),
                Optional.empty(), Optional.empty(), in.media(), Optional.empty()).forwarded(in.forwarded())
                .answering(in.answering()).edited(in.edited());
        return new Delivery(List.of(new Arrival(message, in.chatId(), in.at())), answer -> answer.json(reply));
    }

    @Override
    public SendResult send(Address to, Outbound message) {
        List<String> parts = TextParts.split(message.text(), MAX_TEXT, String::length);
        return sendParts(parts, message, i -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("chat_id", to.value());
            body.put("text", parts.get(i));
            if (i == parts.size() - 1 && !message.choices().isEmpty()) {
                body.put("reply_markup", Map.of("inline_keyboard", List.of(message.choices().stream()
                        .map(c -> Map.of("text", c, "callback_data", callbackData(message.question(), c)))
                        .toList())));
            }
            return answer(PlatformApi.call(http, HttpRequest.newBuilder(URI.create(
                            config.apiBaseUrl() + "/bot" + config.botToken() + "/sendMessage"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(PlatformApi.json(body)))), i);
        });
    }

    /**
     * Telegram allows 1-64 bytes of callback data: the question's tag and the answer's own words
     * ({@code 1a2b3c4d|Yes}, see {@link TelegramUpdate}), the words cut at a character if need be.
     */
    private static String callbackData(String question, String choice) {
        String data = question.isEmpty() ? choice : question + TelegramUpdate.QUESTION_SEPARATOR + choice;
        while (data.getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_BYTES) {
            data = data.substring(0, data.length() - 1);
        }
        return data;
    }

    private static SendResult answer(PlatformApi.Answer answer, int part) {
        if (answer.ok()) {
            return SendResult.sent();
        }
        String reason = answer.describe("Telegram");
        if (answer.passing() || answer.status() == 401 || answer.status() == 404) {
            // 401/404: a wrong bot token, fixed by the operator
            return new SendResult.Retry(reason, part, answer.waitAsked());
        }
        if (answer.status() == 403) {
            return new SendResult.Refused("the person blocked the bot on Telegram");
        }
        return new SendResult.Refused(reason);
    }
}
