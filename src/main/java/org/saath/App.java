package org.saath;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import org.saath.admin.AdminController;
import org.saath.channel.generic.GenericMessageController;
import org.saath.channel.generic.GenericToken;
import org.saath.escalation.CannedReplyController;
import org.saath.escalation.ConsoleController;
import org.saath.escalation.ConsoleParts;
import org.saath.escalation.PartnerController;
import org.saath.hub.Hub;
import org.saath.ops.HttpMetrics;
import org.saath.ops.JvmMetrics;
import org.saath.ops.Operations;
import org.saath.ops.Readiness;
import org.saath.ops.RequestIds;
import org.saath.ops.StoreGauges;
import org.saath.report.ImpactController;
import org.saath.store.ImpactStore;
import org.saath.web.ClientAddress;
import org.saath.web.ErrorMapping;
import org.saath.web.HeadRequests;
import org.saath.web.HealthController;
import org.saath.web.JsonErrorHandler;
import org.saath.web.MetricsController;
import org.saath.web.SecurityHeaders;

/** Builds the HTTP application: the one place routes are wired, in one visible list. */
public final class App {

    private App() {
    }

    public static Javalin create(Components components) {
        GenericMessageController messages = new GenericMessageController(components.turns(), components.floodGate(),
                components.handoffs(), components.config().server().maxBodyBytes(),
                GenericToken.resolve(components.config()));
        ConsoleParts parts = components.console();
        PartnerController partners = new PartnerController(parts, components.desk());
        ConsoleController console = new ConsoleController(parts.counsellors(), components.partners(), parts.view(),
                components.config().limits().streamsPerKey());
        CannedReplyController canned = new CannedReplyController(parts.counsellors(), parts.cannedReplies(),
                parts.clock());
        Operations ops = components.ops();
        java.time.Clock clock = java.time.Clock.systemUTC();
        HealthController health = new HealthController(components.model(), components.handoffs()::backlog,
                new Readiness(ops.status(), components.model(), components.config().health().outboxStuckAfter(),
                        clock));
        MetricsController metrics = new MetricsController(components.config().metrics(), ops.registry(),
                new StoreGauges(ops.registry(), ops.status(), () -> components.model().get().modelVersion(), clock));
        // the day a report ends on is the service's own (the clock its turns are counted by)
        ImpactController impact = new ImpactController(new ImpactStore(components.database()), ops.impact(),
                components.partners(), components.config(), parts.clock());
        AdminController admin = new AdminController(components.rules(), components.model(),
                components.config().admin().token());
        JvmMetrics jvm = JvmMetrics.bindTo(ops.registry());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = components.config().server().maxBodyBytes();
            config.http.prefer405over404 = true;     // PUT /v1/messages is 405 with Allow, not "not found"
            ClientAddress client = ClientAddress.trusting(components.config().server().trustedProxies());
            config.contextResolver.ip = client::of;     // what every per-address limit reads
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorHandler());
                jvm.bindThreadPool(server.getThreadPool());
            });
            config.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
            config.staticFiles.enableWebjars();
            config.routes.before(RequestIds::assign);
            config.requestLogger.http(new HttpMetrics(ops.registry())::log);
            ErrorMapping.addTo(config.routes);
            SecurityHeaders.addTo(config.routes);
            messages.addRoutes(config.routes);
            components.channels().enabled().forEach(channel -> channel.addRoutes(config.routes, components.inbox()));
            health.addRoutes(config.routes);
            metrics.addRoutes(config.routes);
            admin.addRoutes(config.routes);
            partners.addRoutes(config.routes);
            console.addRoutes(config.routes);
            canned.addRoutes(config.routes);
            impact.addRoutes(config.routes);
            new Hub(components.hub()).addRoutes(config.routes);
            HeadRequests.addTo(config);   // last: every GET route above gets its HEAD
            config.events.serverStopped(console::close);
            config.events.serverStopped(jvm::close);
        });
    }
}
