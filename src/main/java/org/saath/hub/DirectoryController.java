package org.saath.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.saath.helpline.HelplineDirectory;
import org.saath.hub.HelpTopics.HelpTopic;
import org.saath.limits.RateLimitedException;
import org.saath.limits.RateLimiter;
import org.saath.nlu.Language;
import org.saath.web.BadRequestException;
import org.saath.web.QueryParams;

/**
 * The helpline directory as a public, read-only JSON API for anyone to build on: exactly what the chat would offer
 * for a topic in a country at a time ({@link HelpFinder}), with the country's emergency numbers, and the topics and
 * countries that exist. Answers are cached (Caffeine, one minute: opening hours change on whole minutes), carry an
 * {@code ETag} (a matching {@code If-None-Match} gets 304), may be read from any origin, and each client address may
 * make {@code hub.requests-per-minute} requests a minute (429 with {@code Retry-After} beyond). A bad parameter is a
 * 400 naming it.
 *
 * <p>{@code curl -s 'localhost:8080/v1/helplines?country=PK&topic=cyberbullying&language=ur'}
 */
public final class DirectoryController {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FRESH = Duration.ofMinutes(1);
    private static final int EARLIEST_YEAR = 2000;
    private static final int LATEST_YEAR = 2100;

    /** One answer, ready to send again. */
    private record Answer(byte[] body, String etag) {
    }

    private final HelpFinder finder;
    private final HelpTopics topics;
    private final Countries countries;
    private final HelplineDirectory directory;
    private final DirectoryJson json;
    private final RateLimiter perClient;
    private final Clock clock;
    private final Cache<String, Answer> answers;

    DirectoryController(HubParts hub) {
        this.finder = hub.finder();
        this.topics = hub.topics();
        this.countries = hub.countries();
        this.directory = hub.directory();
        this.json = new DirectoryJson(hub.renderer(), hub.text(), hub.topics(), hub.countries());
        this.perClient = hub.apiLimiter();
        this.clock = hub.clock();
        this.answers = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(FRESH).ticker(ticker(clock))
                .build();
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/v1/helplines", this::helplines);
        routes.get("/v1/topics", this::topics);
        routes.get("/v1/countries", this::countries);
    }

    /**
     * What the chat would offer: {@code country} and {@code topic} required, {@code language} (default en) and
     * {@code at} (ISO-8601 with an offset; default now) optional.
     *
     * <p>{@code curl -s 'localhost:8080/v1/helplines?country=PK&topic=crisis&at=2026-11-21T02:00%2B05:00'}
     */
    void helplines(Context ctx) {
        admit(ctx);
        String country = country(QueryParams.text(ctx, "country"));
        HelpTopic topic = topic(QueryParams.text(ctx, "topic"));
        Language language = language(QueryParams.text(ctx, "language"));
        Instant at = at(QueryParams.text(ctx, "at"));
        answer(ctx, String.join("|", "helplines", country, topic.id(), language.code(), at.toString()),
                () -> json.help(finder.find(topic, country, language, at)));
    }

    /** <p>{@code curl -s 'localhost:8080/v1/topics?language=ar'} */
    void topics(Context ctx) {
        admit(ctx);
        Language language = language(QueryParams.text(ctx, "language"));
        answer(ctx, "topics|" + language.code(), () -> json.topics(language));
    }

    /** <p>{@code curl -s 'localhost:8080/v1/countries?language=ur'} */
    void countries(Context ctx) {
        admit(ctx);
        Language language = language(QueryParams.text(ctx, "language"));
        Instant now = now();
        answer(ctx, "countries|" + language.code() + "|" + now, () -> json.countries(language,
                code -> directory.emergency(code, now)));
    }

    private void admit(Context ctx) {
        Optional<Duration> wait = perClient.tryAcquire("directory:" + ctx.ip());
        if (wait.isPresent()) {
            throw new RateLimitedException("too many directory requests from this address", wait.get());
        }
    }

    /** Sends the cached answer (or makes it), with its ETag; 304 when the client has it already. */
    private void answer(Context ctx, String key, Supplier<Object> make) {
        Answer answer = answers.get(key, k -> encode(make.get()));
        ctx.header("ETag", answer.etag());
        ctx.header("Cache-Control", "public, max-age=" + FRESH.toSeconds());
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", "ETag");
        ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
        if (matches(ctx.header("If-None-Match"), answer.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/json; charset=utf-8").result(answer.body());
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }

    private static Answer encode(Object value) {
        try {
            byte[] body = JSON.writeValueAsBytes(value);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new Answer(body, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private String country(String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("'country' is required: an ISO 3166 alpha-2 code such as PK or AE");
        }
        String code = value.trim().toUpperCase(Locale.ROOT);
        if (!countries.valid(code)) {
            throw new BadRequestException("'country' must be an ISO 3166 alpha-2 code such as PK or AE");
        }
        return code;
    }

    private HelpTopic topic(String value) {
        String known = topics.all().stream().map(HelpTopic::id).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            throw new BadRequestException("'topic' is required, one of: " + known);
        }
        return topics.byId(value.trim()).orElseThrow(() -> new BadRequestException("'topic' must be one of: "
                + known));
    }

    static Language language(String value) {
        if (value == null || value.isBlank()) {
            return Language.EN;
        }
        return Language.supported(value.trim()).orElseThrow(() -> new BadRequestException(
                "'language' must be one of: en, ur, roman_ur, ar"));
    }

    /** The moment asked for (or now), to the minute: opening hours change only on whole minutes. */
    private Instant at(String value) {
        if (value == null || value.isBlank()) {
            return now();
        }
        OffsetDateTime parsed;
        try {
            // a '+' left unencoded in a query string arrives as a space
            parsed = OffsetDateTime.parse(value.trim().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'at' must be an ISO-8601 time with an offset, such as "
                    + "2026-11-21T02:00+05:00 or 2026-11-20T21:00Z");
        }
        if (parsed.getYear() < EARLIEST_YEAR || parsed.getYear() > LATEST_YEAR) {
            throw new BadRequestException("'at' must be between the years " + EARLIEST_YEAR + " and " + LATEST_YEAR);
        }
        return parsed.toInstant().truncatedTo(ChronoUnit.MINUTES);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MINUTES);
    }

    static Ticker ticker(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }
}
