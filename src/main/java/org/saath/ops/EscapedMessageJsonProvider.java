package org.saath.ops;

import java.io.IOException;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonWritingUtils;
import org.saath.web.EscapedMessageConverter;

/**
 * The JSON log's {@code message} field, escaped exactly as the text log's {@code %safeMsg}: line breaks, other
 * control characters, line and paragraph separators and bidirectional controls are written as escapes. JSON alone
 * would only escape what JSON must; a log viewer that shows the decoded field could still be fooled by a NEL, a
 * U+2028 or a right-to-left override that a sender put in a message id.
 */
final class EscapedMessageJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

    EscapedMessageJsonProvider() {
        setFieldName("message");
    }

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
        JsonWritingUtils.writeStringField(generator, getFieldName(),
                EscapedMessageConverter.escape(event.getFormattedMessage()));
    }
}
