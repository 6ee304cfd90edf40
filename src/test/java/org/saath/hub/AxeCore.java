package org.saath.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core, the accessibility checker, installed from the npm registry into {@code target/axe} by the test setup the
 * first time it is needed (npm is on the CI machines), and run inside the page under test. Where npm is missing or
 * the registry cannot be reached, {@link #load()} says why and the checks that need it are skipped, not passed.
 */
final class AxeCore {

    static final Path HOME = Path.of("target/axe");
    private static final Path SCRIPT = HOME.resolve("node_modules/axe-core/axe.min.js");
    private static final List<String> INSTALL = List.of("npm", "install", "--prefix", HOME.toString(), "--no-audit",
            "--no-fund", "--no-package-lock", "--loglevel=error", "axe-core@4");

    /** What {@link #load()} found: the script, or why there is none. */
    record Loaded(Optional<String> script, String reason) {
    }

    private AxeCore() {
    }

    /** axe-core's script, installing it first when {@code target/axe} does not have it yet. */
    static Loaded load() {
        if (!Files.isRegularFile(SCRIPT)) {
            try {
                Files.createDirectories(HOME);
                Process npm = new ProcessBuilder(INSTALL).redirectErrorStream(true)
                        .redirectOutput(HOME.resolve("npm-install.log").toFile()).start();
                if (!npm.waitFor(5, TimeUnit.MINUTES)) {
                    npm.destroyForcibly();
                    return skipped("npm install axe-core@4 took longer than 5 minutes");
                }
                if (npm.exitValue() != 0) {
                    return skipped("npm install axe-core@4 failed (exit " + npm.exitValue() + "), see "
                            + HOME.resolve("npm-install.log"));
                }
            } catch (IOException e) {
                return skipped("npm is not available to install axe-core (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return skipped("interrupted while installing axe-core");
            }
        }
        try {
            return new Loaded(Optional.of(Files.readString(SCRIPT)), "");
        } catch (IOException e) {
            return skipped("cannot read " + SCRIPT + ": " + e.getMessage());
        }
    }

    private static Loaded skipped(String reason) {
        System.out.println("axe-core checks skipped: " + reason);
        return new Loaded(Optional.empty(), reason);
    }

    /**
     * Puts axe-core into every page {@code browser} opens from now until the returned handle is closed: cheaper than
     * sending the script again after each navigation when many pages are checked in a row.
     */
    static AutoCloseable inEveryPage(ChromeDriver browser, String script) {
        Object id = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script))
                .get("identifier");
        return () -> browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
    }

    /**
     * The serious and critical violations on the page the browser shows now, one line each: rule, impact, what it
     * asks and the elements that break it. The script is injected through the driver (unless the page has
     * it already), so the page's own Content-Security-Policy stays as strict as it is.
     */
    static List<String> seriousViolations(JavascriptExecutor browser, String script) throws IOException {
        if (!Boolean.TRUE.equals(browser.executeScript("return typeof axe === 'object'"))) {
            browser.executeScript(script);
        }
        Object found = browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (r) {
                  done(JSON.stringify(r.violations.filter(function (v) {
                    return v.impact === 'serious' || v.impact === 'critical';
                  }).map(function (v) {
                    return v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(function (n) {
                      return n.target.join(' ');
                    }).join(', ');
                  })));
                }, function (e) { done(JSON.stringify(['axe failed: ' + e])); });
                """);
        JsonNode lines = HubApp.JSON.readTree(String.valueOf(found));
        return HubApp.JSON.convertValue(lines, HubApp.JSON.getTypeFactory().constructCollectionType(List.class,
                String.class));
    }
}
