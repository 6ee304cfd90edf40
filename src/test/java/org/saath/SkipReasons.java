package org.saath;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Says on the console why a test did not run: a disabled test's reason, an assumption's message (Chromium not
 * installed, say). Surefire keeps test output in files, so this writes to the test JVM's own stderr, which Maven
 * shows. Registered for every run in {@code META-INF/services}.
 */
public final class SkipReasons implements TestExecutionListener {

    private final PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
            StandardCharsets.UTF_8);

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        console.println("[SKIPPED] " + name(test) + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            console.println("[SKIPPED] " + name(test) + ": " + result.getThrowable().map(Throwable::getMessage)
                    .orElse("aborted"));
        }
    }

    private static String name(TestIdentifier test) {
        return test.getLegacyReportingName().isBlank() ? test.getDisplayName()
                : test.getUniqueIdObject().getSegments().stream()
                        .filter(s -> s.getType().equals("class") || s.getType().equals("method"))
                        .map(s -> s.getValue().replaceFirst("^org\\.saath\\.", ""))
                        .reduce((a, b) -> a + "." + b).orElse(test.getDisplayName());
    }
}
