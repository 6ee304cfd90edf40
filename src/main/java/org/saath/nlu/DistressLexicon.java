package org.saath.nlu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    /** Entries whose first token is a prefix ({@code suicid*}), keyed by its first one or two characters. */
    private final Map<String, List<LexiconEntry>> prefixFirst = new HashMap<>();

    public DistressLexicon(List<LexiconEntry> entries) {
        this(entries, "");
    }

    /** @param sha256 a digest of the files the entries came from, recorded with models trained on them */
    public DistressLexicon(List<LexiconEntry> entries, String sha256) {
        this.entries = List.copyOf(entries);
        this.sha256 = sha256;
        for (LexiconEntry entry : this.entries) {
            String first = entry.tokens().get(0);
            if (first.endsWith("*")) {
                String stem = first.substring(0, first.length() - 1);
                prefixFirst.computeIfAbsent(stem.substring(0, Math.min(2, stem.length())), k -> new ArrayList<>())
                        .add(entry);
            } else {
                byFirstToken.computeIfAbsent(first, k -> new ArrayList<>()).add(entry);
            }
        }
    }

    /**
     * Loads {@code <langRoot>/<code>/lexicon.tsv} of every supported language; a missing file or a malformed line
     * fails with its file and line number.
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
        return new DistressLexicon(entries, HexFormat.of().formatHex(digest.digest()));
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

    /** Every phrase that occurs in {@code tokens}, in order of position. */
    public List<Match> find(List<String> tokens) {
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (LexiconEntry entry : byFirstToken.getOrDefault(tokens.get(i), List.of())) {
                addIfMatches(entry, tokens, i, matches);
            }
            String token = tokens.get(i);
            for (LexiconEntry entry : prefixFirst.getOrDefault(token.substring(0, Math.min(2, token.length())),
                    List.of())) {
                addIfMatches(entry, tokens, i, matches);
            }
            if (token.length() > 1) {
                for (LexiconEntry entry : prefixFirst.getOrDefault(token.substring(0, 1), List.of())) {
                    addIfMatches(entry, tokens, i, matches);
                }
            }
        }
        return matches;
    }

    private static void addIfMatches(LexiconEntry entry, List<String> tokens, int i, List<Match> into) {
        if (entry.matchesAt(tokens, i)) {
            into.add(new Match(entry, i, entry.tokens().size()));
        }
    }

    public int size() {
        return entries.size();
    }
}
