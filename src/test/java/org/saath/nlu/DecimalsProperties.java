package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Two decimals written by hand are the formatter's, to the character, for any probability and beyond. */
class DecimalsProperties {

    @Property(tries = 5_000)
    void any_probability_reads_as_the_formatter_writes_it(@ForAll @DoubleRange(min = 0, max = 1) double p) {
        assertThat(Decimals.two(p)).isEqualTo(String.format(Locale.ROOT, "%.2f", p));
    }

    /** Halves (0.125, 0.285: one rounds up from its shortest decimal, the other from a binary value below it). */
    @Property(tries = 600)
    void values_at_and_beside_every_half_hundredth_read_as_the_formatter_writes_them(
            @ForAll @IntRange(min = 0, max = 200) int halves, @ForAll @IntRange(min = -3, max = 3) int ulps) {
        double p = halves / 200.0;
        for (int i = 0; i < Math.abs(ulps); i++) {
            p = ulps > 0 ? Math.nextUp(p) : Math.nextDown(p);
        }
        assertThat(Decimals.two(p)).isEqualTo(String.format(Locale.ROOT, "%.2f", p));
    }

    @Test
    void values_outside_a_probability_are_the_formatters_too() {
        for (double p : new double[] {-0.0, -0.004, -0.005, 1.005, 2.5, 12.345, Double.NaN,
            Double.POSITIVE_INFINITY, 0.285, 0.125, 0.995, 0.994999}) {
            assertThat(Decimals.two(p)).as("%s", p).isEqualTo(String.format(Locale.ROOT, "%.2f", p));
        }
    }
}
