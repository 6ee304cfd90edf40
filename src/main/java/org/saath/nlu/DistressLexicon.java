package org.saath.nlu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The distress lexicon: each supported language's {@code lang/<code>/lexicon.tsv}, with the columns
 * {@code phrase<TAB>language<TAB>severity<TAB>category} after a header line. Phrases go through the same
 * {@link TextNormaliser} as messages, so they are written the natural way; a word typed in several ways is read in
 * one spelling, phrases and messages alike ({@link Spellings}, {@code lang/<code>/spellings.tsv}). Immutable once
 * loaded.
 */
public final class DistressLexicon {

    /** A phrase found in a message: where it starts, how many tokens it covers. */
    /** The categories of a wish or a decision in the writer's own words, read with "and" joined (two words or more). */
    private static final Set<DistressCategory> JOINED_WISHES = EnumSet.of(DistressCategory.IDEATION,
            DistressCategory.INTENT, DistressCategory.PLAN, DistressCategory.PASSIVE_IDEATION);

    /**
     * A phrase found at {@code start}; {@code unlearned}: found in a way the risk model's training did not read it
     * (a wish, or a verb of taking in, with "and" joined: {@link #readsJoined}), so what it makes is not among the
     * model's features.
     */
    public record Match(LexiconEntry entry, int start, int length, boolean unlearned) {

        public Match(LexiconEntry entry, int start, int length) {
            this(entry, start, length, false);
        }


        int end() {
            return start + length;
        }
    }

    private final List<LexiconEntry> entries;
    private final String sha256;
    /** How the phrases and a message's words are spelt before they are compared. */
    private final Spellings spellings;
    /** The phrases by their words; a phrase's rank puts those found at one position in the order {@link #find} gives. */
    private final PhraseTree<LexiconEntry> tree;

    public DistressLexicon(List<LexiconEntry> entries) {
        this(entries, "");
    }

    /** @param sha256 a digest of the files the entries came from, recorded with models trained on them */
    public DistressLexicon(List<LexiconEntry> entries, String sha256) {
        this(entries, sha256, Spellings.NONE);
    }

    /**
     * @param spellings the words' other spellings: the phrases are read in the words' spelling (a phrase that then
     *                  reads as an earlier one is read once), and so is every message
     */
    DistressLexicon(List<LexiconEntry> entries, String sha256, Spellings spellings) {
        this.spellings = spellings;
        this.entries = spellings.isEmpty() ? List.copyOf(entries) : onceEach(entries.stream()
                .map(e -> new LexiconEntry(e.phrase(), spellings.respell(e.tokens()), e.language(), e.severity(),
                        e.category())).toList());
        this.sha256 = sha256;
        PhraseTree.Builder<LexiconEntry> phrases = PhraseTree.builder();
        int count = this.entries.size();
        for (int k = 0; k < count; k++) {
            LexiconEntry entry = this.entries.get(k);
            String first = entry.tokens().get(0);
            int group = !first.endsWith("*") ? 0 : first.length() > 2 ? 1 : 2;      // whole, two letters+, one
            phrases.add(entry.tokens(), entry, group * count + k);
        }
        this.tree = phrases.build();
    }

    /**
     * Loads {@code <langRoot>/<code>/lexicon.tsv} of every supported language; a missing file or a malformed line
     * fails with its file and line number. A phrase that reads as an earlier one of its language word for word, with
     * the same severity and category, is read once: "don't want to live" and "dont want to live" are one phrase once
     * normalised, written both ways for the people who edit the files.
     */
    public static DistressLexicon load(Path langRoot, TextNormaliser normaliser) {
        List<LexiconEntry> entries = new ArrayList<>();
        MessageDigest digest = newDigest();
        for (Language language : Language.supported()) {
            Path file = langRoot.resolve(language.code()).resolve("lexicon.tsv");
            try {
                readFile(file, normaliser, entries);
                digest.update(language.code().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new LexiconException("cannot read the distress lexicon " + file + ": " + e.getMessage(), e);
            }
        }
        if (entries.isEmpty()) {
            throw new LexiconException("the distress lexicon in " + langRoot + " has no entries", null);
        }
        Spellings spellings = Spellings.load(langRoot, normaliser, digest);
        return new DistressLexicon(onceEach(entries), HexFormat.of().formatHex(digest.digest()), spellings);
    }

    /** The entries without those that repeat an earlier one's words, language, severity and category. */
    private static List<LexiconEntry> onceEach(List<LexiconEntry> entries) {
        Set<List<Object>> seen = new HashSet<>();
        List<LexiconEntry> once = new ArrayList<>(entries.size());
        for (LexiconEntry entry : entries) {
            if (seen.add(List.of(entry.tokens(), entry.language(), entry.severity(), entry.category()))) {
                once.add(entry);
            }
        }
        return once;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether a word of {@code tokens} is read in another spelling than it was written in. */
    boolean respells(List<String> tokens) {
        return spellings.respell(tokens) != tokens;
    }

    /** A digest of the lexicon files, or "" for a lexicon built in memory. */
    public String sha256() {
        return sha256;
    }

    private static void readFile(Path file, TextNormaliser normaliser, List<LexiconEntry> into) throws IOException {
        eachLine(file, line -> into.add(parse(line, normaliser)));
    }

    /**
     * Hands each line of a tab-separated file after its header to {@code read}, skipping blank lines and comments
     * ({@code #}); a line {@code read} refuses ({@link IllegalArgumentException}) fails with the file and line number.
     */
    static void eachLine(Path file, Consumer<String> read) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                read.accept(line);
            } catch (IllegalArgumentException e) {
                throw new LexiconException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
    }

    static LexiconEntry parse(String line, TextNormaliser normaliser) {
        String[] cols = line.split("\t", -1);
        if (cols.length != 4) {
            throw new IllegalArgumentException("expected 4 tab-separated columns, found " + cols.length);
        }
        List<String> tokens = new ArrayList<>();
        for (String word : cols[0].trim().split("\\s+")) {
            if (word.equals("*")) {
                tokens.add("*");                                  // any one word: "how much * to die"
                continue;
            }
            boolean prefix = word.endsWith("*");
            List<String> normalised = normaliser.normalise(prefix ? word.substring(0, word.length() - 1) : word)
                    .tokens();
            tokens.addAll(normalised);
            if (prefix && !normalised.isEmpty()) {
                tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + "*");
            }
        }
        DistressCategory category;
        try {
            category = DistressCategory.fromCode(cols[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown category '" + cols[3] + "'", e);
        }
        return new LexiconEntry(cols[0].trim(), tokens, Language.fromCode(cols[1].trim()),
                RiskLevel.fromCode(cols[2]), category);
    }

    /**
     * Every phrase that occurs in {@code written} (its words read in their {@linkplain Spellings listed spelling}),
     * in order of position; at one position, the phrases whose first word is whole, then those whose first word is a
     * prefix of two letters or more ({@code suicid*}), then those of one letter, each in the order of the files. An
     * Arabic word written with "and" or "so" joined to it ({@code وشربت السم}, {@code فبلعت}) is also read without
     * it, for the Arabic acts.
     */
    public List<Match> find(List<String> written) {
        List<String> tokens = spellings.respell(written);
        List<Match> matches = new ArrayList<>();
        Found found = new Found();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            int before = matches.size();
            tree.visitAt(tokens, i, token, found);
            found.addInOrder(i, matches, before, false);
            Optional<String> unjoined = TextNormaliser.withoutJoinedAnd(token);
            if (unjoined.isPresent()) {
                tree.visitAt(tokens, i, unjoined.get(), found);
                found.addInOrder(i, matches, before, true);
            }
        }
        return matches;
    }

    /**
     * Every phrase that occurs in {@code text} read as {@link #find(List)} reads its tokens, and where a letter was
     * drawn out, also with that letter kept twice ({@code i want to killll myself} holds {@code kill* myself}); at a
     * position, the phrases of the first reading come first and the second adds only those the first lacks.
     */
    public List<Match> find(NormalisedText text) {
        List<Match> once = find(text.tokens());
        if (!text.hasDrawnOutLetters()) {
            return once;
        }
        List<Match> twice = find(text.pairedTokens());
        List<Match> merged = new ArrayList<>(once.size() + twice.size());
        int a = 0;
        int b = 0;
        while (a < once.size() || b < twice.size()) {
            int at = Math.min(a < once.size() ? once.get(a).start() : Integer.MAX_VALUE,
                    b < twice.size() ? twice.get(b).start() : Integer.MAX_VALUE);
            int firstHere = merged.size();
            for (; a < once.size() && once.get(a).start() == at; a++) {
                merged.add(once.get(a));
            }
            List<Match> here = merged.subList(firstHere, merged.size());
            for (; b < twice.size() && twice.get(b).start() == at; b++) {
                if (!alreadyFound(here, twice.get(b).entry())) {
                    merged.add(twice.get(b));
                    here = merged.subList(firstHere, merged.size());
                }
            }
        }
        return merged;
    }

    /** The phrases found at one position, with their ranks, until they are added in order. */
    private static final class Found implements PhraseTree.Visitor<LexiconEntry> {

        private LexiconEntry[] entries = new LexiconEntry[4];
        private int[] ranks = new int[4];
        private int count;

        @Override
        public void found(LexiconEntry entry, int rank) {
            if (count == entries.length) {
                entries = Arrays.copyOf(entries, count * 2);
                ranks = Arrays.copyOf(ranks, count * 2);
            }
            entries[count] = entry;
            ranks[count++] = rank;
        }

        /**
         * Adds what was found to {@code matches} by rank and empties this; from a word read without the "and" or "so"
         * joined to it ({@code joined}), only the Arabic acts not found at this position (from {@code from}) already.
         */
        void addInOrder(int start, List<Match> matches, int from, boolean joined) {
            for (int a = 1; a < count; a++) {                       // a few at most: insertion sort by rank
                LexiconEntry entry = entries[a];
                int rank = ranks[a];
                int b = a - 1;
                for (; b >= 0 && ranks[b] > rank; b--) {
                    entries[b + 1] = entries[b];
                    ranks[b + 1] = ranks[b];
                }
                entries[b + 1] = entry;
                ranks[b + 1] = rank;
            }
            for (int a = 0; a < count; a++) {
                LexiconEntry entry = entries[a];
                if (!joined || readsJoined(entry) && !alreadyFound(matches.subList(from, matches.size()), entry)) {
                    matches.add(new Match(entry, start, entry.tokens().size(), joined && unlearnedJoined(entry)));
                }
                entries[a] = null;
            }
            count = 0;
        }
    }

    /**
     * Whether {@code entry} is also read with "and" or "so" joined to its first word: the Arabic acts, told after what
     * led to them ("تعبت وبلعت كل الحبوب"), and the Arabic wishes of two words or more, told the same way ("تعبت وبدي
     * انتحر", "والله تعبت وناوي انتحر الليلة": read as the lone «انتحر» they were moderate), and the verbs of taking in
     * that make a means an act ("انا في القاهرة وبلعت حبوب كتير" was read by the model alone, the police listed before
     * the ambulance: the s52 QA pass). Not the other phrases:
     * read joined, single words and the other categories changed what the risk model learns from its own corpus more
     * than they helped (a cross-validation split, src/test/resources/golden/risk-eval.txt).
     */
    static boolean readsJoined(LexiconEntry entry) {
        return entry.language() == Language.AR && (entry.category() == DistressCategory.ACT
                || entry.category() == DistressCategory.INGESTED
                || entry.tokens().size() >= 2 && JOINED_WISHES.contains(entry.category()));
    }

    /**
     * Whether {@code entry}, read with "and" joined, makes what the risk model's training never read from it: a wish,
     * or a verb of taking in ({@link Match#unlearned}). The Arabic acts were read joined when it was trained.
     */
    static boolean unlearnedJoined(LexiconEntry entry) {
        return JOINED_WISHES.contains(entry.category()) || entry.category() == DistressCategory.INGESTED;
    }

    /** Whether {@code entry} is already among the phrases found at this position (by the word and by its stem). */
    private static boolean alreadyFound(List<Match> found, LexiconEntry entry) {
        for (Match match : found) {
            if (match.entry() == entry) {
                return true;
            }
        }
        return false;
    }

    /** Every entry, in the order of the files. */
    List<LexiconEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }
}
