package org.saath.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads the default configuration from the classpath ({@code saath.yaml}) and lays an operator's file over it,
 * key by key. Unknown keys and bad values are refused with the key's name.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private ConfigLoader() {
    }

    public static SaathConfig load(Optional<Path> operatorFile) {
        JsonNode tree = defaults();
        if (operatorFile.isPresent()) {
            Path file = operatorFile.get();
            try {
                JsonNode overlay = YAML.readTree(Files.readString(file));
                if (overlay != null && !overlay.isMissingNode()) {
                    merge((ObjectNode) tree, overlay);
                }
            } catch (IOException | ClassCastException e) {
                throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
            }
        }
        return convert(tree);
    }

    static SaathConfig convert(JsonNode tree) {
        try {
            return YAML.treeToValue(tree, SaathConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException("unknown config key '" + MappingProblem.key(e.getPath()) + "'", e);
        } catch (IOException | IllegalArgumentException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof ConfigException ce) {
                throw ce;
            }
            // a value of the wrong type: the key as the file spells it, never Jackson's Java reference chain
            throw new ConfigException("invalid configuration: " + (e instanceof JsonProcessingException json
                    ? MappingProblem.problem(json) : e.getMessage()), e);
        }
    }

    private static JsonNode defaults() {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream("saath.yaml")) {
            if (in == null) {
                throw new ConfigException("saath.yaml (default configuration) is missing from the jar");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new ConfigException("cannot read the default configuration: " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode base, JsonNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
                merge(existingObject, field.getValue());
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }
}
