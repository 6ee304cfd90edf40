package org.saath.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.saath.helpline.Need;
import org.saath.helpline.SaidCountry;
import org.saath.nlu.Language;
import org.saath.nlu.NormalisedText;
import org.saath.nlu.TextNormaliser;

/**
 * Words that say more than the intent: what a message is about ("he beat me" is abuse even when the classifier
 * hears only fear), who the person may be and where they are, from every language's {@code lang/<code>/cues.yaml},
 * and the country they say they are in ({@link Places}, {@code lang/<code>/places.yaml}).
 * A phrase may hold "…", standing for up to {@value #GAP} other words. Immutable and thread-safe.
 */
public final class Cues {

    static final int GAP = 4;
    private static final String ELLIPSIS = "…";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * What one message's words tell; {@code said}: the country they place the person in, if any; {@code there}: where
     * someone else is; {@code placeAlone}: the message says nothing but the person's own place ("hi, i live in
     * doha"); {@code aboutSomeoneElse}: it tells of what is done to someone else ("her husband beats her", «زوجها
     * يضربها»), so the one who writes is a helper; {@code firstAid}: what the body needs first, where the words tell
     * it (section {@code first-aid}: {@code bleeding}, {@code height}, {@code place}), for an emergency reply's
     * first step.
     */
    public record Found(Optional<String> topic, Set<String> audiences, Set<String> regions,
                        Optional<SaidCountry> said, Optional<SaidCountry> there, Optional<SaidCountry> askedElsewhere,
                        boolean placeAlone, boolean aboutSomeoneElse, Optional<String> firstAid) {

        /** Words that name no country, no one else's situation and no first aid. */
        public Found(Optional<String> topic, Set<String> audiences, Set<String> regions) {
            this(topic, audiences, regions, Optional.empty(), Optional.empty(), Optional.empty(), false, false,
                    Optional.empty());
        }

        /**
         * This message's topic, with the groups and regions {@code earlier} messages named too: a child who gave
         * their age, or a city, one message ago is still a child in that city ("aaj bhi mara" after "12 saal ka,
         * Lahore" lost the child-protection line); and the first aid the latest of them told, where this one tells
         * none.
         */
        public Found withWhoFrom(List<Found> earlier) {
            Set<String> who = new LinkedHashSet<>(audiences);
            Set<String> where = new LinkedHashSet<>(regions);
            earlier.forEach(f -> {
                who.addAll(f.audiences());
                where.addAll(f.regions());
            });
            // the body's first aid told in an earlier message holds for this one ("nahi utrunga", I won't come down,
            // after "chhat ki deewar pe baitha hun": the edge, not the packet of tablets: the s54 QA pass)
            Optional<String> aid = firstAid;
            for (int i = earlier.size() - 1; aid.isEmpty() && i >= 0; i--) {
                aid = earlier.get(i).firstAid();
            }
            return new Found(topic, Set.copyOf(who), Set.copyOf(where), said, there, askedElsewhere, placeAlone,
                    aboutSomeoneElse, aid);
        }
    }

    /** A phrase as token runs separated by gaps, and what it names: {@link #cue}. */
    private record Phrase(String cue, List<List<String>> parts) {
    }

    private final TextNormaliser normaliser;
    private final Places places;
    /** Each section's keys, in file order (the first topic named wins), each with its cue ({@link #cue}). */
    private final Map<String, Map<String, String>> sections = new HashMap<>();
    /** Every phrase as one tree of words: a message is read once, word by word, not once per phrase. */
    private final Node phrases = new Node();

    private Cues(TextNormaliser normaliser, Places places, Map<String, Set<String>> sections, List<Phrase> phrases) {
        this.normaliser = normaliser;
        this.places = places;
        sections.forEach((section, keys) -> {
            Map<String, String> cues = new LinkedHashMap<>();
            keys.forEach(key -> cues.put(key, cue(section, key)));
            this.sections.put(section, cues);
        });
        phrases.forEach(this.phrases::add);
    }

    /**
     * A node of the phrase tree: the words that may come next, the gap before a phrase's next part (up to
     * {@value #GAP} other words, then that part's first word) and the cues of the phrases that end here.
     */
    private static final class Node {
        private final Map<String, Node> words = new HashMap<>();
        private Node gap;
        private final List<String> cues = new ArrayList<>();

        void add(Phrase phrase) {
            Node node = this;
            for (int part = 0; part < phrase.parts().size(); part++) {
                if (part > 0) {
                    if (node.gap == null) {
                        node.gap = new Node();
                    }
                    node = node.gap;
                }
                for (String word : phrase.parts().get(part)) {
                    node = node.words.computeIfAbsent(word, w -> new Node());
                }
            }
            if (!node.cues.contains(phrase.cue())) {
                node.cues.add(phrase.cue());
            }
        }

        /** Adds to {@code named} the cue of every phrase whose first word is token {@code at} of {@code tokens}. */
        void collectAt(List<String> tokens, int at, Set<String> named) {
            Node next = words.get(tokens.get(at));
            if (next != null) {
                next.collectAfter(tokens, at + 1, named);
            }
        }

        /** This node reached with the words before {@code at} read. */
        private void collectAfter(List<String> tokens, int at, Set<String> named) {
            named.addAll(cues);
            if (at < tokens.size()) {
                collectAt(tokens, at, named);
            }
            if (gap != null) {
                for (int i = at; i <= Math.min(at + GAP, tokens.size() - 1); i++) {
                    gap.collectAt(tokens, i, named);
                }
            }
        }
    }

    public static Cues loadFromClasspath(TextNormaliser normaliser) {
        Map<String, Set<String>> sections = new LinkedHashMap<>();
        List<Phrase> phrases = new ArrayList<>();
        for (Language language : Language.supported()) {
            String name = "lang/" + language.code() + "/cues.yaml";
            read(name).forEach((section, keys) -> {
                if (!Set.of("topics", "audiences", "regions", "someone-else", "first-aid").contains(section)) {
                    throw new TemplateException(name + ": unknown section '" + section + "'");
                }
                keys.forEach((key, said) -> said.forEach(p -> {
                    sections.computeIfAbsent(section, s -> new LinkedHashSet<>()).add(key);
                    phrases.add(phrase(normaliser, name, section, key, p));
                }));
            });
        }
        return new Cues(normaliser, Places.loadFromClasspath(normaliser), sections, phrases);
    }

    private static Phrase phrase(TextNormaliser normaliser, String file, String section, String key, String raw) {
        List<List<String>> parts = new ArrayList<>();
        for (String part : raw.split(ELLIPSIS)) {
            List<String> tokens = normaliser.normalise(part).tokens();
            if (!tokens.isEmpty()) {
                parts.add(tokens);
            }
        }
        if (parts.isEmpty()) {
            throw new TemplateException(file + ": " + section + "." + key + " has a phrase with no words ('" + raw
                    + "'), which would match every message");
        }
        return new Phrase(cue(section, key), parts);
    }

    private static Map<String, Map<String, List<String>>> read(String name) {
        try (InputStream in = Cues.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new TemplateException(name + " is missing from the classpath");
            }
            Map<String, Map<String, List<String>>> raw = YAML.readValue(in,
                    new TypeReference<LinkedHashMap<String, Map<String, List<String>>>>() { });
            return raw == null ? Map.of() : raw;
        } catch (IOException e) {
            throw new TemplateException(name + ": " + e.getMessage());
        }
    }

    /** The topic, audiences and regions {@code text}'s words name. */
    public Found find(String text) {
        return find(normaliser.normalise(text));
    }

    /** As {@link #find(String)}, for a message already normalised (as the analysis reads it). */
    public Found find(NormalisedText text) {
        Found who = findWho(text);
        Places.Reading place = places.read(text);
        return new Found(who.topic(), who.audiences(), who.regions(), place.said(), place.there(),
                place.askedElsewhere(), place.alone(), who.aboutSomeoneElse(), who.firstAid());
    }

    /**
     * Where someone else is, told in the latest of {@code earlier} messages (oldest first) that tells it: "my sister
     * lives in Riyadh" before "she says she will end it tonight". Read only for a message about someone else's danger
     * that names no place itself.
     */
    public Optional<SaidCountry> someoneElseBefore(List<NormalisedText> earlier) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Optional<SaidCountry> there = places.read(earlier.get(i)).there();
            if (there.isPresent()) {
                return there;
            }
        }
        return Optional.empty();
    }

    /**
     * As {@link #find(NormalisedText)} without the country: an earlier message read for who the person is (the
     * country they said is kept by the conversation, not read again).
     */
    public Found findWho(NormalisedText text) {
        List<String> tokens = text.tokens();
        Set<String> named = new HashSet<>();            // the cue of every phrase that occurs
        for (int i = 0; i < tokens.size(); i++) {
            phrases.collectAt(tokens, i, named);
        }
        Optional<String> topic = matching("topics", named).stream().findFirst();
        return new Found(topic, matching("audiences", named), matching("regions", named), Optional.empty(),
                Optional.empty(), Optional.empty(), false, !matching("someone-else", named).isEmpty(),
                matching("first-aid", named).stream().findFirst());
    }

    /** What the words add to a need: the groups and regions they name. */
    public Need widen(Need need, Found found) {
        Set<String> audiences = new LinkedHashSet<>(need.audiences());
        audiences.addAll(found.audiences());
        Set<String> regions = new LinkedHashSet<>(need.regions());
        regions.addAll(found.regions());
        return new Need(need.topics(), need.country(), need.language(), audiences, regions, need.medical());
    }

    /** The keys of {@code section} in file order that {@code named} holds. */
    private Set<String> matching(String section, Set<String> named) {
        if (named.isEmpty()) {
            return Set.of();                            // most messages name none
        }
        Set<String> out = new LinkedHashSet<>();
        sections.getOrDefault(section, Map.of()).forEach((key, cue) -> {
            if (named.contains(cue)) {
                out.add(key);
            }
        });
        return out;
    }

    /** A section's key as one string: {@code "topics abuse"}. */
    private static String cue(String section, String key) {
        return section + " " + key;
    }
}
