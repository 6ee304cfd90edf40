package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.saath.Components;
import org.saath.Sqlite;
import org.saath.TestComponents;
import org.saath.channel.InboundMessage;
import org.saath.channel.TurnResult;
import org.saath.nlu.RiskLevel;

/**
 * Replays every scripted conversation in {@code conversations/golden/*.yaml} through the real pipeline (fresh
 * SQLite file, clock fixed at the file's {@code at}) and checks what must come back on each turn.
 */
class GoldenConversationTest {

    /** One scripted conversation. */
    record Script(String name, String country, String at, List<Turn> turns) {
    }

    /** What the person says and what must come back; every expectation is optional. */
    record Turn(String user, Expect expect) {
    }

    record Expect(String intent, @JsonProperty("risk-at-least") String riskAtLeast,
                  @JsonProperty("risk-at-most") String riskAtMost, String language,
                  @JsonProperty("first-helpline") String firstHelpline,
                  @JsonProperty("helplines-include") List<String> helplinesInclude,
                  @JsonProperty("helplines-exclude") List<String> helplinesExclude,
                  @JsonProperty("closed-helplines") List<String> closedHelplines,
                  @JsonProperty("no-helplines") Boolean noHelplines,
                  @JsonProperty("open-line") Boolean openLine, String escalation,
                  @JsonProperty("reply-contains") List<String> replyContains,
                  @JsonProperty("reply-excludes") List<String> replyExcludes,
                  @JsonProperty("stored-turns") Integer storedTurns) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @TestFactory
    Stream<DynamicTest> golden_conversations() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("conversations/golden"))) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> replay(f)));
    }

    private void replay(Path file) throws IOException {
        Script script = YAML.readValue(file.toFile(), Script.class);
        Path data = Files.createTempDirectory("golden");
        Clock clock = Clock.fixed(OffsetDateTime.parse(script.at()).toInstant(), ZoneOffset.UTC);
        Components components = TestComponents.components(data, clock);
        SoftAssertions soft = new SoftAssertions();
        int n = 0;
        for (Turn turn : script.turns()) {
            n++;
            TurnResult result = components.turns().handle(new InboundMessage("golden", "person", "m-" + n,
                    turn.user(), Optional.ofNullable(script.country())));
            if (turn.expect() != null) {
                check(soft, file.getFileName() + " turn " + n + " (" + turn.user() + ")", turn.expect(), result, data);
            }
        }
        soft.assertAll();
    }

    private static void check(SoftAssertions soft, String where, Expect e, TurnResult result, Path data) {
        TurnResult.Reply first = result.replies().get(0);
        List<String> ids = first.helplines().stream().map(TurnResult.HelplineView::id).toList();
        String text = String.join("\n", result.replies().stream().map(TurnResult.Reply::text).toList());
        Map<String, String> last = lastTurn(data);
        if (e.intent() != null) {
            soft.assertThat(last.get("intent")).as(where + ": intent").isEqualTo(e.intent());
        }
        if (e.riskAtLeast() != null) {
            soft.assertThat(RiskLevel.fromCode(last.get("risk")).atLeast(RiskLevel.fromCode(e.riskAtLeast())))
                    .as(where + ": risk " + last.get("risk") + " at least " + e.riskAtLeast()).isTrue();
        }
        if (e.riskAtMost() != null) {
            soft.assertThat(RiskLevel.fromCode(e.riskAtMost()).atLeast(RiskLevel.fromCode(last.get("risk"))))
                    .as(where + ": risk " + last.get("risk") + " at most " + e.riskAtMost()).isTrue();
        }
        if (e.language() != null) {
            soft.assertThat(last.get("reply_language")).as(where + ": reply language").isEqualTo(e.language());
        }
        if (e.firstHelpline() != null) {
            soft.assertThat(ids).as(where + ": helplines").isNotEmpty();
            soft.assertThat(ids.isEmpty() ? null : ids.get(0)).as(where + ": first helpline").isEqualTo(e.firstHelpline());
        }
        if (e.helplinesInclude() != null) {
            soft.assertThat(ids).as(where + ": helplines").containsAll(e.helplinesInclude());
        }
        if (e.helplinesExclude() != null) {
            soft.assertThat(ids).as(where + ": helplines").doesNotContainAnyElementsOf(e.helplinesExclude());
        }
        if (e.closedHelplines() != null) {
            soft.assertThat(first.helplines().stream().filter(h -> Boolean.FALSE.equals(h.openNow()))
                    .map(TurnResult.HelplineView::id).toList()).as(where + ": closed helplines")
                    .containsExactlyElementsOf(e.closedHelplines());
        }
        if (Boolean.TRUE.equals(e.noHelplines())) {
            soft.assertThat(ids).as(where + ": no helplines").isEmpty();
        }
        if (Boolean.TRUE.equals(e.openLine())) {
            soft.assertThat(first.helplines()).as(where + ": an open line")
                    .anyMatch(h -> Boolean.TRUE.equals(h.openNow()));
        }
        if (e.escalation() != null) {
            String state = result.escalation() == null ? "none" : result.escalation().state();
            soft.assertThat(state).as(where + ": escalation").isEqualTo(e.escalation());
        }
        if (e.replyContains() != null) {
            e.replyContains().forEach(s -> soft.assertThat(text).as(where + ": reply").contains(s));
        }
        if (e.replyExcludes() != null) {
            e.replyExcludes().forEach(s -> soft.assertThat(text).as(where + ": reply").doesNotContain(s));
        }
        if (e.storedTurns() != null) {
            soft.assertThat(Sqlite.count(data, "turns")).as(where + ": stored turns").isEqualTo(e.storedTurns().longValue());
        }
    }

    /** The last stored turn (intent, risk) and the conversation's reply language; empty after "delete my data". */
    private static Map<String, String> lastTurn(Path data) {
        List<String> row = Sqlite.strings(data, "SELECT t.intent || '|' || t.risk || '|' || c.language FROM turns t "
                + "JOIN conversations c ON c.id = t.conversation_id ORDER BY t.created_at DESC, t.rowid DESC LIMIT 1");
        if (row.isEmpty()) {
            return Map.of("intent", "none", "risk", "none", "reply_language", "none");
        }
        String[] parts = row.get(0).split("\\|");
        return Map.of("intent", parts[0], "risk", parts[1], "reply_language", parts[2]);
    }
}
