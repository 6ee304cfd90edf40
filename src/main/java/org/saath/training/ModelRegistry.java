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
import java.util.stream.Stream;

import org.saath.nlu.ModelUnavailableException;

/**
 * The trained models of a models folder: every version is kept as {@code intent-<version>.bin} with
 * {@code intent-<version>.card.json}; {@code intent.bin} and {@code intent.card.json} are the promoted one.
 * Promotion first keeps the model it replaces as a version (so it can be promoted back), then replaces the card,
 * then the model, each by an atomic rename, so a watcher that reacts to the model file always finds the matching
 * card.
 */
public final class ModelRegistry {

    public static final String MODEL = "intent.bin";
    public static final String CARD = "intent.card.json";

    private final Path folder;

    public ModelRegistry(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Keeps a trained model under its version. */
    public void save(byte[] model, ModelCard card) throws IOException {
        Files.createDirectories(folder);
        card.write(folder.resolve("intent-" + card.version() + ".card.json"));
        Files.write(folder.resolve("intent-" + card.version() + ".bin"), model);
    }

    /** Makes {@code version} the promoted model; a version that is not kept is a {@link ModelUnavailableException}. */
    public void promote(String version) throws IOException {
        Path model = folder.resolve("intent-" + version + ".bin");
        Path card = folder.resolve("intent-" + version + ".card.json");
        if (!Files.isRegularFile(model) || !Files.isRegularFile(card)) {
            throw new ModelUnavailableException("no kept model version '" + version + "' in " + folder
                    + " (see `saath models`)", null);
        }
        keepCurrent();
        replace(card, folder.resolve(CARD));
        replace(model, folder.resolve(MODEL));
    }

    /** Keeps the promoted model as a version of its own, if it is not kept yet, so it can be promoted back. */
    private void keepCurrent() throws IOException {
        Optional<ModelCard> current = current();
        if (current.isEmpty() || !Files.isRegularFile(folder.resolve(MODEL))) {
            return;
        }
        Path keptModel = folder.resolve("intent-" + current.get().version() + ".bin");
        if (!Files.exists(keptModel)) {
            Files.copy(folder.resolve(CARD), folder.resolve("intent-" + current.get().version() + ".card.json"));
            Files.copy(folder.resolve(MODEL), keptModel);
        }
    }

    private static void replace(Path source, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The promoted model's card, if there is one. */
    public Optional<ModelCard> current() {
        Path card = folder.resolve(CARD);
        return Files.isRegularFile(card) ? Optional.of(ModelCard.read(card)) : Optional.empty();
    }

    /** Every kept version's card, oldest first. */
    public List<ModelCard> versions() {
        List<ModelCard> cards = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("intent-.+\\.card\\.json")).toList()) {
                cards.add(ModelCard.read(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cards.sort(Comparator.comparing(ModelCard::createdAt));
        return cards;
    }
}
