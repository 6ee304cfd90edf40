package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.saath.Components;
import org.saath.TestComponents;

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
}
