package org.saath.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold what people wrote (the SQLite store and its WAL, an export for labelling) readable by their owner
 * alone, as the generated keys are (privacy.SecretFile creates them here): with the usual umask they were readable by
 * every local user. SQLite creates the WAL and shared-memory files with the database file's permissions, so an
 * owner-only database keeps them owner-only too. On a file system without POSIX permissions nothing is changed (the folder's own
 * permissions protect them there).
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> OWNER = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /**
     * Creates {@code file} empty and owner-only from the start, so it is never readable by others, even briefly;
     * {@link FileAlreadyExistsException} when it exists (another process may have been first).
     */
    public static void create(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    /** Creates {@code file} empty and owner-only if it is missing, else makes it owner-only. */
    public static void createOrRestrict(Path file) throws IOException {
        try {
            create(file);
        } catch (FileAlreadyExistsException e) {
            restrict(file);
        }
    }

    /** Makes {@code file} owner-only if it exists. */
    public static void restrict(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, OWNER);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }
}
