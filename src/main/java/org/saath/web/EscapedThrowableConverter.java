package org.saath.web;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * Logback's {@code %ex}, with each exception's message escaped like {@link EscapedMessageConverter}: an exception
 * can quote what a sender wrote (an HTTP client refusing a header value with a newline in it did), and its stack
 * trace must not carry forged lines with it. Wired in {@code logback.xml} as {@code %safeEx}.
 */
public final class EscapedThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return super.throwableProxyToString(escaped(proxy));
    }

    private static IThrowableProxy escaped(IThrowableProxy proxy) {
        return proxy == null ? null : new Escaped(proxy);
    }

    /** The same throwable, with its message, its cause's and its suppressed ones' escaped. */
    private record Escaped(IThrowableProxy proxy) implements IThrowableProxy {

        @Override
        public String getMessage() {
            return EscapedMessageConverter.escape(proxy.getMessage());
        }

        @Override
        public String getClassName() {
            return proxy.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return proxy.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return proxy.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return escaped(proxy.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = proxy.getSuppressed();
            if (suppressed == null) {
                return null;
            }
            IThrowableProxy[] out = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                out[i] = escaped(suppressed[i]);
            }
            return out;
        }

        @Override
        public boolean isCyclic() {
            return proxy.isCyclic();
        }
    }
}
