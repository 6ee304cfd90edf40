package org.saath.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.javalin.Javalin;
import org.saath.App;
import org.saath.Components;
import org.saath.config.SaathConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code saath serve}: the HTTP service on the embedded default. */
@Command(name = "serve", description = "Start the service (default port 8080, state in ./data).")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    ConfigOptions options;

    @Option(names = "--port", description = "port to listen on; 0 picks a free one (default: from config, 8080)")
    Integer port;

    @Option(names = "--data", paramLabel = "DIR", description = "data folder (default: from config, ./data)")
    String dataDir;

    @Override
    public Integer call() throws InterruptedException {
        SaathConfig config = options.load();
        if (port != null) {
            config = config.withPort(port);
        }
        if (dataDir != null) {
            config = config.withDataDir(dataDir);
        }
        Components components = Components.load(config, Clock.systemUTC());
        Javalin app = App.create(components).start(config.server().port());
        LOG.info("listening on port {}", app.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            stopped.countDown();
        }, "saath-shutdown"));
        stopped.await();
        return 0;
    }
}
