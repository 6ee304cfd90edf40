package org.saath;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@link HandoffApp} of one test ({@code @RegisterExtension}): started in a folder of its own when the test asks,
 * closed and its folder removed after the test.
 */
public final class HandoffApps implements AfterEachCallback {

    /** Words and a number only one person wrote: a test looks for them everywhere after they should be gone. */
    public static final String TRACEABLE_CRISIS =
            "i want to kill myself, the zafarabad uncle again, call me on 0300-7654321";

    private Path dir;
    private HandoffApp app;

    /** Starts the app on a fresh store of {@code kind} (a PostgreSQL test is skipped, with the reason, without one). */
    public HandoffApp start(TestStores.Kind kind, Instant now, String name) throws IOException {
        dir = TempFolders.create("saath-handoff");
        app = HandoffApp.start(kind, dir, now, name);
        return app;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (app != null) {
            app.close();
            app = null;
        }
        if (dir != null) {
            TempFolders.delete(dir);
            dir = null;
        }
    }
}
