package org.saath.ops;

import java.io.OutputStream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import net.logstash.logback.encoder.LogstashEncoder;
import org.saath.config.SaathConfig;
import org.slf4j.LoggerFactory;

/**
 * Switches the log on stderr to JSON when {@code logging.format} is {@code json}: one object a line with
 * {@code @timestamp}, {@code level}, {@code logger_name}, {@code message} and the request's {@code request_id}
 * (logstash-logback-encoder). JSON escapes line breaks, so nothing in a message can forge another line. Text, the
 * default, is {@code logback.xml}'s pattern.
 */
public final class LogFormat {

    static final String APPENDER = "STDERR";

    private LogFormat() {
    }

    public static void apply(SaathConfig.Logging logging) {
        if (logging.json()) {
            ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
            stderr.setTarget("System.err");
            Logger root = root();
            root.detachAndStopAllAppenders();
            root.addAppender(json(stderr));
        }
    }

    /** {@code appender}, writing JSON lines, started (tests pass one over a byte stream). */
    public static <A extends OutputStreamAppender<ILoggingEvent>> A json(A appender) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.start();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    /** A JSON appender writing to {@code out}, started. */
    public static OutputStreamAppender<ILoggingEvent> json(OutputStream out) {
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setOutputStream(out);
        return json(appender);
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
