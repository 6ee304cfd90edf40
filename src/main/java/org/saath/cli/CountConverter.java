package org.saath.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a count option ({@code --limit}, {@code --iterations}, {@code --folds}): a whole number no smaller than the
 * least the option can use. Anything else is a usage error (exit 2) before the command starts, so a bad value never
 * loads a corpus or opens a store first. Picocli names the option in front of the message.
 */
public abstract class CountConverter implements ITypeConverter<Integer> {

    private final int least;

    CountConverter(int least) {
        this.least = least;
    }

    @Override
    public Integer convert(String value) {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("must be a whole number, " + least + " or more, was '" + value + "'");
        }
        if (n < least) {
            throw new TypeConversionException("must be " + least + " or more, was " + n);
        }
        return n;
    }

    /** At least one: a limit, a number of iterations. */
    public static final class AtLeastOne extends CountConverter {
        public AtLeastOne() {
            super(1);
        }
    }

    /** At least two: cross-validation folds (one fold would leave nothing to train on). */
    public static final class AtLeastTwo extends CountConverter {
        public AtLeastTwo() {
            super(2);
        }
    }
}
