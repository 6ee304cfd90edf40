package org.saath.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.saath.TempFolders;
import org.saath.TestStores;

/**
 * The databases a store test opens ({@code @RegisterExtension}), each migrated by Flyway and closed after the test:
 * a real SQLite file in a folder of the test's own (removed after it), or a real PostgreSQL database (the test is
 * skipped, with the reason, where PostgreSQL cannot run). Opening one URL twice is two nodes on the same data.
 */
final class TestDatabases implements AfterEachCallback {

    private final String name;
    private final int poolSize;
    private final List<Database> opened = new ArrayList<>();
    private Path dir;

    /**
     * @param name     what the PostgreSQL databases are named after
     * @param poolSize connections per opened database
     */
    TestDatabases(String name, int poolSize) {
        this.name = name;
        this.poolSize = poolSize;
    }

    /** A store of this kind: the test's SQLite file, or a new PostgreSQL database at each call. */
    String url(TestStores.Kind kind) {
        if (kind == TestStores.Kind.POSTGRESQL) {
            return TestStores.postgres(name);
        }
        if (dir == null) {
            dir = TempFolders.create("saath-store");
        }
        return Database.sqliteUrl(dir);
    }

    Database open(String url) {
        Database db = Database.open(url, "", "", poolSize);
        opened.add(db);
        return db;
    }

    /** A fresh store of this kind, opened. */
    Database open(TestStores.Kind kind) {
        return open(url(kind));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        opened.forEach(Database::close);
        opened.clear();
        if (dir != null) {
            TempFolders.delete(dir);
            dir = null;
        }
    }
}
