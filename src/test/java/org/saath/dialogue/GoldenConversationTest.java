package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.channel.InboundMessage;
import org.saath.store.StoreException;

/**
 * Replays every scripted conversation in {@code conversations/golden/*.yaml} through the real pipeline (fresh
 * SQLite file, clock fixed at the file's {@code at}) and checks what must come back on each turn.
 */
class GoldenConversationTest {

    @TestFactory
    Stream<DynamicTest> golden_conversations() throws IOException {
        List<Path> files = GoldenConversations.files(Path.of("conversations/golden"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () ->
                assertThat(GoldenConversations.replay(f, script -> Components.goldenPipeline(
                        TestComponents.config(Path.of("target")), TestComponents.analyser(), script))).isEmpty()));
    }

    /** A replay leaves no open store behind (a training run replays every script: 87 pools and their threads). */
    @Test
    void a_replay_closes_its_pipeline_s_store() throws IOException {
        List<GoldenConversations.Pipeline> opened = new ArrayList<>();
        Path script = GoldenConversations.files(Path.of("conversations/golden")).get(0);

        GoldenConversations.replay(script, s -> {
            GoldenConversations.Pipeline pipeline = Components.goldenPipeline(
                    TestComponents.config(Path.of("target")), TestComponents.analyser(), s);
            opened.add(pipeline);
            return pipeline;
        }, result -> { });

        assertThat(opened).hasSize(1);
        assertThatThrownBy(() -> opened.get(0).handle(new InboundMessage("golden", "person", "m-after", "hello",
                Optional.of("PK")))).isInstanceOf(StoreException.class);
    }
}
