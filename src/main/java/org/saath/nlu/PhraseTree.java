package org.saath.nlu;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Phrases as a tree of their words, each phrase with a value and a rank, for finding every phrase that starts at a
 * position of a message with one lookup per word read, instead of trying each phrase that shares its first word (a
 * common first word, "i", "my", «میں», starts a hundred of the lexicon's). A word ending in {@code *} matches any
 * word that starts with the rest of it ({@code suicid*}; a bare {@code *} matches any word), except as a phrase's
 * first word, where it needs one letter at least. Built once by a {@link Builder}, then immutable and thread-safe.
 *
 * @param <V> what a phrase stands for (a lexicon entry, a command)
 */
final class PhraseTree<V> {

    /** Receives the phrases found, in no particular order: the rank says which comes first. */
    interface Visitor<V> {
        void found(V value, int rank);
    }

    private final Node<V> root;
    /**
     * The first words that are prefixes: those of two letters or more under their first two characters
     * ({@code (c0 << 16) | c1} in the sorted {@code twoLetterKeys}, as edges of the node at the same index of
     * {@code twoLetterNodes}), those of one letter under it.
     */
    private final int[] twoLetterKeys;
    private final Node<V>[] twoLetterNodes;
    private final int[] oneLetterKeys;
    private final Node<V>[] oneLetterNodes;

    private PhraseTree(Builder<V> builder) {
        this.root = builder.root;
        this.twoLetterKeys = keys(builder.twoLetters);
        this.twoLetterNodes = nodes(builder.twoLetters);
        this.oneLetterKeys = keys(builder.oneLetter);
        this.oneLetterNodes = nodes(builder.oneLetter);
    }

    static <V> Builder<V> builder() {
        return new Builder<>();
    }

    /**
     * Visits every phrase that starts at {@code start} of {@code tokens}, its first word read as {@code first} (the
     * token there, or a stem of it).
     */
    void visitAt(List<String> tokens, int start, String first, Visitor<V> visitor) {
        Node<V> whole = root.words.get(first);
        if (whole != null) {
            whole.visit(tokens, start + 1, visitor);
        }
        if (first.length() >= 2 && twoLetterKeys.length > 0) {
            int at = Arrays.binarySearch(twoLetterKeys, key(first.charAt(0), first.charAt(1)));
            if (at >= 0) {
                twoLetterNodes[at].visitStems(first, tokens, start + 1, visitor);
            }
        }
        if (!first.isEmpty() && oneLetterKeys.length > 0) {
            int at = Arrays.binarySearch(oneLetterKeys, first.charAt(0));
            if (at >= 0) {
                oneLetterNodes[at].visitStems(first, tokens, start + 1, visitor);
            }
        }
    }

    private static int key(char first, char second) {
        return first << 16 | second;
    }

    private static int[] keys(Map<Integer, ?> index) {
        return index.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    @SuppressWarnings("unchecked")
    private static <V> Node<V>[] nodes(Map<Integer, Node<V>> index) {
        return index.values().toArray(Node[]::new);
    }

    /** Whether {@code word}, a phrase's word, matches {@code token}: the same, or {@code token} starts with its stem. */
    static boolean wordMatches(String word, String token) {
        int stem = word.length() - 1;
        if (stem >= 0 && word.charAt(stem) == '*') {
            return token.length() >= stem && token.regionMatches(0, word, 0, stem);
        }
        return word.equals(token);
    }

    /** Adds phrases; {@link #build} once they are all in. */
    static final class Builder<V> {

        private final Node<V> root = new Node<>();
        private final Map<Integer, Node<V>> twoLetters = new TreeMap<>();
        private final Map<Integer, Node<V>> oneLetter = new TreeMap<>();

        /**
         * Adds a phrase of at least one word; one whose first word is a bare {@code *} would match at every word and is
         * not added. Returns whether it was.
         */
        boolean add(List<String> words, V value, int rank) {
            String first = words.get(0);
            int stem = first.length() - 1;
            Node<V> node;
            if (!first.endsWith("*")) {
                node = root.next(first);
            } else if (stem >= 2) {
                node = twoLetters.computeIfAbsent(key(first.charAt(0), first.charAt(1)), k -> new Node<>()).next(first);
            } else if (stem == 1) {
                node = oneLetter.computeIfAbsent((int) first.charAt(0), k -> new Node<>()).next(first);
            } else {
                return false;
            }
            for (int w = 1; w < words.size(); w++) {
                node = node.next(words.get(w));
            }
            node.end(value, rank);
            return true;
        }

        PhraseTree<V> build() {
            return new PhraseTree<>(this);
        }
    }

    /** One word of a phrase: the words that may follow it, whole or as prefixes, and the phrases that end with it. */
    private static final class Node<V> {

        private final Map<String, Node<V>> words = new HashMap<>();
        private String[] stems = {};                    // with their "*": "kill*", "*" for any word
        private Node<V>[] stemNodes = newNodes(0);
        private Object[] ends = {};
        private int[] ranks = {};

        @SuppressWarnings("unchecked")
        private static <V> Node<V>[] newNodes(int size) {
            return new Node[size];
        }

        Node<V> next(String word) {
            if (!word.endsWith("*")) {
                return words.computeIfAbsent(word, k -> new Node<>());
            }
            for (int s = 0; s < stems.length; s++) {
                if (stems[s].equals(word)) {
                    return stemNodes[s];
                }
            }
            stems = Arrays.copyOf(stems, stems.length + 1);
            stemNodes = Arrays.copyOf(stemNodes, stemNodes.length + 1);
            stems[stems.length - 1] = word;
            return stemNodes[stemNodes.length - 1] = new Node<>();
        }

        void end(V value, int rank) {
            ends = Arrays.copyOf(ends, ends.length + 1);
            ranks = Arrays.copyOf(ranks, ranks.length + 1);
            ends[ends.length - 1] = value;
            ranks[ranks.length - 1] = rank;
        }

        /** The phrases that end here, and those that go on with the tokens from {@code next}. */
        @SuppressWarnings("unchecked")
        void visit(List<String> tokens, int next, Visitor<V> visitor) {
            for (int e = 0; e < ends.length; e++) {
                visitor.found((V) ends[e], ranks[e]);
            }
            if (next < tokens.size()) {
                String token = tokens.get(next);
                Node<V> whole = words.isEmpty() ? null : words.get(token);
                if (whole != null) {
                    whole.visit(tokens, next + 1, visitor);
                }
                visitStems(token, tokens, next + 1, visitor);
            }
        }

        /** The phrases that go on with a word of which {@code token} starts with the stem. */
        void visitStems(String token, List<String> tokens, int next, Visitor<V> visitor) {
            for (int s = 0; s < stems.length; s++) {
                if (wordMatches(stems[s], token)) {
                    stemNodes[s].visit(tokens, next, visitor);
                }
            }
        }
    }
}
