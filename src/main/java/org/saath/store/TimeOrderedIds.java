package org.saath.store;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Ids for rows a turn inserts (turns, new conversations): UUID version 7 (RFC 9562), the creation time in
 * milliseconds followed by 74 random bits. Ids made later sort after earlier ones, so each insert lands at the right
 * end of the table's primary-key index, on a page the same group commit has already written, instead of on a random
 * page of an index that grows with every turn (a page read, and a page more written to the WAL and again at the
 * checkpoint, for every turn). They stay as hard to guess as random ones (74 bits from {@link SecureRandom}); they
 * tell the time a row was made, which the row itself stores anyway. Each thread draws from its own
 * {@link SecureRandom} (DRBG): the default one reads one shared source under one lock, on which request threads
 * queued and switched.
 */
public final class TimeOrderedIds implements Supplier<UUID> {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_2 = 0x8000_0000_0000_0000L;

    private final Clock clock;
    private final ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(TimeOrderedIds::drbg);

    public TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public UUID get() {
        long millis = clock.millis();
        byte[] bits = new byte[10];
        random.get().nextBytes(bits);
        ByteBuffer drawn = ByteBuffer.wrap(bits);
        long high = millis << 16 | VERSION_7 | drawn.getShort() & 0x0FFF;
        long low = drawn.getLong() >>> 2 | VARIANT_2;
        return new UUID(high, low);
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no DRBG SecureRandom", e);
        }
    }
}
