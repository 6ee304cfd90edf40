package org.saath.dialogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.saath.channel.InboundMessage;
import org.saath.channel.TurnResult;
import org.saath.nlu.RiskLevel;

/**
 * The scripted conversations of {@code conversations/golden/*.yaml}: what a person says, turn by turn, and what
 * must come back. One runner for the golden test, {@code saath train}'s gate (a model that breaks one is refused)
 * and {@code saath replay} (a deployment's own scripts). The clock starts at the script's {@code at:} and moves to a
 * turn's own {@code at:} where one is given (later turns only), so a script can cross opening hours or outlive a
 * remembered risk or topic.
 */
public final class GoldenConversations {

    /**
     * One scripted conversation: its country and start time, and optionally the partners of the deployment it runs
     * in (the {@code partners:} list of a partners file), so a script can follow an offer that a partner lets lapse.
     */
    public record Script(String name, String country, String at, List<Map<String, Object>> partners,
                         List<Turn> turns) {
    }

    /** What the person says (at {@code at}, if given) and what must come back; every expectation is optional. */
    public record Turn(String user, String at, Expect expect) {
    }

    /** Expectations on one turn. */
    public record Expect(String intent, @JsonProperty("risk-at-least") String riskAtLeast,
                         @JsonProperty("risk-at-most") String riskAtMost, String language,
                         @JsonProperty("first-helpline") String firstHelpline,
                         @JsonProperty("helplines-include") List<String> helplinesInclude,
                         @JsonProperty("helplines-exclude") List<String> helplinesExclude,
                         @JsonProperty("closed-helplines") List<String> closedHelplines,
                         @JsonProperty("no-helplines") Boolean noHelplines,
                         @JsonProperty("open-line") Boolean openLine, String escalation,
                         @JsonProperty("reply-contains") List<String> replyContains,
                         @JsonProperty("reply-excludes") List<String> replyExcludes,
                         @JsonProperty("reply-at-most-once") List<String> replyAtMostOnce,
                         @JsonProperty("stored-turns") Integer storedTurns,
                         @JsonProperty("notes-contain") List<String> notesContain,
                         @JsonProperty("notes-exclude") List<String> notesExclude,
                         @JsonProperty("messages-at-most") Integer messagesAtMost) {
    }

    /** What the store holds after a turn: the last turn's intent and risk, the reply language, the turn count. */
    public record Stored(String intent, String risk, String language, long turns) {
    }

    /** A fresh pipeline for one script (its own store, its clock at the script's time). */
    public interface Pipeline extends AutoCloseable {
        TurnResult handle(InboundMessage message);

        Stored stored();

        /** Moves the pipeline's clock to {@code at} (a turn's own time). */
        void moveTo(Instant at);

        /** The notes the person has been sent outside replies so far (an offer expired, a counsellor joined…). */
        List<String> notes();

        /** Closes the pipeline's store and removes what it wrote; nothing of a replay is left behind. */
        @Override
        default void close() {
        }
    }

    /** A clock a script moves forward turn by turn; never goes back. */
    public static class ScriptClock extends Clock {
        private volatile Instant now;

        public ScriptClock(Instant start) {
            this.now = start;
        }

        public void moveTo(Instant at) {
            if (at.isBefore(now)) {
                throw new IllegalArgumentException("a turn's at: " + at + " is before the previous time " + now);
            }
            now = at;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Keeps the file in the location of a read error, so the error can name the script it is in. */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private GoldenConversations() {
    }

    public static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    public static Script read(Path file) throws IOException {
        return YAML.readValue(file.toFile(), Script.class);
    }

    /** A clock at the script's {@code at:}, for a pipeline to move turn by turn. */
    public static ScriptClock clock(Script script) {
        return new ScriptClock(time(script.at(), "the script's at:"));
    }

    /** Replays one script; returns the broken expectations, one readable line each (empty when it passes). */
    public static List<String> replay(Path file, Function<Script, Pipeline> pipelines) throws IOException {
        return replay(file, pipelines, result -> { });
    }

    /**
     * Replays one script, handing each turn's response to {@code eachTurn} as it comes; returns the broken
     * expectations, each naming the file, the turn and what it said (empty when it passes).
     */
    public static List<String> replay(Path file, Function<Script, Pipeline> pipelines, Consumer<TurnResult> eachTurn)
            throws IOException {
        Script script = read(file);
        if (script == null || script.turns() == null || script.turns().isEmpty()) {
            throw new IOException(file + ": no turns");
        }
        if (script.at() == null) {
            throw new IOException(file + ": 'at' is missing");
        }
        List<String> problems = new ArrayList<>();
        try (Pipeline pipeline = pipelines.apply(script)) {
            int n = 0;
            for (Turn turn : script.turns()) {
                n++;
                if (turn.user() == null) {
                    throw new IOException(file + ": turn " + n + " has no user:");
                }
                if (turn.at() != null) {
                    pipeline.moveTo(time(turn.at(), "turn " + n + "'s at:"));
                }
                TurnResult result = pipeline.handle(new InboundMessage("golden", "person", "m-" + n, turn.user(),
                        Optional.ofNullable(script.country())));
                eachTurn.accept(result);
                if (turn.expect() != null) {
                    String where = file.getFileName() + " turn " + n + " (" + turn.user() + "): ";
                    check(turn.expect(), result, pipeline.stored(), pipeline.notes())
                            .forEach(p -> problems.add(where + p));
                }
            }
        }
        return problems;
    }

    private static Instant time(String value, String what) {
        try {
            return OffsetDateTime.parse(String.valueOf(value)).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must look like 2026-11-21T02:00:00+05:00, was '" + value
                    + "'", e);
        }
    }

    static List<String> check(Expect e, TurnResult result, Stored s, List<String> notes) {
        List<String> problems = new ArrayList<>();
        expect(problems, e.intent() == null || e.intent().equals(s.intent()), "intent " + s.intent() + ", expected "
                + e.intent());
        expect(problems, e.riskAtLeast() == null || RiskLevel.fromCode(s.risk()).atLeast(
                RiskLevel.fromCode(e.riskAtLeast())), "risk " + s.risk() + ", expected at least " + e.riskAtLeast());
        expect(problems, e.riskAtMost() == null || RiskLevel.fromCode(e.riskAtMost()).atLeast(
                RiskLevel.fromCode(s.risk())), "risk " + s.risk() + ", expected at most " + e.riskAtMost());
        expect(problems, e.language() == null || e.language().equals(s.language()), "reply language "
                + s.language() + ", expected " + e.language());
        String escalation = result.escalation() == null ? "none" : result.escalation().state();
        expect(problems, e.escalation() == null || e.escalation().equals(escalation), "escalation " + escalation
                + ", expected " + e.escalation());
        expect(problems, e.storedTurns() == null || e.storedTurns() == s.turns(), "stored turns " + s.turns()
                + ", expected " + e.storedTurns());
        expect(problems, e.messagesAtMost() == null || result.replies().size() <= e.messagesAtMost(),
                result.replies().size() + " messages, expected at most " + e.messagesAtMost());
        checkLines(e, result.replies().get(0), problems);
        checkTexts(e, String.join("\n", result.replies().stream().map(TurnResult.Reply::text).toList()),
                String.join("\n", notes), problems);
        return problems;
    }

    /** Expectations on the first message's helplines. */
    private static void checkLines(Expect e, TurnResult.Reply first, List<String> problems) {
        List<String> ids = first.helplines().stream().map(TurnResult.HelplineView::id).toList();
        expect(problems, e.firstHelpline() == null || !ids.isEmpty() && ids.get(0).equals(e.firstHelpline()),
                "helplines " + ids + ", expected first " + e.firstHelpline());
        expect(problems, e.helplinesInclude() == null || ids.containsAll(e.helplinesInclude()),
                "helplines " + ids + ", expected to include " + e.helplinesInclude());
        expect(problems, e.helplinesExclude() == null || e.helplinesExclude().stream().noneMatch(ids::contains),
                "helplines " + ids + ", expected none of " + e.helplinesExclude());
        List<String> closed = first.helplines().stream().filter(h -> Boolean.FALSE.equals(h.openNow()))
                .map(TurnResult.HelplineView::id).toList();
        expect(problems, e.closedHelplines() == null || closed.equals(e.closedHelplines()),
                "closed helplines " + closed + ", expected " + e.closedHelplines());
        expect(problems, !Boolean.TRUE.equals(e.noHelplines()) || ids.isEmpty(), "helplines " + ids + ", expected none");
        expect(problems, !Boolean.TRUE.equals(e.openLine())
                || first.helplines().stream().anyMatch(h -> Boolean.TRUE.equals(h.openNow())), "no open line");
    }

    /**
     * Expectations on what the person reads: the turn's replies, and the notes sent outside replies, without the
     * marks that only order right-to-left lines ({@link RtlText}).
     */
    private static void checkTexts(Expect e, String marked, String markedNotes, List<String> problems) {
        String text = RtlText.plain(marked);
        String noted = RtlText.plain(markedNotes);
        Optional.ofNullable(e.replyContains()).orElse(List.of())
                .forEach(c -> expect(problems, text.contains(c), "reply lacks \"" + c + "\""));
        Optional.ofNullable(e.replyExcludes()).orElse(List.of())
                .forEach(c -> expect(problems, !text.contains(c), "reply has \"" + c + "\""));
        Optional.ofNullable(e.replyAtMostOnce()).orElse(List.of()).forEach(c -> expect(problems,
                text.indexOf(c) == text.lastIndexOf(c), "reply says \"" + c + "\" more than once"));
        Optional.ofNullable(e.notesContain()).orElse(List.of())
                .forEach(c -> expect(problems, noted.contains(c), "notes lack \"" + c + "\""));
        Optional.ofNullable(e.notesExclude()).orElse(List.of())
                .forEach(c -> expect(problems, !noted.contains(c), "notes have \"" + c + "\""));
    }

    private static void expect(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
