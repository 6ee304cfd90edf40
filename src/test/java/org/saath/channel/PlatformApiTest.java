package org.saath.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

/** What the outbox records of a platform's answer, when there was one and when there was none. */
class PlatformApiTest {

    /** The QA pass of 6 December: a platform nobody could reach was recorded as "Telegram answered HTTP 0". */
    @Test
    void a_platform_that_cannot_be_reached_is_said_so_not_given_a_status_it_never_sent() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        PlatformApi.Answer none = PlatformApi.call(HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closed + "/send")).GET());

        assertThat(none.status()).isZero();
        assertThat(none.passing()).as("tried again later").isTrue();
        assertThat(none.describe("Telegram")).isEqualTo("Telegram could not be reached");
        assertThat(new PlatformApi.Answer(502, none.body()).describe("WhatsApp"))
                .isEqualTo("WhatsApp answered HTTP 502");
    }
}
