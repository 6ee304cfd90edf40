package org.saath.cli;

import java.nio.file.Path;
import java.util.Optional;

import org.saath.config.ConfigLoader;
import org.saath.config.SaathConfig;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every command shares. */
public final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file laid over the default configuration")
    Path configFile;

    SaathConfig load() {
        return ConfigLoader.load(Optional.ofNullable(configFile));
    }
}
