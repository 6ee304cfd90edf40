package org.saath.ops;

import java.io.OutputStream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import org.saath.config.SaathConfig;
import org.saath.web.EscapedThrowableConverter;
import org.slf4j.LoggerFactory;

/**
 * Switches the log on stderr to JSON when {@code logging.format} is {@code json}: one object a line with
 * {@code @timestamp}, {@code level}, {@code logger_name}, {@code message}, {@code stack_trace} and the request's
 * {@code request_id} (logstash-logback-encoder). The message and the exceptions' messages are escaped as the text
 * format's {@code %safeMsg} and {@code %safeEx} escape them, so nothing a sender wrote can forge a record or reorder
 * one on screen, in the raw line or in the decoded field. Text, the default, is {@code logback.xml}'s pattern.
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
        LogstashFieldNames names = new LogstashFieldNames();
        names.setMessage(LogstashFieldNames.IGNORE_FIELD_INDICATOR);     // replaced by the escaped message below
        encoder.setFieldNames(names);
        encoder.addProvider(new EscapedMessageJsonProvider());
        encoder.setThrowableConverter(new EscapedThrowableConverter());
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
