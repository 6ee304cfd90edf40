package org.saath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One headless Chromium for the whole test run (Debian's chromium and chromium-driver, installed by .ci/run; no
 * browser is ever downloaded): started by the first test that asks for a {@link WebDriver}, quit when the run ends.
 * Where it is not installed, the tests that use it are disabled, and say why. The browser's console is recorded,
 * so a test can check that a page ran without errors (a Content-Security-Policy violation is one).
 */
public final class HeadlessChromium implements ExecutionCondition, ParameterResolver {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(HeadlessChromium.class);

    /** The browser, quit when the root context closes (the end of the run). */
    private record Running(WebDriver driver, Path profile) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            driver.quit();
        }
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return installed() ? ConditionEvaluationResult.enabled("Chromium is installed")
                : ConditionEvaluationResult.disabled("Debian's chromium and chromium-driver are not installed "
                        + "(/usr/bin/chromium, /usr/bin/chromedriver); .ci/run installs them");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, k -> start(),
                Running.class).driver();
    }

    private static Running start() {
        try {
            Path profile = Files.createTempDirectory("saath-chromium");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1280,900", "--user-data-dir=" + profile);
            options.setCapability("goog:loggingPrefs", logs);
            return new Running(new ChromeDriver(new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options), profile);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
