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

    private static final String SQLITE = "jdbc:sqlite:";

    /**
     * The existing store ({@code store.url}, or the data folder's SQLite file); an SQLite file that is not there
     * (a data folder without one, a mistyped {@code jdbc:sqlite:} path) is an error, not a new empty store.
     */
    Database existingStore(SaathConfig config) {
        SaathConfig applied = apply(config);
        String url = applied.store().url() == null ? "" : applied.store().url();
        Path file = url.startsWith(SQLITE) ? Path.of(url.substring(SQLITE.length()).replaceFirst("\\?.*$", ""))
                : Path.of(applied.dataDir()).resolve(Database.SQLITE_FILE);
        if (!applied.store().shared() && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no Saath store at " + file.toAbsolutePath());
        }
        return Components.database(applied);
    }
}
