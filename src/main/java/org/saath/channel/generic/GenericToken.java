package org.saath.channel.generic;

import java.nio.file.Path;

import org.saath.config.ConfigException;
import org.saath.config.SaathConfig;
import org.saath.privacy.SecretFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generic channel's Bearer token: {@code channels.generic.token}, else generated once into
 * {@code <data-dir>/generic-channel.token} (owner-only) and kept. The start-up log names where it is, never the token.
 */
public final class GenericToken {

    /** The file the token is kept in when the configuration gives none. */
    public static final String FILE_NAME = "generic-channel.token";

    private static final Logger LOG = LoggerFactory.getLogger(GenericToken.class);

    private GenericToken() {
    }

    public static String resolve(SaathConfig config) {
        String configured = config.channels().generic().token();
        if (!configured.isEmpty()) {
            LOG.info("generic channel: Bearer token from channels.generic.token");
            return configured;
        }
        Path file = Path.of(config.dataDir()).resolve(FILE_NAME).toAbsolutePath().normalize();
        String token = SecretFile.loadOrCreateToken(file, 32);
        if (token.length() < 16) {
            throw new ConfigException(file + " holds a token shorter than 16 characters; delete it to generate one");
        }
        LOG.info("generic channel: Bearer token in {}", file);
        return token;
    }
}
