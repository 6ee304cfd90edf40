package org.saath.hub;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.saath.config.ConfigException;

/**
 * Paid services for finding a psychologist or psychiatrist ({@code hub/paid-services.yaml}), shown only on the hub's
 * "finding a professional" page, labelled as paid and apart from the free lines; the chat never offers them. Each
 * needs a web address on https and the sources it comes from, or the start stops naming the entry.
 */
public final class PaidServices {

    /** One service: its name, country, web address, sources and when they were last checked. */
    public record PaidService(String id, String name, String country, String web, List<String> sources,
                              LocalDate lastVerified) {

        public PaidService {
            sources = List.copyOf(sources);
        }
    }

    record RawFile(List<RawService> services) {
    }

    record RawService(String id, String name, String country, String web, List<String> sources,
                      @JsonProperty("last-verified") LocalDate lastVerified) {
    }

    private static final String FILE = "hub/paid-services.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .findAndRegisterModules().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<PaidService> services;

    private PaidServices(List<PaidService> services) {
        this.services = List.copyOf(services);
    }

    public static PaidServices loadFromClasspath() {
        try (InputStream in = PaidServices.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new ConfigException(FILE + " is missing from the jar");
            }
            RawFile raw = YAML.readValue(in, RawFile.class);
            List<RawService> entries = raw == null || raw.services() == null ? List.of() : raw.services();
            return new PaidServices(entries.stream().map(s -> {
                if (s.id() == null || s.name() == null || s.country() == null || s.web() == null
                        || !s.web().startsWith("https://") || s.sources() == null || s.sources().isEmpty()
                        || s.lastVerified() == null) {
                    throw new ConfigException(FILE + ": service '" + s.id() + "' needs a name, a country, an https "
                            + "web address, its sources and last-verified");
                }
                return new PaidService(s.id(), s.name(), s.country(), s.web(), s.sources(), s.lastVerified());
            }).toList());
        } catch (IOException e) {
            throw new ConfigException(FILE + ": " + e.getMessage(), e);
        }
    }

    /** The services for people in {@code country}. */
    public List<PaidService> in(String country) {
        return services.stream().filter(s -> s.country().equals(country)).toList();
    }
}
