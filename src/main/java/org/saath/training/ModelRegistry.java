package org.saath.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.saath.nlu.Language;
import org.saath.nlu.ModelUnavailableException;

/**
 * The trained models of one kind ({@code intent} or {@code risk}) in a models folder: every version is kept as
 * {@code <kind>-<version>.bin} with {@code <kind>-<version>.card.json}; {@code <kind>.bin} and
 * {@code <kind>.card.json} are the promoted one. Promotion first keeps the model it replaces as a version (so it
 * can be promoted back), then replaces the card, then the model, each by an atomic rename, so a watcher that reacts
 * to the model file always finds the matching card.
 *
 * @param <C> the card type of this kind of model
 */
public final class ModelRegistry<C extends KeptCard> {

    public static final String INTENT = "intent";
    public static final String RISK = "risk";
    /** The promoted models' files; a change to either reloads the analyser. */
    public static final List<String> MODEL_FILES = List.of(INTENT + ".bin", RISK + ".bin");

    private final Path folder;
    private final String kind;
    private final Function<Path, C> readCard;

    private ModelRegistry(Path folder, String kind, Function<Path, C> readCard) {
        this.folder = folder;
        this.kind = kind;
        this.readCard = readCard;
    }

    /** The intent models of {@code folder}. */
    public static ModelRegistry<ModelCard> intent(Path folder) {
        return new ModelRegistry<>(folder, INTENT, ModelCard::read);
    }

    /** The risk models of {@code folder}. */
    public static ModelRegistry<RiskCard> risk(Path folder) {
        return new ModelRegistry<>(folder, RISK, RiskCard::read);
    }

    public Path folder() {
        return folder;
    }

    public String kind() {
        return kind;
    }

    /** The promoted model file. */
    public Path model() {
        return folder.resolve(kind + ".bin");
    }

    /** The promoted model's card file. */
    public Path card() {
        return folder.resolve(kind + ".card.json");
    }

    /**
     * The lexicon the promoted model was trained with ({@code <lang>/lexicon.tsv} under it, and the spellings it read
     * them with, {@code <lang>/spellings.tsv}, where there were any), when it was kept: the
     * model reads its features through it, while the rules read the current lexicon, so a phrase added for safety
     * takes effect without retraining and without moving the model.
     */
    public Path lexicon() {
        return folder.resolve(kind + ".lexicon");
    }

    /** Keeps the lexicon files of {@code langRoot} as the ones {@code version} was trained with. */
    public void saveLexicon(String version, Path langRoot) throws IOException {
        copyLexicon(langRoot, kept(version, ".lexicon"));
    }

    private static void copyLexicon(Path from, Path to) throws IOException {
        deleteLexicon(to);
        for (Language language : Language.supported()) {
            Path file = from.resolve(language.code()).resolve("lexicon.tsv");
            Path target = to.resolve(language.code()).resolve("lexicon.tsv");
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            Path spellings = file.resolveSibling("spellings.tsv");          // read with the phrases, when there
            if (Files.isRegularFile(spellings)) {
                Files.copy(spellings, target.resolveSibling("spellings.tsv"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteLexicon(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Path kept(String version, String suffix) {
        return folder.resolve(kind + "-" + version + suffix);
    }

    /** Keeps a trained model under its version; {@code writeCard} writes the card to the path it is given. */
    public void save(byte[] model, String version, CardWriter writeCard) throws IOException {
        Files.createDirectories(folder);
        writeCard.write(kept(version, ".card.json"));
        Files.write(kept(version, ".bin"), model);
    }

    /** Writes a card to a file. */
    @FunctionalInterface
    public interface CardWriter {
        void write(Path file) throws IOException;
    }

    /** Whether {@code version} is kept. */
    public boolean has(String version) {
        return Files.isRegularFile(kept(version, ".bin")) && Files.isRegularFile(kept(version, ".card.json"));
    }

    /** Makes {@code version} the promoted model; a version that is not kept is a {@link ModelUnavailableException}. */
    public void promote(String version) throws IOException {
        if (!has(version)) {
            throw new ModelUnavailableException("no kept " + kind + " model version '" + version + "' in " + folder
                    + " (see `saath models`)", null);
        }
        keepCurrent();
        // the lexicon first: a running service reloads when the model file changes, and must find the model's own
        if (Files.isDirectory(kept(version, ".lexicon"))) {
            copyLexicon(kept(version, ".lexicon"), lexicon());
        } else {
            deleteLexicon(lexicon());   // kept before lexicons were: it reads the current one, as it always did
        }
        replace(kept(version, ".card.json"), card());
        replace(kept(version, ".bin"), model());
    }

    /** Keeps the promoted model as a version of its own, if it is not kept yet, so it can be promoted back. */
    private void keepCurrent() throws IOException {
        Optional<C> current = current();
        if (current.isEmpty() || !Files.isRegularFile(model())) {
            return;
        }
        Path keptModel = kept(current.get().version(), ".bin");
        if (!Files.exists(keptModel)) {
            Files.copy(card(), kept(current.get().version(), ".card.json"));
            Files.copy(model(), keptModel);
        }
        if (Files.isDirectory(lexicon()) && !Files.isDirectory(kept(current.get().version(), ".lexicon"))) {
            copyLexicon(lexicon(), kept(current.get().version(), ".lexicon"));
        }
    }

    private static void replace(Path source, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The promoted model's card, if there is one. */
    public Optional<C> current() {
        return Files.isRegularFile(card()) ? Optional.of(readCard.apply(card())) : Optional.empty();
    }

    /** Every kept version's card, oldest first. */
    public List<C> versions() {
        List<C> cards = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return cards;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches(kind + "-.+\\.card\\.json")).toList()) {
                cards.add(readCard.apply(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cards.sort(Comparator.comparing(KeptCard::createdAt));
        return cards;
    }
}
