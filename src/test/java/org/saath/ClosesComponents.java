package org.saath;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes every {@link Components} a test loaded (through {@link TestComponents#load}) when the scope that loaded it
 * ends, before JUnit deletes the test's temporary folder: an open pool may still add a connection, and a SQLite file,
 * to a folder being deleted ("Failed to delete temp directory" under load), and one test's store would stay open
 * through the rest of the run. What a test or its {@code @BeforeEach} loads is closed after its {@code @AfterEach};
 * what {@code @BeforeAll} loads, after the class. On for every Jupiter class (META-INF/services and
 * {@code junit-platform.properties}); outside a Jupiter scope (a jqwik property) nothing is registered, and the
 * property closes what it opens.
 */
public final class ClosesComponents implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(ClosesComponents.class);
    /** One list a scope open now, innermost first; a test JVM runs one test at a time. */
    private static final Deque<List<Components>> SCOPES = new ArrayDeque<>();

    static synchronized Components opened(Components components) {
        List<Components> scope = SCOPES.peek();
        if (scope != null) {
            scope.add(components);
        }
        return components;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private static synchronized void open() {
        SCOPES.push(new ArrayList<>());
    }

    private static void close() {
        List<Components> scope;
        synchronized (ClosesComponents.class) {
            scope = SCOPES.poll();
        }
        if (scope == null) {
            return;
        }
        for (Components components : scope) {
            try {
                components.database().close();
            } catch (RuntimeException e) {
                LOG.warn("closing a test's store failed: {}", e.toString());
            }
        }
    }
}
