package org.saath.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an option that names someone or something ({@code forget --user}): empty or blank is a usage error. */
public final class NotBlankConverter implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        if (value.isBlank()) {
            throw new TypeConversionException("must not be empty");
        }
        return value;
    }
}
