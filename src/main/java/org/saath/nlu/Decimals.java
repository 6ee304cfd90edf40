package org.saath.nlu;

import java.util.Locale;

/**
 * A probability written with two decimals for {@code signals}, as {@code String.format(Locale.ROOT, "%.2f", p)}
 * writes it, without the formatter: every analysis writes five or six, and the formatter's decimal conversion was a
 * few percent of an analysis.
 */
final class Decimals {

    private Decimals() {
    }

    /**
     * {@code p} with two decimals. The formatter rounds half up from the shortest decimal that reads back as
     * {@code p}; {@code p * 100} differs from that decimal by far less than 10⁻⁹, so it decides the rounding the same
     * way unless it lies that close to a half, where (as for anything outside [0, 1], and -0.0) the formatter is asked.
     */
    static String two(double p) {
        if (!(p >= 0 && p <= 1) || Double.doubleToRawLongBits(p) < 0) {        // -0.0 is written "-0.00"
            return String.format(Locale.ROOT, "%.2f", p);
        }
        double hundredths = p * 100;
        double whole = Math.floor(hundredths);
        double rest = hundredths - whole;
        if (Math.abs(rest - 0.5) < 1e-9) {
            return String.format(Locale.ROOT, "%.2f", p);
        }
        int n = (int) whole + (rest > 0.5 ? 1 : 0);
        return new String(new char[] {(char) ('0' + n / 100), '.', (char) ('0' + n / 10 % 10), (char) ('0' + n % 10)});
    }
}
