package org.saath.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.saath.store.OwnerOnlyFiles;

/**
 * A secret kept in the data folder when the configuration gives none (the user-id secret, the address key, the
 * generic channel's token): generated once (random bytes, base64, owner-only permissions where the file system
 * has them) and read back on every start, so that hashes, ciphertexts and tokens stay valid across restarts.
 */
public final class SecretFile {

    static final String NAME = "user-id-secret.key";

    private SecretFile() {
    }

    /** Where the user-id secret is kept when the configuration gives none. */
    public static Path userIdSecret(Path dataDir) {
        return dataDir.resolve(NAME);
    }

    /** The user-id secret: 32 random bytes in {@code <data-dir>/user-id-secret.key}. */
    public static byte[] loadOrCreate(Path dataDir) {
        return loadOrCreate(dataDir.resolve(NAME), 32);
    }

    /** The secret in {@code file}, or {@code length} new random bytes written there first. */
    public static byte[] loadOrCreate(Path file, int length) {
        try {
            return Base64.getDecoder().decode(text(file, length));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not valid base64", e);
        }
    }

    /**
     * The text in {@code file} (trimmed), or a new one written there first: URL-safe base64 of {@code length}
     * random bytes, usable as a Bearer token.
     */
    public static String loadOrCreateToken(Path file, int length) {
        return text(file, -length);
    }

    /** A positive length writes standard base64, a negative one URL-safe base64 without padding. */
    private static String text(Path file, int length) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] secret = new byte[Math.abs(length)];
            new SecureRandom().nextBytes(secret);
            String text = length > 0 ? Base64.getEncoder().encodeToString(secret)
                    : Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            try {
                OwnerOnlyFiles.create(file);
            } catch (FileAlreadyExistsException e) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim(); // another process was first
            }
            Files.writeString(file, text, StandardCharsets.US_ASCII);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
