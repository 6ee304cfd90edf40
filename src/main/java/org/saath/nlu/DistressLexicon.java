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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The distress lexicon: each supported language's {@code lang/<code>/lexicon.tsv}, with the columns
 * {@code phrase<TAB>language<TAB>severity<TAB>category} after a header line. Phrases go through the same
 * {@link TextNormaliser} as messages, so they are written the natural way. Immutable once loaded.
 */
public final class DistressLexicon {

    /** A phrase found in a message: where it starts, how many tokens it covers. */
    public record Match(LexiconEntry entry, int start, int length) {

        int end() {
            return start + length;
        }
    }

    private final List<LexiconEntry> entries;
    private final String sha256;
    private final Map<String, List<LexiconEntry>> byFirstToken = new HashMap<>();
    /**
     * Entries whose first token is a prefix ({@code suicid*}), found by a message's token without a substring: those
     * of two letters or more by the prefix's first two characters ({@code (c0 << 16) | c1} in the sorted
     * {@code twoLetterKeys}, the entries at the same index of {@code twoLetterEntries}), those of one letter by it
     * ({@code oneLetterKeys}); each list in the order of the files.
     */
    private final int[] twoLetterKeys;
    private final List<LexiconEntry>[] twoLetterEntries;
    private final int[] oneLetterKeys;
    private final List<LexiconEntry>[] oneLetterEntries;

    public DistressLexicon(List<LexiconEntry> entries) {
        this(entries, "");
    }

    /** @param sha256 a digest of the files the entries came from, recorded with models trained on them */
    public DistressLexicon(List<LexiconEntry> entries, String sha256) {
        this.entries = List.copyOf(entries);
        this.sha256 = sha256;
        Map<Integer, List<LexiconEntry>> twoLetters = new TreeMap<>();
        Map<Integer, List<LexiconEntry>> oneLetter = new TreeMap<>();
        for (LexiconEntry entry : this.entries) {
            String first = entry.tokens().get(0);
            int stem = first.length() - 1;
            if (!first.endsWith("*")) {
                byFirstToken.computeIfAbsent(first, k -> new ArrayList<>()).add(entry);
            } else if (stem >= 2) {
                twoLetters.computeIfAbsent(key(first.charAt(0), first.charAt(1)), k -> new ArrayList<>()).add(entry);
            } else if (stem == 1) {
                oneLetter.computeIfAbsent((int) first.charAt(0), k -> new ArrayList<>()).add(entry);
            }                                       // a bare "*" first would match every word: never read
        }
        this.twoLetterKeys = keys(twoLetters);
        this.twoLetterEntries = lists(twoLetters);
        this.oneLetterKeys = keys(oneLetter);
        this.oneLetterEntries = lists(oneLetter);
    }

    private static int key(char first, char second) {
        return first << 16 | second;
    }

    private static int[] keys(Map<Integer, List<LexiconEntry>> index) {
        return index.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    @SuppressWarnings("unchecked")
    private static List<LexiconEntry>[] lists(Map<Integer, List<LexiconEntry>> index) {
        return index.values().stream().map(List::copyOf).toArray(List[]::new);
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
        return new DistressLexicon(onceEach(entries), HexFormat.of().formatHex(digest.digest()));
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

    /** A digest of the lexicon files, or "" for a lexicon built in memory. */
    public String sha256() {
        return sha256;
    }

    private static void readFile(Path file, TextNormaliser normaliser, List<LexiconEntry> into) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                into.add(parse(line, normaliser));
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
     * Every phrase that occurs in {@code tokens}, in order of position; at one position, the phrases whose first
     * word is whole, then those whose first word is a prefix of two letters or more ({@code suicid*}), then those
     * of one letter, each in the order of the files. An Arabic word written with "and" or "so" joined to it
     * ({@code وشربت السم}, {@code فبلعت}) is also read without it, for the Arabic acts.
     */
    public List<Match> find(List<String> tokens) {
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            List<Match> here = matches.subList(matches.size(), matches.size());
            addIfMatches(token, false, tokens, i, here);
            if (token.length() >= 3 && (token.charAt(0) == 'و' || token.charAt(0) == 'ف')) {
                addIfMatches(token.substring(1), true, tokens, i, here);
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

    /** The phrases starting at {@code i} whose first word matches {@code first} (the token there or its stem). */
    private void addIfMatches(String first, boolean joined, List<String> tokens, int i, List<Match> into) {
        addIfMatches(byFirstToken.get(first), first, joined, tokens, i, into);
        if (first.length() >= 2) {
            int at = Arrays.binarySearch(twoLetterKeys, key(first.charAt(0), first.charAt(1)));
            addIfMatches(at < 0 ? null : twoLetterEntries[at], first, joined, tokens, i, into);
        }
        if (!first.isEmpty() && oneLetterKeys.length > 0) {
            int at = Arrays.binarySearch(oneLetterKeys, first.charAt(0));
            addIfMatches(at < 0 ? null : oneLetterEntries[at], first, joined, tokens, i, into);
        }
    }

    private static void addIfMatches(List<LexiconEntry> candidates, String first, boolean joined,
                                     List<String> tokens, int i, List<Match> into) {
        if (candidates == null) {
            return;
        }
        for (LexiconEntry entry : candidates) {
            // a stem read again finds no phrase twice ("فبلعت" and "بلعت" under a prefix entry)
            if ((!joined || readsJoined(entry) && !alreadyFound(into, entry)) && entry.matchesAt(tokens, i, first)) {
                into.add(new Match(entry, i, entry.tokens().size()));
            }
        }
    }

    /**
     * Whether {@code entry} is also read with "and" or "so" joined to its first word: the Arabic acts, told after what
     * led to them ("تعبت وبلعت كل الحبوب"). Not the other phrases: read joined, they changed what the risk model learns
     * from its own corpus more than they helped (a cross-validation split, src/test/resources/golden/risk-eval.txt).
     */
    static boolean readsJoined(LexiconEntry entry) {
        return entry.language() == Language.AR && entry.category() == DistressCategory.ACT;
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
