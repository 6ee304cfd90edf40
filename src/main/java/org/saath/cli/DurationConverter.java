package org.saath.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a wait such as {@code --timeout}: a positive ISO-8601 duration ({@code PT5S}, {@code PT1M}); else exit 2. */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration duration;
        try {
            duration = Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException(mustBe(value));
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new TypeConversionException(mustBe(value));
        }
        return duration;
    }

    private static String mustBe(String value) {
        return "must be a positive duration such as PT5S or PT1M, was '" + value + "'";
    }
}
