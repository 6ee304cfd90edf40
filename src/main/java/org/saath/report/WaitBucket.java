package org.saath.report;

import java.time.Duration;
import java.util.List;

/** How long an offer waited for a counsellor's claim, in the buckets impact reports count. */
public enum WaitBucket {
    UNDER_1M("under_1m", Duration.ofMinutes(1)),
    FROM_1M_TO_5M("1m_5m", Duration.ofMinutes(5)),
    FROM_5M_TO_15M("5m_15m", Duration.ofMinutes(15)),
    FROM_15M_TO_1H("15m_1h", Duration.ofHours(1)),
    FROM_1H_TO_4H("1h_4h", Duration.ofHours(4)),
    OVER_4H("over_4h", null);

    private final String code;
    private final Duration below;

    WaitBucket(String code, Duration below) {
        this.code = code;
        this.below = below;
    }

    public String code() {
        return code;
    }

    public static WaitBucket of(Duration wait) {
        for (WaitBucket b : values()) {
            if (b.below == null || wait.compareTo(b.below) < 0) {
                return b;
            }
        }
        return OVER_4H;
    }

    /** The codes, shortest wait first. */
    public static List<String> codes() {
        return java.util.Arrays.stream(values()).map(WaitBucket::code).toList();
    }
}
