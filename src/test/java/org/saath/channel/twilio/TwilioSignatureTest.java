package org.saath.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code X-Twilio-Signature} against Twilio's published vectors ({@code twilio-signature-vector.txt}: the docs'
 * worked example and twilio-java's tests, auth token 12345) and the two constructed requests signed with them.
 */
class TwilioSignatureTest {

    private static final String TOKEN = "12345";
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, List<String>> DOCS = Map.of("CallSid", List.of("CA1234567890ABCDE"),
            "Caller", List.of("+12349013030"), "Digits", List.of("1234"), "From", List.of("+12349013030"),
            "To", List.of("+18005551212"));
    private static final Map<String, List<String>> JAVA = Map.of("Digits", List.of("1234"),
            "CallSid", List.of("CA1234567890ABCDE"), "To", List.of("+18005551212"), "Caller", List.of("+14158675309"),
            "From", List.of("+14158675309"));

    @Test
    void the_documentation_s_worked_example_passes() {
        assertThat(TwilioSignature.compute(TOKEN, URL, DOCS)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(TwilioSignature.valid(TOKEN, URL, DOCS, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isTrue();
    }

    @Test
    void twilio_java_s_vectors_pass_with_the_default_port_added_or_a_port_removed() {
        assertThat(TwilioSignature.valid(TOKEN, URL, JAVA, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
        assertThat(TwilioSignature.valid(TOKEN, "https://mycompany.com:1234/myapp.php?foo=1&bar=2", JAVA,
                "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
        assertThat(TwilioSignature.valid(TOKEN, "http://mycompany.com:1234/myapp.php?foo=1&bar=2", JAVA,
                "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")).isTrue();
        assertThat(TwilioSignature.valid(TOKEN, URL, JAVA, "kvajT1Ptam85bY51eRf/AJRuM3w=")).isTrue();
        assertThat(TwilioSignature.valid(TOKEN, "http://mycompany.com/myapp.php?foo=1&bar=2", JAVA,
                "0ZXoZLH/DfblKGATFgpif+LLRf4=")).isTrue();
    }

    @Test
    void a_wrong_signature_token_url_or_parameter_is_refused() {
        assertThat(TwilioSignature.valid(TOKEN, URL, JAVA, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
        assertThat(TwilioSignature.valid("54321", URL, DOCS, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isFalse();
        assertThat(TwilioSignature.valid(TOKEN, "https://mycompany.com/myapp.php", DOCS,
                "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isFalse();
        assertThat(TwilioSignature.valid(TOKEN, URL, Map.of("Digits", List.of("1235"), "CallSid",
                List.of("CA1234567890ABCDE"), "Caller", List.of("+12349013030"), "From", List.of("+12349013030"),
                "To", List.of("+18005551212")), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isFalse();
        assertThat(TwilioSignature.valid(TOKEN, URL, DOCS, null)).isFalse();
    }

    @Test
    void the_constructed_inbound_requests_verify_from_their_raw_form_bodies() throws IOException {
        assertThat(verifies("twilio-sms-inbound-CONSTRUCTED.txt", "https://bot.example.org/webhooks/twilio/sms"))
                .isTrue();
        assertThat(verifies("twilio-whatsapp-voice-inbound-CONSTRUCTED.txt",
                "https://bot.example.org/webhooks/twilio/whatsapp")).isTrue();
    }

    private static boolean verifies(String name, String url) throws IOException {
        String text = Files.readString(Path.of("src/test/resources/webhooks", name), StandardCharsets.UTF_8);
        Matcher signature = Pattern.compile("X-Twilio-Signature: (\\S+)").matcher(text);
        Matcher body = Pattern.compile("(?m)^\\S*MessageSid=\\S+$").matcher(text);
        assertThat(signature.find() && body.find()).isTrue();
        return TwilioSignature.valid(TOKEN, url, FormBody.parse(body.group().getBytes(StandardCharsets.UTF_8)),
                signature.group(1));
    }
}
