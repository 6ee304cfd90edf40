package org.saath.cli;

import java.util.Locale;
import java.util.stream.Collectors;

import org.saath.nlu.Language;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --language}: a language Saath answers in, by its contract code in any case; else exit 2. */
public final class LanguageConverter implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        return Language.supported(value.strip().toLowerCase(Locale.ROOT)).map(Language::code).orElseThrow(() ->
                new TypeConversionException("unknown language '" + value + "': one of " + Language.supported()
                        .stream().map(Language::code).collect(Collectors.joining(", "))));
    }
}
