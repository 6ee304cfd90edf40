package org.saath.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.saath.config.SaathConfig;
import org.saath.store.JdbcConversationStore;
import org.saath.store.SqliteDatabase;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option of the commands that use the store. */
public final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "data folder (default: from config, ./data)")
    String dataDir;

    /** {@code config} with the data folder from the command line, if one was given. */
    SaathConfig apply(SaathConfig config) {
        return dataDir == null ? config : config.withDataDir(dataDir);
    }

    /** The store of an existing data folder; a folder without one is an error, not a new empty store. */
    JdbcConversationStore existingStore(SaathConfig config) {
        return new JdbcConversationStore(existingDataSource(config));
    }

    /** The database of an existing data folder (brought up to date); a folder without one is an error. */
    DataSource existingDataSource(SaathConfig config) {
        Path data = Path.of(apply(config).dataDir());
        if (!Files.isRegularFile(data.resolve(SqliteDatabase.FILE_NAME))) {
            throw new IllegalArgumentException("no Saath store in " + data.toAbsolutePath());
        }
        return SqliteDatabase.open(data);
    }
}
