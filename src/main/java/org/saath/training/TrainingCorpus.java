package org.saath.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.saath.nlu.Intent;
import org.saath.nlu.Language;
import org.saath.nlu.TextNormaliser;

/**
 * The training rows of the given folders, with a SHA-256 over the files so that a model card can prove which data it
 * came from. A folder is either a language root ({@code models/lang}: each supported language's
 * {@code <code>/intents.tsv}, in that language) or a folder of labelled exports ({@code conversations/labelled}: every
 * {@code *.tsv}, of mixed language).
 *
 * <p>Rows are validated (a known label, a non-empty text: else the load fails naming file and line) and
 * de-duplicated on their normalised text, the first occurrence winning.
 */
public record TrainingCorpus(List<LabelledText> rows, String sha256, int duplicatesDropped) {

    /** A language folder's intent sentences: {@code models/lang/<code>/intents.tsv}. */
    public static final String SEED_FILE = "intents.tsv";

    public TrainingCorpus {
        rows = List.copyOf(rows);
    }

    public static TrainingCorpus load(List<Path> folders, TextNormaliser normaliser) {
        return load(folders, normaliser, Map.of());
    }

    /**
     * As {@link #load(List, TextNormaliser)}, refusing any row whose normalised text is in {@code heldOut}
     * (normalised text → the evaluation file it comes from): evaluation data must never be trained on.
     */
    public static TrainingCorpus load(List<Path> folders, TextNormaliser normaliser, Map<String, String> heldOut) {
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            files.addAll(trainingFiles(folder));
        }
        if (files.isEmpty()) {
            throw new CorpusException("no training files (*.tsv) in " + folders);
        }
        List<LabelledText> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (Path file : files) {
            for (LabelledText row : readFile(file)) {
                String normalised = normaliser.normalise(row.text()).text();
                if (heldOut.containsKey(normalised)) {
                    throw new CorpusException(row.origin() + ": this text is in the held-out evaluation file "
                            + heldOut.get(normalised) + "; evaluation data must never be trained on");
                }
                if (seen.add(normalised)) {
                    rows.add(row);
                } else {
                    duplicates++;
                }
            }
        }
        return new TrainingCorpus(rows, sha256(files), duplicates);
    }

    /** The normalised texts of every {@code *.tsv} in {@code folder} (a {@code text} column), mapped to their file. */
    public static Map<String, String> heldOutTexts(Path folder, TextNormaliser normaliser) {
        Map<String, String> texts = new java.util.HashMap<>();
        for (Path file : tsvFiles(folder)) {
            TsvTable table = TsvTable.read(file);
            int text = table.column("text");
            for (int i = 0; i < table.rows().size(); i++) {
                String value = table.field(i, text);
                if (value.length() > 15) {
                    texts.putIfAbsent(normaliser.normalise(value).text(), file.getFileName().toString());
                }
            }
        }
        return texts;
    }

    /**
     * The training files of a folder: a language root gives each language's {@code intents.tsv}, any other folder its
     * {@code *.tsv} files; both in name order (of the language code), so that rows, dedupe and folds do not depend
     * on the order languages are declared in.
     */
    private static List<Path> trainingFiles(Path folder) {
        List<Path> seed = Language.supported().stream().map(Language::code).sorted()
                .map(code -> folder.resolve(code).resolve(SEED_FILE)).filter(Files::isRegularFile).toList();
        return seed.isEmpty() ? tsvFiles(folder) : seed;
    }

    private static List<Path> tsvFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(f -> f.getFileName().toString().endsWith(".tsv")).sorted().toList();
        } catch (IOException e) {
            throw new CorpusException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Reads one labelled file; a language folder's {@code intents.tsv} is in that language, any other "mixed". */
    static List<LabelledText> readFile(Path file) {
        TsvTable table = TsvTable.read(file);
        int label = table.column("label");
        int text = table.column("text");
        String language = seedLanguage(file).map(Language::code).orElse("mixed");
        List<LabelledText> rows = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            String labelValue = table.field(i, label).trim();
            String textValue = table.field(i, text).trim();
            if (labelValue.isEmpty() && textValue.isEmpty()) {
                continue;
            }
            Intent intent = Intent.fromLabel(labelValue).orElse(null);
            if (intent == null) {
                throw new CorpusException(table.origin(i) + ": unknown label '" + labelValue + "'");
            }
            if (textValue.isEmpty()) {
                throw new CorpusException(table.origin(i) + ": empty text");
            }
            rows.add(new LabelledText(intent, textValue, language, table.origin(i)));
        }
        return rows;
    }

    private static Optional<Language> seedLanguage(Path file) {
        Path parent = file.getParent();
        return file.getFileName().toString().equals(SEED_FILE) && parent != null
                ? Language.supported(parent.getFileName().toString()) : Optional.empty();
    }

    /**
     * The digest names each file by its language ({@code ur.tsv} for {@code lang/ur/intents.tsv}) or its own name,
     * then hashes its bytes: moving the corpus between folders does not change what a card proves.
     */
    private static String sha256(List<Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                String name = seedLanguage(file).map(l -> l.code() + ".tsv").orElse(file.getFileName().toString());
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new CorpusException("cannot hash the training files: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Row counts per label, in label order. */
    public Map<String, Integer> countsByIntent() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Intent intent : Intent.values()) {
            counts.put(intent.label(), 0);
        }
        rows.forEach(r -> counts.merge(r.intent().label(), 1, Integer::sum));
        return counts;
    }

    public Map<String, Integer> countsByLanguage() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.merge(r.language(), 1, Integer::sum));
        return counts;
    }
}
