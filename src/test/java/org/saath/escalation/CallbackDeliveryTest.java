package org.saath.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.TestPartners;
import org.saath.channel.InboundMessage;
import org.saath.outbox.OutboxDispatcher;
import org.saath.outbox.PartnerEndpoint;

/** On the generic channel, a counsellor's words also reach the deployment's callback, signed, with the escalation id. */
class CallbackDeliveryTest {

    @TempDir
    Path dir;

    @Test
    void counsellor_messages_for_a_generic_channel_person_go_to_the_signed_callback() throws Exception {
        try (PartnerEndpoint partner = new PartnerEndpoint("partner-a-webhook-secret");
             PartnerEndpoint app = new PartnerEndpoint("callback-secret-0123456789")) {
            Components c = TestComponents.load(TestComponents.config(dir.resolve("data"))
                    .withPartnersFile(TestPartners.file(dir, partner.url(), partner.secret()).toString())
                    .withCallback(app.url(), app.secret()), TestComponents.analyser(), Clock.systemUTC());
            String escalation = c.turns().handle(new InboundMessage("generic", "u-1", "m-1", "i want to die",
                    Optional.of("PK"))).escalation().id();
            Caller a = Caller.partnerSystem(c.partners().byId("partner-a").orElseThrow());
            c.desk().claim(a, escalation);
            c.desk().message(a, escalation, "I'm here. Are you somewhere safe right now?");

            new OutboxDispatcher(c.handoffs(), c.partners(), Optional.of(new OutboxDispatcher.Endpoint(app.url(),
                    app.secret())), HttpClient.newHttpClient(), Clock.systemUTC(), () -> 0.5, Duration.ofMillis(1), 5)
                    .dispatchDue();

            assertThat(app.received()).hasSize(2).allMatch(PartnerEndpoint.Received::signatureValid)
                    .allMatch(r -> r.body().contains("\"escalation_id\":\"" + escalation + "\""));
            assertThat(app.received().get(0).body()).contains("counsellor has joined");
            assertThat(app.received().get(1).body()).contains("\"sender\":\"counsellor\"", "somewhere safe");
            assertThat(partner.received()).singleElement().satisfies(r -> assertThat(r.body())
                    .contains("escalation.offered"));
        }
    }
}
