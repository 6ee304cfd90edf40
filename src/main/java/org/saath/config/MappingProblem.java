package org.saath.config;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What is wrong with a YAML or JSON file that Jackson could not read, in one line an operator understands: the key
 * as the file spells it ({@code server.port}, {@code turns[0].expect}), what it must be, the value and the line,
 * never a Java class name or a reference chain. The configuration and every command that reads such a file say it
 * this way.
 */
public final class MappingProblem {

    private MappingProblem() {
    }

    /**
     * One line for {@code e}, starting with the file it came from when the parser kept it ({@code script.yaml:
     * unknown key 'nosuchkey' in turns[0].expect (line 6)}, {@code script.yaml is empty}).
     */
    public static String describe(JsonProcessingException e) {
        String source = source(e.getLocation());
        String problem = problem(e);
        if (problem.equals("is empty")) {
            return (source == null ? "the input" : source) + " is empty";
        }
        return (source == null ? "" : source + ": ") + problem + line(e.getLocation());
    }

    /** The same without the file or the line: for a tree (the merged configuration) that has neither. */
    public static String problem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            List<JsonMappingException.Reference> path = u.getPath();
            String within = key(path.subList(0, Math.max(0, path.size() - 1)));
            return "unknown key '" + u.getPropertyName() + "'" + (within.isEmpty() ? "" : " in " + within);
        }
        if (e instanceof MismatchedInputException m) {
            String key = key(m.getPath());
            if (key.isEmpty() && m.getOriginalMessage().startsWith("No content to map")) {
                return "is empty";
            }
            String value = m instanceof InvalidFormatException f && f.getValue() != null
                    ? ", was '" + f.getValue() + "'" : "";
            return (key.isEmpty() ? "the file" : key) + " must be " + expected(m.getTargetType()) + value;
        }
        String key = e instanceof JsonMappingException m ? key(m.getPath()) : "";
        String first = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        return key.isEmpty() ? "not valid YAML or JSON: " + first : key + ": " + first;
    }

    /** A Jackson path as the file spells it: field names joined with dots, list positions in brackets. */
    public static String key(List<JsonMappingException.Reference> path) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                key.append(key.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                key.append('[').append(step.getIndex()).append(']');
            }
        }
        return key.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration such as P90D or PT24H";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a section of keys";
        }
        return "of another kind";
    }

    private static String source(JsonLocation location) {
        Object raw = location == null || location.contentReference() == null ? null
                : location.contentReference().getRawContent();
        if (raw instanceof File file) {
            return file.getPath();
        }
        return raw instanceof Path path ? path.toString() : null;
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() <= 0 ? "" : " (line " + location.getLineNr() + ")";
    }
}
