/**
 * Limits that protect everyone from one sender (a flood of messages, fake crises filling partner capacity, a key
 * opening endless event streams) without ever silencing a person in crisis: the callers decide what is exempt
 * (a message at risk {@code high} or above always gets its crisis reply). One seam, {@link
 * org.saath.limits.RateLimiter}; the limits are configured under {@code limits.}.
 */
package org.saath.limits;
