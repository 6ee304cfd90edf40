package org.saath.training;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the promoted models when {@code intent.bin} or {@code risk.bin} changes in the models folder (for example
 * after {@code saath promote}), on a daemon thread. A model that fails to load is logged and the old one stays.
 */
public final class ModelFileWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelFileWatcher.class);

    private final PromotedModel model;
    private final WatchService watch;
    private final Thread thread;

    public ModelFileWatcher(Path folder, PromotedModel model) throws IOException {
        this.model = model;
        this.watch = folder.getFileSystem().newWatchService();
        folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        this.thread = new Thread(this::run, "saath-model-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watch.take();
                boolean changed = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    changed |= ModelRegistry.MODEL_FILES.contains(String.valueOf(event.context()));
                }
                key.reset();
                if (changed) {
                    onModelChanged();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reloads the model; a failure is logged and the model in use stays. */
    void onModelChanged() {
        try {
            LOG.info("promoted model changed on disk; now answering with {}", model.reload());
        } catch (RuntimeException e) {
            LOG.warn("promoted model changed on disk but cannot be loaded; keeping the old one: {}", e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        watch.close();
        thread.interrupt();
    }
}
