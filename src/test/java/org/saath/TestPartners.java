package org.saath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.saath.escalation.PartnerDirectory;

/** A partners file for tests: partner A (Pakistan, with a webhook) and partner B (UAE, console only). */
public final class TestPartners {

    public static final String KEY_A = "partner-a-key-0123456789";
    public static final String KEY_B = "partner-b-key-0123456789";

    private TestPartners() {
    }

    public static Path file(Path dir, String webhookUrl, String secret) throws IOException {
        return Files.writeString(dir.resolve("partners.yaml"), """
                partners:
                  - id: partner-a
                    name: Partner A counsellors
                    countries: [PK]
                    topics: [crisis, seek_help, depression]
                    capacity: 2
                    api-key-sha256: %s
                    webhook: {url: "%s", secret: "%s"}
                  - id: partner-b
                    name: Partner B counsellors
                    countries: [AE]
                    capacity: 2
                    api-key-sha256: %s
                """.formatted(PartnerDirectory.sha256(KEY_A), webhookUrl, secret, PartnerDirectory.sha256(KEY_B)));
    }
}
