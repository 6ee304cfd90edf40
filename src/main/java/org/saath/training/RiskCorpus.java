package org.saath.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.saath.nlu.Intent;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;
import org.saath.nlu.TextNormaliser;

/**
 * The risk-labelled corpus: each supported language's {@code models/lang/<code>/risk.tsv}, with the columns
 * {@code risk<TAB>text<TAB>context} after a header ({@code context}: the same person's previous 1–2 messages,
 * separated by {@code  || }, or empty). Lines starting with {@code #} are section notes. Rows are validated (a
 * known level, a text) and de-duplicated on their normalised text and context, the first occurrence winning; a
 * row whose text is in a held-out file is refused, as for the intent corpus. The everyday sentences of the intent
 * corpus ({@link #EVERYDAY_INTENTS}) are added as {@code none} rows and its distress sentences
 * ({@link #DISTRESS_INTENTS}) as {@code low} rows, for training only, never for evaluation. The SHA-256
 * over the risk files and those intent sentences lets the risk model's card prove which data it came from.
 */
public record RiskCorpus(List<RiskText> rows, List<RiskText> everyday, String sha256, int duplicatesDropped) {

    public static final String FILE = "risk.tsv";
    /**
     * Intents whose sentences are everyday talk at risk {@code none} by definition (greetings, thanks, requests
     * for a number, everything off-topic, idioms included): the risk model also learns from them what ordinary
     * chat looks like, which the risk corpus, full of hard cases, shows too rarely.
     */
    public static final Set<Intent> EVERYDAY_INTENTS = Set.of(Intent.GREETING, Intent.GRATITUDE_GOODBYE,
            Intent.OUT_OF_SCOPE, Intent.RESOURCE_REQUEST);
    /**
     * Intents whose sentences are distress without thoughts of death, risk {@code low} by how the intent corpus was
     * written (a message with ideation is labelled {@code crisis} there): bullying, abuse, substance use, work stress,
     * anxiety. Without them the risk model reads such messages, rare in its own corpus, as danger. Depression is left
     * out: its sentences can hold passive ideation.
     */
    public static final Set<Intent> DISTRESS_INTENTS = Set.of(Intent.CYBERBULLYING, Intent.ABUSE_VIOLENCE,
            Intent.SUBSTANCE, Intent.WORK_STRESS, Intent.ANXIETY);

    public RiskCorpus {
        rows = List.copyOf(rows);
        everyday = List.copyOf(everyday);
    }

    /** Everything the model is trained on: the risk rows, then the rows taken from the intent corpus. */
    public List<RiskText> all() {
        List<RiskText> all = new ArrayList<>(rows);
        all.addAll(everyday);
        return all;
    }

    /**
     * Loads every supported language's file under {@code langRoot}; a language without one is skipped, no file at
     * all fails.
     *
     * @param heldOut normalised text → the evaluation file it comes from: never trained on
     */
    public static RiskCorpus load(Path langRoot, TextNormaliser normaliser, Map<String, String> heldOut) {
        List<RiskText> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        List<Path> files = new ArrayList<>();
        Map<Path, List<LabelledText>> learnt = new LinkedHashMap<>();
        for (String code : Language.supported().stream().map(Language::code).sorted().toList()) {
            Path file = langRoot.resolve(code).resolve(FILE);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            files.add(file);
            for (RiskText row : read(file, code)) {
                String normalised = normaliser.normalise(row.text()).text();
                if (heldOut.containsKey(normalised)) {
                    throw new CorpusException(row.origin() + ": this text is in the held-out evaluation file "
                            + heldOut.get(normalised) + "; evaluation data must never be trained on");
                }
                if (seen.add(key(row, normaliser))) {
                    rows.add(row);
                } else {
                    duplicates++;
                }
            }
        }
        if (files.isEmpty()) {
            throw new CorpusException("no risk corpus (" + FILE + ") in any language folder of " + langRoot);
        }
        List<RiskText> everyday = new ArrayList<>();
        for (String code : Language.supported().stream().map(Language::code).sorted().toList()) {
            Path file = langRoot.resolve(code).resolve(TrainingCorpus.SEED_FILE);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            List<LabelledText> sentences = TrainingCorpus.readFile(file).stream().filter(RiskCorpus::read).toList();
            learnt.put(file, sentences);
            everyday.addAll(withContext(fromIntents(sentences, code, normaliser, heldOut, seen)));
        }
        return new RiskCorpus(rows, everyday, sha256(files, learnt), duplicates);
    }

    /**
     * What makes two rows the same row: the normalised text and context (a row said twice is read once). With
     * {@link #sameRows} the level counts too: a row whose level changed is not the row the earlier model learnt.
     */
    static String key(RiskText row, TextNormaliser normaliser) {
        return normaliser.normalise(row.text()).text() + "\u0000" + String.join("\u0000", row.context().stream()
                .map(c -> normaliser.normalise(c).text()).toList());
    }

    /** Which rows of another corpus this one holds too, with the same level (the everyday rows aside). */
    public Predicate<RiskText> sameRows(TextNormaliser normaliser) {
        Set<String> keys = new HashSet<>();
        rows.forEach(r -> keys.add(r.risk().code() + "\u0000" + key(r, normaliser)));
        return r -> keys.contains(r.risk().code() + "\u0000" + key(r, normaliser));
    }

    /** One language's everyday and distress intent sentences ({@link #read}) as {@code none} and {@code low} rows. */
    private static List<RiskText> fromIntents(List<LabelledText> sentences, String code, TextNormaliser normaliser,
                                              Map<String, String> heldOut, Set<String> seen) {
        List<RiskText> rows = new ArrayList<>();
        for (LabelledText row : sentences) {
            String normalised = normaliser.normalise(row.text()).text();
            boolean everydayRow = EVERYDAY_INTENTS.contains(row.intent());
            if (!heldOut.containsKey(normalised) && seen.add(normalised + "\u0000")) {
                rows.add(new RiskText(everydayRow ? RiskLevel.NONE : RiskLevel.LOW, row.text(), List.of(), code,
                        "intent:" + row.intent().label(), row.origin()));
            }
        }
        return rows;
    }

    /** Whether the risk model learns from this intent sentence (an everyday or a distress one). */
    private static boolean read(LabelledText row) {
        return EVERYDAY_INTENTS.contains(row.intent()) || DISTRESS_INTENTS.contains(row.intent());
    }

    /**
     * Gives every second row another sentence of the same kind as its previous message, picked by a fixed stride:
     * in the risk corpus most rows with a context are risky follow-ups, and without this the model would learn that
     * having a context at all is a sign of danger ("thanks, bye" after "hello").
     */
    static List<RiskText> withContext(List<RiskText> rows) {
        List<RiskText> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            RiskText r = rows.get(i);
            List<RiskText> sameKind = rows.stream().filter(o -> o.risk() == r.risk()).toList();
            if (i % 2 == 1 || sameKind.size() < 2) {
                out.add(r);
                continue;
            }
            RiskText previous = sameKind.get((int) ((i * 7919L + 13) % sameKind.size()));
            out.add(previous == r ? r : new RiskText(r.risk(), r.text(), List.of(previous.text()), r.language(),
                    r.category(), r.origin()));
        }
        return out;
    }

    static List<RiskText> read(Path file, String language) {
        TsvTable table = TsvTable.read(file);
        int risk = table.column("risk");
        int text = table.column("text");
        int context = table.hasColumn("context") ? table.column("context") : -1;
        List<RiskText> rows = new ArrayList<>();
        String note = "";
        for (int i = 0; i < table.rows().size(); i++) {
            String level = table.field(i, risk).trim();
            String message = table.field(i, text).trim();
            if (level.startsWith("#")) {
                note = level.toLowerCase(java.util.Locale.ROOT);
                continue;
            }
            if (level.isEmpty() && message.isEmpty()) {
                continue;
            }
            RiskLevel gold;
            try {
                gold = RiskLevel.fromCode(level);
            } catch (IllegalArgumentException e) {
                throw new CorpusException(table.origin(i) + ": " + e.getMessage());
            }
            if (message.isEmpty()) {
                throw new CorpusException(table.origin(i) + ": empty text");
            }
            List<String> previous = context < 0 ? List.of() : RiskText.context(table, i, context);
            rows.add(new RiskText(gold, message, previous, language, category(note, gold), table.origin(i)));
        }
        return rows;
    }

    /**
     * The kind of row, from the section note above it, where the writers named one that the figures single out:
     * {@code none} rows under a note about hard negatives, topics, idioms or benign means, and {@code low} rows
     * under a note that is about recovery. Everything else is "" (not singled out).
     */
    static String category(String note, RiskLevel gold) {
        if (gold == RiskLevel.NONE) {
            if (note.contains("idiom") || note.contains("hyperbole")) {
                return note.contains("topic") || note.contains("benign") ? "hard_negative" : "idiom";
            }
            if (note.contains("benign") || note.contains("means words")) {
                return note.contains("topic") ? "hard_negative" : "benign_means";
            }
            if (note.contains("hard negative") || note.contains("topic")) {
                return "topic_mention";
            }
        }
        if (gold == RiskLevel.LOW && note.matches("#\\s*(low:\\s*)?recovery.*")) {
            return "recovery";
        }
        return "";
    }

    /**
     * The risk files' bytes, then of each intent file only the sentences the model learns from, in order, with their
     * intent: sentences of another intent (depression, crisis) can be added for the intent model without changing what
     * the risk model's card proves, and so without training it again.
     */
    private static String sha256(List<Path> riskFiles, Map<Path, List<LabelledText>> learnt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : riskFiles) {
                name(digest, file);
                digest.update(Files.readAllBytes(file));
            }
            for (Map.Entry<Path, List<LabelledText>> file : learnt.entrySet()) {
                name(digest, file.getKey());
                for (LabelledText row : file.getValue()) {
                    digest.update((row.intent().label() + "\t" + row.text() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new CorpusException("cannot hash the risk corpus: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void name(MessageDigest digest, Path file) {
        digest.update((file.getParent().getFileName() + "/" + file.getFileName()).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    public Map<String, Integer> countsByLevel() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RiskLevel level : RiskLevel.values()) {
            counts.put(level.code(), 0);
        }
        rows.forEach(r -> counts.merge(r.risk().code(), 1, Integer::sum));
        return counts;
    }

    /** Rows per language (risk rows only; the everyday rows are counted apart). */
    public Map<String, Integer> countsByLanguage() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.merge(r.language(), 1, Integer::sum));
        return counts;
    }
}
