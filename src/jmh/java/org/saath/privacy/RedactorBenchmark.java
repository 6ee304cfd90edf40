package org.saath.privacy;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of redacting a 16 KiB text (the largest body the service accepts) of each shape a sender can choose:
 * ordinary prose with personal data in it, and the shapes that made the old patterns quadratic or overflow the
 * stack (one long digit run, digits and spaces, letters with no {@code @}, {@code a@} repeated, "house" repeated,
 * whitespace, Eastern digits with direction marks). Target: under 5 ms each. Run from the repository root:
 * {@code mvn -Pbench -DskipTests package exec:exec -Djmh.args="RedactorBenchmark -f 1 -wi 3 -i 5"}.
 */
@State(Scope.Thread)
public class RedactorBenchmark {

    private static final int SIZE = 16 * 1024;

    @Param({"prose", "digits", "digits-and-spaces", "letters", "at-signs", "dotted-domain", "house", "whitespace",
        "eastern-digits", "urls"})
    public String shape;

    private final Redactor redactor = new Redactor();
    private String text;

    @Setup
    public void build() {
        text = fill(switch (shape) {
            case "prose" -> "mujhe bohat dar lag raha hai, mera number 0300-1234567 hai aur email sana.k@example.com,"
                    + " ghar house no 12, street 5 mein hoon. I feel so alone tonight and cannot sleep. ";
            case "digits" -> "1";
            case "digits-and-spaces" -> "1 ";
            case "letters" -> "a";
            case "at-signs" -> "a@";
            case "dotted-domain" -> "x@a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q ";
            case "house" -> "house ";
            case "whitespace" -> " ";
            case "eastern-digits" -> "\u200F\u06F0\u06F3\u200E ";
            case "urls" -> "www.";
            default -> throw new IllegalArgumentException(shape);
        });
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public String redact16KiB() {
        return redactor.redact(text);
    }

    private static String fill(String unit) {
        StringBuilder out = new StringBuilder(SIZE + unit.length());
        while (out.length() < SIZE) {
            out.append(unit);
        }
        return out.substring(0, SIZE);
    }
}
