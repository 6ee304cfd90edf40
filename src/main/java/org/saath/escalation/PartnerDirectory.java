package org.saath.escalation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.saath.helpline.HelplineDirectoryLoader;
import org.saath.helpline.OpeningHours;

/**
 * The partners of a deployment, from its own YAML file ({@code partners-file}); none are built in, because a
 * partner is an agreement with an organisation, not a fact Saath can assume. Routing: the first partner (in file
 * order) that covers country × language × topic, is open now and has free capacity; else its chain of fallbacks.
 */
public final class PartnerDirectory {

    record Raw(List<RawPartner> partners) {
    }

    record RawPartner(String id, String name, List<String> countries, List<String> languages, List<String> topics,
                      Object hours, Integer capacity,
                      @JsonProperty("acceptance-deadline") String acceptanceDeadline, Map<String, String> webhook,
                      @JsonProperty("api-key-sha256") String apiKeySha256, String fallback) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<Partner> partners;

    public PartnerDirectory(List<Partner> partners) {
        this.partners = List.copyOf(partners);
    }

    public static PartnerDirectory none() {
        return new PartnerDirectory(List.of());
    }

    public static PartnerDirectory load(InputStream in, String name) {
        Raw raw;
        try {
            raw = YAML.readValue(in, Raw.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        List<Partner> partners = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RawPartner p : raw == null || raw.partners() == null ? List.<RawPartner>of() : raw.partners()) {
            try {
                require(p.id() != null && p.id().matches("[a-z0-9-]{1,64}"),
                        "id must be 1-64 lowercase letters, digits, '-' (the store keeps 64)");
                require(ids.add(p.id()), "duplicate id");
                require(p.apiKeySha256() != null && p.apiKeySha256().matches("[0-9a-f]{64}"),
                        "api-key-sha256 must be 64 hex characters");
                require(p.capacity() != null && p.capacity() > 0, "capacity must be positive");
                Map<String, String> hook = p.webhook() == null ? Map.of() : p.webhook();
                require(hook.get("url") == null || hook.get("secret") != null && hook.get("secret").length() >= 16,
                        "webhook.secret (16+ characters) is required with webhook.url");
                partners.add(new Partner(p.id(), p.name(), Set.copyOf(p.countries()),
                        p.languages() == null ? Set.of() : Set.copyOf(p.languages()),
                        p.topics() == null ? Set.of() : Set.copyOf(p.topics()), hours(p.hours()), p.capacity(),
                        Duration.parse(p.acceptanceDeadline() == null ? "PT5M" : p.acceptanceDeadline()),
                        Optional.ofNullable(hook.get("url")), Optional.ofNullable(hook.get("secret")),
                        p.apiKeySha256(), Optional.ofNullable(p.fallback())));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + ", partner '" + p.id() + "': " + e.getMessage(), e);
            }
        }
        partners.forEach(p -> p.fallback().ifPresent(f -> require(ids.contains(f),
                name + ", partner '" + p.id() + "': unknown fallback '" + f + "'")));
        return new PartnerDirectory(partners);
    }

    private static OpeningHours hours(Object raw) {
        return raw == null ? new OpeningHours.Always() : HelplineDirectoryLoader.parseHours(raw);
    }

    /**
     * The partner to offer an escalation to, if any is open and gives it a place. {@code takePlace} takes one of
     * the partner's places atomically (false when it is full); {@code exclude} are partners that already let an
     * offer lapse.
     */
    public Optional<Partner> route(String country, String language, String topic, Instant at,
                                   Predicate<Partner> takePlace, Set<String> exclude) {
        Set<String> asked = new HashSet<>();
        for (Partner p : partners) {
            Partner candidate = p;
            Set<String> tried = new HashSet<>(exclude);
            while (candidate != null && tried.add(candidate.id())) {
                if (candidate.covers(country, language, topic) && candidate.openAt(at) && asked.add(candidate.id())
                        && takePlace.test(candidate)) {
                    return Optional.of(candidate);
                }
                candidate = candidate.fallback().flatMap(this::byId).orElse(null);
            }
        }
        return Optional.empty();
    }

    /** The partner named by an {@code Authorization: Bearer <key>} header, if any. */
    public Optional<Partner> byAuthorization(String header) {
        return Optional.ofNullable(header).filter(h -> h.startsWith("Bearer "))
                .flatMap(h -> byApiKey(h.substring(7).trim()));
    }

    /** The partner whose API key this is; keys are compared by their SHA-256 only. */
    public Optional<Partner> byApiKey(String key) {
        byte[] given = sha256(key).getBytes(StandardCharsets.US_ASCII);
        return partners.stream().filter(p -> MessageDigest.isEqual(given,
                p.apiKeySha256().getBytes(StandardCharsets.US_ASCII))).findFirst();
    }

    public Optional<Partner> byId(String id) {
        return partners.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public List<Partner> all() {
        return partners;
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
