package org.saath.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The messaging platforms Saath listens on, under {@code channels.} in the configuration. A platform whose keys are
 * all empty is off (its webhook path answers 404); one with some keys set and others missing stops the start,
 * naming the missing key. The {@code api-base-url} keys default to the platforms' real addresses and let tests
 * point a channel at a local fake.
 */
public record ChannelsConfig(Generic generic, WhatsApp whatsapp, Telegram telegram, Twilio twilio) {

    private static final Pattern TELEGRAM_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    public ChannelsConfig {
        generic = generic == null ? new Generic("") : generic;
        whatsapp = whatsapp == null ? WhatsApp.OFF : whatsapp;
        telegram = telegram == null ? Telegram.OFF : telegram;
        twilio = twilio == null ? Twilio.OFF : twilio;
    }

    /** Every channel off; the generic channel's token generated into the data folder. */
    public static ChannelsConfig none() {
        return new ChannelsConfig(null, null, null, null);
    }

    /** The generic JSON channel: {@code Authorization: Bearer <token>}; empty = generated into the data folder. */
    public record Generic(String token) {
        public Generic {
            token = token == null ? "" : token;
            require(token.isEmpty() || token.length() >= 16, "channels.generic.token",
                    "must be at least 16 characters, or empty to generate one into <data-dir>/generic-channel.token");
        }
    }

    /**
     * WhatsApp Cloud API. {@code reengageTemplate} is optional: the name of a pre-approved template with one body
     * variable, sent when a message for the person falls outside WhatsApp's 24-hour customer-service window.
     */
    public record WhatsApp(String appSecret, String verifyToken, String accessToken, String phoneNumberId,
                           String apiBaseUrl, String reengageTemplate) {

        static final WhatsApp OFF = new WhatsApp("", "", "", "", null, "");

        public WhatsApp {
            apiBaseUrl = url(apiBaseUrl, "https://graph.facebook.com/v25.0", "channels.whatsapp.api-base-url");
            reengageTemplate = reengageTemplate == null ? "" : reengageTemplate;
            complete("channels.whatsapp.", keys("app-secret", appSecret, "verify-token", verifyToken, "access-token",
                    accessToken, "phone-number-id", phoneNumberId));
        }

        public boolean enabled() {
            return !blank(appSecret);
        }
    }

    /** Telegram Bot API. */
    public record Telegram(String botToken, String secretToken, String apiBaseUrl) {

        static final Telegram OFF = new Telegram("", "", null);

        public Telegram {
            apiBaseUrl = url(apiBaseUrl, "https://api.telegram.org", "channels.telegram.api-base-url");
            complete("channels.telegram.", keys("bot-token", botToken, "secret-token", secretToken));
            require(blank(secretToken) || TELEGRAM_SECRET.matcher(secretToken).matches(),
                    "channels.telegram.secret-token", "must be 1-256 characters of A-Z, a-z, 0-9, _ and -");
        }

        public boolean enabled() {
            return !blank(botToken);
        }
    }

    /** Twilio Programmable Messaging (SMS, and WhatsApp through Twilio). */
    public record Twilio(String accountSid, String authToken, String publicUrl, String apiBaseUrl) {

        static final Twilio OFF = new Twilio("", "", "", null);

        public Twilio {
            apiBaseUrl = url(apiBaseUrl, "https://api.twilio.com", "channels.twilio.api-base-url");
            complete("channels.twilio.", keys("account-sid", accountSid, "auth-token", authToken, "public-url",
                    publicUrl));
            require(blank(publicUrl) || publicUrl.startsWith("https://") || publicUrl.startsWith("http://"),
                    "channels.twilio.public-url", "must be the http(s) URL Twilio calls, was '" + publicUrl + "'");
        }

        public boolean enabled() {
            return !blank(accountSid);
        }
    }

    private static Map<String, String> keys(String... pairs) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            keys.put(pairs[i], pairs[i + 1]);
        }
        return keys;
    }

    /** All of a platform's keys, or none: a half-configured platform is a mistake worth stopping for. */
    private static void complete(String prefix, Map<String, String> keys) {
        List<String> set = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        keys.forEach((key, value) -> (blank(value) ? missing : set).add(key));
        if (!set.isEmpty() && !missing.isEmpty()) {
            throw new ConfigException(prefix + missing.get(0) + " is missing (" + prefix + set.get(0)
                    + " is set, so the channel is on and needs " + String.join(", ", keys.keySet()) + ")");
        }
    }

    private static String url(String value, String defaultValue, String key) {
        String url = blank(value) ? defaultValue : value.strip();
        require(url.startsWith("https://") || url.startsWith("http://"), key, "must be an http(s) URL, was '"
                + value + "'");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void require(boolean condition, String key, String message) {
        if (!condition) {
            throw new ConfigException(key + " " + message);
        }
    }
}
