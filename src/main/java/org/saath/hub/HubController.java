package org.saath.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import org.saath.nlu.Language;

/**
 * The help hub: server-written pages that work without JavaScript, in the language and for the country chosen in
 * the address ({@code ?country=PK&lang=ur}; otherwise the deployment's default country and the browser's language),
 * with the stylesheet and the one small script from this origin. {@code /} leads here. The pages may be framed only
 * by the origins in {@code hub.frame-ancestors}, and are never rate-limited.
 *
 * <p>{@code curl -s 'localhost:8080/help?country=PK&lang=ur'}
 */
public final class HubController {

    private static final Map<String, String> TYPES = Map.of("hub.css", "text/css; charset=utf-8",
            "hub.js", "text/javascript; charset=utf-8");

    /** One static file and the hash its address carries, so browsers may keep it for a year. */
    private record Asset(byte[] bytes, String version) {
    }

    private final HubParts hub;
    private final Map<String, Asset> assets;
    private final String policy;
    private final TopicPages topics;
    private final SelfCarePages selfCare;
    private final ChatPage chat;

    HubController(HubParts hub) {
        this.hub = hub;
        this.assets = Map.of("hub.css", asset("hub/hub.css"), "hub.js", asset("hub/hub.js"));
        List<String> ancestors = hub.config().hub().frameAncestors();
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors "
                + (ancestors.isEmpty() ? "'none'" : String.join(" ", ancestors));
        PageFrame frame = new PageFrame(hub.text(), hub.templates(), "/help/assets/hub.css?v="
                + assets.get("hub.css").version(), "/help/assets/hub.js?v=" + assets.get("hub.js").version());
        LineCards cards = new LineCards(hub.renderer(), hub.text());
        this.topics = new TopicPages(hub, frame, cards);
        this.selfCare = new SelfCarePages(hub, frame, cards);
        this.chat = new ChatPage(hub, frame);
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect("/help", HttpStatus.FOUND));
        routes.get("/help", ctx -> html(ctx, topics.home(visit(ctx), now())));
        routes.get("/help/topics/{topic}", this::topic);
        routes.get("/help/grounding", ctx -> html(ctx, selfCare.grounding(visit(ctx), now())));
        routes.get("/help/safety-plan", ctx -> html(ctx, selfCare.safetyPlan(visit(ctx), now())));
        routes.get("/help/chat", ctx -> html(ctx, chat.page(visit(ctx), now())));
        routes.get("/help/assets/{asset}", this::asset);
    }

    /** A topic's page; an unknown topic leads back to the front page rather than to an error. */
    void topic(Context ctx) {
        Visit visit = visit(ctx);
        Optional<HelpTopics.HelpTopic> topic = hub.topics().byId(ctx.pathParam("topic"));
        if (topic.isEmpty()) {
            ctx.redirect(visit.href("/help"), HttpStatus.FOUND);
            return;
        }
        html(ctx, topics.topic(visit, topic.get(), now()));
    }

    void asset(Context ctx) {
        String name = ctx.pathParam("asset");
        Asset asset = assets.get(name);
        if (asset == null) {
            throw new NotFoundResponse("not found");
        }
        boolean versioned = asset.version().equals(ctx.queryParam("v"));
        ctx.header("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "public, max-age=300");
        ctx.contentType(TYPES.get(name)).result(asset.bytes());
    }

    private void html(Context ctx, String page) {
        ctx.header("Content-Security-Policy", policy);
        if (!hub.config().hub().frameAncestors().isEmpty()) {
            ctx.removeHeader("X-Frame-Options"); // the policy's frame-ancestors names who may frame the hub
        }
        ctx.header("Cache-Control", "public, max-age=60");
        ctx.header("Vary", "Accept-Language");
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    /** The country and language in the address; anything unknown falls back, since a person must always get help. */
    private Visit visit(Context ctx) {
        String asked = ctx.queryParam("country");
        String code = asked == null ? "" : asked.trim().toUpperCase(Locale.ROOT);
        String country = hub.countries().valid(code) ? code : hub.config().defaultCountry();
        Optional<Language> language = Optional.ofNullable(ctx.queryParam("lang")).flatMap(Language::supported);
        return new Visit(country, language.orElseGet(() -> fromBrowser(ctx.header("Accept-Language"))));
    }

    /** Urdu or Arabic when the browser prefers them (before English), else English. */
    static Language fromBrowser(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Language.EN;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            String tag = Locale.lookupTag(ranges, List.of("ur", "ar", "en"));
            return tag == null ? Language.EN : Language.supported(tag).orElse(Language.EN);
        } catch (IllegalArgumentException e) {
            return Language.EN;
        }
    }

    private Instant now() {
        return hub.clock().instant();
    }

    private static Asset asset(String path) {
        try (InputStream in = HubController.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            byte[] bytes = in.readAllBytes();
            return new Asset(bytes, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
