package org.saath.cli;

import java.nio.file.Path;
import java.util.Optional;

import org.saath.config.ConfigLoader;
import org.saath.config.SaathConfig;
import org.saath.ops.LogFormat;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every command shares. */
public final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file laid over the default configuration")
    Path configFile;

    /** The configuration; its {@code logging.format} takes effect at once. */
    SaathConfig load() {
        SaathConfig config = ConfigLoader.load(Optional.ofNullable(configFile));
        LogFormat.apply(config.logging());
        return config;
    }
}
