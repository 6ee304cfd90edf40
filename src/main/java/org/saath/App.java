package org.saath;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import org.saath.admin.AdminController;
import org.saath.channel.generic.GenericMessageController;
import org.saath.escalation.ConsoleController;
import org.saath.escalation.PartnerController;
import org.saath.ops.HttpMetrics;
import org.saath.ops.JvmMetrics;
import org.saath.ops.Operations;
import org.saath.ops.Readiness;
import org.saath.ops.RequestIds;
import org.saath.ops.StoreGauges;
import org.saath.report.ImpactController;
import org.saath.store.ImpactStore;
import org.saath.web.ErrorMapping;
import org.saath.web.HealthController;
import org.saath.web.MetricsController;

/** Builds the HTTP application: the one place routes are wired, in one visible list. */
public final class App {

    private App() {
    }

    public static Javalin create(Components components) {
        GenericMessageController messages = new GenericMessageController(components.turns(), components.handoffs(),
                components.config().server().maxBodyBytes());
        PartnerController partners = new PartnerController(components.partners(), components.desk());
        ConsoleController console = new ConsoleController(components.partners(), components.handoffs(),
                java.time.Clock.systemUTC());
        Operations ops = components.ops();
        HealthController health = new HealthController(components.model(), components.handoffs()::backlog,
                new Readiness(ops.status(), components.model(), components.config().health().outboxStuckAfter(),
                        java.time.Clock.systemUTC()));
        MetricsController metrics = new MetricsController(components.config().metrics(), ops.registry(),
                new StoreGauges(ops.registry(), ops.status(), () -> components.model().get().modelVersion(),
                        java.time.Clock.systemUTC()));
        ImpactController impact = new ImpactController(new ImpactStore(components.dataSource()), ops.impact(),
                components.partners(), components.config(), java.time.Clock.systemUTC());
        AdminController admin = new AdminController(components.rules(), components.model(),
                components.config().admin().token());
        JvmMetrics jvm = JvmMetrics.bindTo(ops.registry());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = components.config().server().maxBodyBytes();
            config.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
            config.staticFiles.enableWebjars();
            config.routes.before(RequestIds::assign);
            config.requestLogger.http(new HttpMetrics(ops.registry())::log);
            config.jetty.modifyServer(server -> jvm.bindThreadPool(server.getThreadPool()));
            ErrorMapping.addTo(config.routes);
            messages.addRoutes(config.routes);
            health.addRoutes(config.routes);
            metrics.addRoutes(config.routes);
            admin.addRoutes(config.routes);
            partners.addRoutes(config.routes);
            console.addRoutes(config.routes);
            impact.addRoutes(config.routes);
            config.events.serverStopped(console::close);
            config.events.serverStopped(jvm::close);
        });
    }
}
