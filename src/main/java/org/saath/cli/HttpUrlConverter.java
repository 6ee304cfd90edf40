package org.saath.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a URL option ({@code health --url}): an absolute {@code http://} or {@code https://} URL, else exit 2. */
public final class HttpUrlConverter implements ITypeConverter<URI> {

    @Override
    public URI convert(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new TypeConversionException(mustBe(value));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new TypeConversionException(mustBe(value));
        }
        return uri;
    }

    private static String mustBe(String value) {
        return "must be an http:// or https:// URL such as http://127.0.0.1:8080/health/ready, was '" + value + "'";
    }
}
