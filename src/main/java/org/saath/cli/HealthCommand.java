package org.saath.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code saath health}: asks a running service whether it is ready ({@code GET /health/ready}) and exits 0 when it
 * is, 1 when it is not or does not answer. The container's HEALTHCHECK uses it (the JRE image has no curl).
 */
@Command(name = "health", description = "Ask a running service whether it is ready; exit 0 if so, else 1.")
public final class HealthCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080/health/ready", converter = HttpUrlConverter.class,
            description = "the readiness URL (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--timeout", defaultValue = "PT5S", converter = DurationConverter.class,
            description = "how long to wait (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(timeout).build().send(
                    HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            out.println(response.statusCode() + " " + response.body());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (java.io.IOException e) {
            out.println("no answer from " + url + ": " + e.getClass().getSimpleName());
            return 1;
        }
    }
}
