package org.saath.nlu;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.saath.Components;
import org.saath.config.ConfigLoader;

/**
 * Speed of the NLU stage: {@code analyse(text, context)} (normalise + language + intent + distress + the risk model
 * reading the previous two messages) on a rotating mix of messages in the four languages, short and long, each with
 * the message before it as context; {@code analyse(text)} without context; and the cost of loading the models. Run
 * from the repository root: {@code mvn -Pbench -DskipTests package exec:exec}.
 */
@State(Scope.Thread)
public class AnalyseBenchmark {

    /** Our own mixed messages (never from ../shared/eval). */
    private static final List<String> MESSAGES = List.of(
            "hi",
            "i want to die",
            "this traffic is killing me lol",
            "yaar exam ka bohat pressure hai, raat ko neend nahi aati",
            "mujhe jeena nahi hai",
            "someone is threatening to post my pictures unless i pay him",
            "میں بہت اداس ہوں اور کسی سے بات کرنا چاہتا ہوں",
            "بدي انتحر الليلة",
            "thanks, that helped. bye",
            "my husband hits me when he is angry and i dont know where to go",
            "I have been feeling low for months. Work is awful, my friends have drifted away and I barely sleep. "
                    + "Some nights I wonder what the point of any of it is, but I keep going for my mum.",
            "what's the weather in lahore tomorrow",
            "panic attack again, heart racing, cant breathe",
            "kya aap kisi psychiatrist ka number de sakte hain karachi mein",
            "الزحمة موتتني اليوم",
            "how do i kill the process on port 8080");

    private Analyser analyser;
    private int next;

    @Setup
    public void load() {
        analyser = Components.analyser(ConfigLoader.load(Optional.empty()));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Analysis analyse() {
        next = (next + 1) % MESSAGES.size();
        return analyser.analyse(MESSAGES.get(next));
    }

    /** Each message read with the two before it in the list, as a conversation's context. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Analysis analyseWithContext() {
        next = (next + 1) % MESSAGES.size();
        int size = MESSAGES.size();
        return analyser.analyse(MESSAGES.get(next), List.of(MESSAGES.get((next + size - 2) % size),
                MESSAGES.get((next + size - 1) % size)));
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public IntentClassifier loadIntentModel() {
        return Components.intentModel(Path.of("models"));
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public RiskClassifier loadRiskModel() {
        return Components.riskModel(Path.of("models"));
    }
}
