package org.saath.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.saath.config.SaathConfig;
import org.saath.Components;
import org.saath.store.Database;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option of the commands that use the store. */
public final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "data folder (default: from config, ./data)")
    String dataDir;

    /** {@code config} with the data folder from the command line, if one was given. */
    SaathConfig apply(SaathConfig config) {
        return dataDir == null ? config : config.withDataDir(dataDir);
    }

    /**
     * The existing store ({@code store.url}, or the data folder's SQLite file); a data folder without one is an
     * error, not a new empty store.
     */
    Database existingStore(SaathConfig config) {
        SaathConfig applied = apply(config);
        Path data = Path.of(applied.dataDir());
        if (!applied.store().shared() && (applied.store().url() == null || applied.store().url().isEmpty())
                && !Files.isRegularFile(data.resolve(Database.SQLITE_FILE))) {
            throw new IllegalArgumentException("no Saath store in " + data.toAbsolutePath());
        }
        return Components.database(applied);
    }
}
