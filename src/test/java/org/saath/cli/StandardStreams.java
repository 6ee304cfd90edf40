package org.saath.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The process's standard streams around a CLI test ({@code @RegisterExtension}): what the command prints and what
 * it reports on stderr are kept (UTF-8), its input is what the test gives, and all three are put back afterwards.
 * Only the test's own thread is kept: the command runs on it, while other tests' servers in the same JVM may still
 * log (a late Jetty warning) to the process's stderr, and that goes where it would have gone.
 */
final class StandardStreams implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;
    private InputStream oldIn;

    @Override
    public void beforeEach(ExtensionContext context) {
        oldOut = System.out;
        oldErr = System.err;
        oldIn = System.in;
        Thread test = Thread.currentThread();
        System.setOut(new PrintStream(new OnlyFrom(test, out, oldOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new OnlyFrom(test, err, oldErr), true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(oldOut);
        System.setErr(oldErr);
        System.setIn(oldIn);
    }

    /** What was printed on stdout since the test began or since {@link #clear()}. */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What was printed on stderr. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed on stdout so far. */
    void clear() {
        out.reset();
    }

    /** Writes of one thread go to {@code kept}; those of any other thread to the stream that was there before. */
    private static final class OnlyFrom extends OutputStream {
        private final Thread owner;
        private final OutputStream kept;
        private final OutputStream others;

        OnlyFrom(Thread owner, OutputStream kept, OutputStream others) {
            this.owner = owner;
            this.kept = kept;
            this.others = others;
        }

        private OutputStream target() {
            return Thread.currentThread() == owner ? kept : others;
        }

        @Override
        public void write(int b) throws IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            target().flush();
        }
    }

    /** Makes {@code text} the command's standard input. */
    void input(String text) {
        input(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Makes {@code bytes}, UTF-8 or not, the command's standard input. */
    void input(byte[] bytes) {
        System.setIn(new ByteArrayInputStream(bytes));
    }
}
