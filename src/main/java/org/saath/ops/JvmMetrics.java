package org.saath.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * The JVM's and the HTTP server's own meters: memory, garbage collection, threads, classes, CPU, open files, uptime,
 * and Jetty's request thread pool. Bound while the server runs; {@link #close} unhooks the GC listener.
 */
public final class JvmMetrics implements AutoCloseable {

    private final MeterRegistry registry;
    private final JvmGcMetrics gc;

    private JvmMetrics(MeterRegistry registry, JvmGcMetrics gc) {
        this.registry = registry;
        this.gc = gc;
    }

    public static JvmMetrics bindTo(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return new JvmMetrics(registry, gc);
    }

    public void bindThreadPool(ThreadPool pool) {
        new JettyServerThreadPoolMetrics(pool, Tags.empty()).bindTo(registry);
    }

    @Override
    public void close() {
        gc.close();
    }
}
