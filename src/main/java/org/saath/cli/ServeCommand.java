package org.saath.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.javalin.Javalin;
import org.saath.App;
import org.saath.Components;
import org.saath.config.SaathConfig;
import org.saath.outbox.OutboxDispatcher;
import org.saath.privacy.RetentionJob;
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

    private static ScheduledExecutorService daemonScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** A background job that logs its failure and runs again at its next time (an uncaught one would stop it). */
    private static Runnable guarded(String name, Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", name, e.getMessage());
            }
        };
    }

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        SaathConfig loaded = data.apply(options.load());
        SaathConfig config = port == null ? loaded : loaded.withPort(port);
        Components components = Components.load(config, Clock.systemUTC());
        Javalin app = App.create(components).start(config.server().port());
        ModelFileWatcher watcher = new ModelFileWatcher(Path.of(config.modelsDir()), components.model());
        ScheduledExecutorService outbox = daemonScheduler("saath-outbox");
        ScheduledExecutorService expiry = daemonScheduler("saath-offer-expiry");
        ScheduledExecutorService retention = daemonScheduler("saath-retention");
        ScheduledExecutorService impact = daemonScheduler("saath-impact");
        OutboxDispatcher dispatcher = new OutboxDispatcher(components.handoffs(), components.partners(),
                Optional.of(config.callback()).filter(SaathConfig.Callback::enabled)
                        .map(c -> new OutboxDispatcher.Endpoint(c.url(), c.secret())), Optional.of(components.people()),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Clock.systemUTC(),
                new java.util.Random()::nextDouble, Duration.ofSeconds(2), 12, components.ops().metrics());
        // each background job on its own thread: a slow partner never delays offer expiry, nor the reverse
        outbox.scheduleWithFixedDelay(guarded("outbox dispatch", dispatcher::start), 1, 1, TimeUnit.SECONDS);
        expiry.scheduleWithFixedDelay(guarded("offer expiry", components.desk()::expireLapsedOffers), 1, 1,
                TimeUnit.SECONDS);
        // the anonymous impact counts gather in memory and go to the store every 10 s (and at shutdown)
        impact.scheduleWithFixedDelay(guarded("impact counts", components.ops().impact()::flush), 10, 10,
                TimeUnit.SECONDS);
        RetentionJob retentionJob = components.retention(Clock.systemUTC());
        retention.scheduleAtFixedRate(guarded("retention", () -> {
            retentionJob.run();
            components.console().counsellors().deleteExpiredTokens();
        }), 0, 1, TimeUnit.HOURS);
        LOG.info("listening on port {}", app.port());
        LOG.info("platform channels on: {}", components.channels().enabled().isEmpty() ? "none"
                : String.join(", ", components.channels().enabled().stream().map(c -> c.name()).toList()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            outbox.shutdownNow();
            expiry.shutdownNow();
            impact.shutdownNow();
            retention.shutdownNow();
            components.ops().impact().flush();
            components.database().close();
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
