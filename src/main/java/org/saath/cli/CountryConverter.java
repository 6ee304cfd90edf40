package org.saath.cli;

import java.util.Locale;
import java.util.Set;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --country}: an ISO 3166 alpha-2 code in any case; anything else is a usage error (exit 2). */
public final class CountryConverter implements ITypeConverter<String> {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Override
    public String convert(String value) {
        String code = value.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw new TypeConversionException("unknown country '" + value
                    + "': use an ISO 3166 alpha-2 code such as PK or AE");
        }
        return code;
    }
}
