package org.saath.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import java.nio.file.Path;
import java.util.Optional;

import io.javalin.Javalin;
import org.saath.App;
import org.saath.Components;
import org.saath.config.SaathConfig;
import org.saath.outbox.OutboxDispatcher;
import org.saath.privacy.RetentionJob;
import org.saath.store.JdbcConversationStore;
import org.saath.training.ModelFileWatcher;
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

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        SaathConfig config = data.apply(options.load());
        if (port != null) {
            config = config.withPort(port);
        }
        Components components = Components.load(config, Clock.systemUTC());
        Javalin app = App.create(components).start(config.server().port());
        ModelFileWatcher watcher = new ModelFileWatcher(Path.of(config.modelsDir()), components.model());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "saath-retention");
            t.setDaemon(true);
            return t;
        });
        OutboxDispatcher dispatcher = new OutboxDispatcher(components.handoffs(), components.partners(),
                Optional.of(config.callback()).filter(SaathConfig.Callback::enabled)
                        .map(c -> new OutboxDispatcher.Endpoint(c.url(), c.secret())),
                java.net.http.HttpClient.newHttpClient(), Clock.systemUTC(), new java.util.Random()::nextDouble,
                java.time.Duration.ofSeconds(2), 12, components.ops().metrics());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                components.desk().expireLapsedOffers();
                dispatcher.dispatchDue();
            } catch (RuntimeException e) {
                LOG.warn("outbox dispatch failed: {}", e.getMessage());
            }
        }, 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(components.ops().impact()::flush, 10, 10, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(new RetentionJob(new JdbcConversationStore(components.dataSource()),
                config.privacy().retention(), Clock.systemUTC()), 0, 1, TimeUnit.HOURS);
        LOG.info("listening on port {}", app.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            scheduler.shutdownNow();
            components.ops().impact().flush();
            try {
                watcher.close();
            } catch (java.io.IOException e) {
                LOG.warn("closing the model watcher failed: {}", e.getMessage());
            }
            stopped.countDown();
        }, "saath-shutdown"));
        stopped.await();
        return 0;
    }
}
