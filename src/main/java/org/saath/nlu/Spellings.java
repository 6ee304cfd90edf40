package org.saath.nlu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How people write a word in a chat against how the lexicon spells it: "khtm" and "khatm" for "khatam", "nhi" and
 * "nahin" for "nahi", "mjhe" for "mujhe". Each supported language's optional {@code lang/<code>/spellings.tsv}, with
 * the columns {@code spelling<TAB>word} after a header line; both are one word once normalised. The lexicon reads its
 * phrases and a message's words in the word's spelling, so one phrase covers every spelling listed instead of each
 * being written out ("khud ko khatam" now also finds "khud ko khtm"). Only the lexicon reads them: the models see the
 * message as it was written. A spelling is listed only where it is no other word a person might mean ("nai", also
 * "new", is not one): a word read wrongly here would be read wrongly in every phrase.
 */
public final class Spellings {

    /** No spellings: every word is read as written. */
    public static final Spellings NONE = new Spellings(Map.of());

    private final Map<String, String> words;

    private Spellings(Map<String, String> words) {
        this.words = Map.copyOf(words);
    }

    /**
     * Reads {@code <langRoot>/<code>/spellings.tsv} of every supported language that has one, adding each file read
     * to {@code digest}; a malformed line fails with its file and line number.
     */
    static Spellings load(Path langRoot, TextNormaliser normaliser, MessageDigest digest) {
        Map<String, String> words = new HashMap<>();
        for (Language language : Language.supported()) {
            Path file = langRoot.resolve(language.code()).resolve("spellings.tsv");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                DistressLexicon.eachLine(file, line -> add(line, normaliser, words));
                digest.update(("spellings " + language.code()).getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new LexiconException("cannot read the spellings " + file + ": " + e.getMessage(), e);
            }
        }
        for (Map.Entry<String, String> spelling : words.entrySet()) {
            if (words.containsKey(spelling.getValue())) {
                throw new LexiconException("'" + spelling.getKey() + "' is spelt '" + spelling.getValue()
                        + "', which is itself a spelling of '" + words.get(spelling.getValue()) + "': name the word",
                        null);
            }
        }
        return new Spellings(words);
    }

    /** Spellings given in memory (tests): each key read as its value. */
    static Spellings of(Map<String, String> words) {
        return new Spellings(words);
    }

    private static void add(String line, TextNormaliser normaliser, Map<String, String> words) {
        String[] cols = line.split("\t", -1);
        if (cols.length != 2) {
            throw new IllegalArgumentException("expected 2 tab-separated columns, found " + cols.length);
        }
        String spelling = oneWord(cols[0], normaliser);
        String word = oneWord(cols[1], normaliser);
        if (spelling.equals(word)) {
            throw new IllegalArgumentException("'" + cols[0].trim() + "' is the word itself");
        }
        String before = words.putIfAbsent(spelling, word);
        if (before != null && !before.equals(word)) {
            throw new IllegalArgumentException("'" + spelling + "' is already read as '" + before + "'");
        }
    }

    private static String oneWord(String text, TextNormaliser normaliser) {
        List<String> tokens = normaliser.normalise(text.trim()).tokens();
        if (tokens.size() != 1) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not one word");
        }
        return tokens.get(0);
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** {@code token} in the word's spelling; a phrase's prefix ({@code khtm*}) keeps its star. */
    String word(String token) {
        String word = words.get(token);
        if (word != null) {
            return word;
        }
        if (token.length() > 1 && token.endsWith("*")) {
            String stem = words.get(token.substring(0, token.length() - 1));
            return stem == null ? token : stem + "*";
        }
        return token;
    }

    /** {@code tokens} in the words' spellings: the same list when no token is a spelling listed here. */
    List<String> respell(List<String> tokens) {
        if (words.isEmpty()) {
            return tokens;
        }
        List<String> read = null;
        for (int i = 0; i < tokens.size(); i++) {
            String word = word(tokens.get(i));
            if (read == null && !word.equals(tokens.get(i))) {
                read = new ArrayList<>(tokens);
            }
            if (read != null) {
                read.set(i, word);
            }
        }
        return read == null ? tokens : read;
    }
}
