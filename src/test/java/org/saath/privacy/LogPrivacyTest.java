package org.saath.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.channel.InboundMessage;
import org.slf4j.LoggerFactory;

/** The log of a whole conversation holds neither what the person wrote nor their raw id. */
class LogPrivacyTest {

    @TempDir
    Path data;

    @Test
    void a_full_conversation_logs_no_message_text_and_no_raw_user_id() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            Components components = TestComponents.components(data, TestComponents.PK_NIGHT);
            String user = "+923215550123";
            String[] messages = {"hi", "my uncle rashid keeps touching me and i feel dirty",
                    "i want to kill myself tonight", "yes", "can we make a safety plan", "my diary is my warning sign",
                    "delete my data"};
            for (int i = 0; i < messages.length; i++) {
                components.turns().handle(new InboundMessage("whatsapp", user, "w-" + i, messages[i],
                        Optional.of("PK"), Optional.of(user)));
            }
            List<ILoggingEvent> events;
            synchronized (captured) {   // the appender's own lock: a background thread may be logging to it
                events = List.copyOf(captured.list);
            }
            String log = String.join("\n", events.stream().map(e -> e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList());
            assertThat(log).doesNotContain("rashid", "kill myself", "diary", "3215550123", "touching");
        } finally {
            root.detachAppender(captured);
        }
    }
}
