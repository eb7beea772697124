package org.gridwork.shared.id;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDs of version 7 (RFC 9562): the first 48 bits are the time in milliseconds, the rest random.
 * Used for keys issued with a form and stored under a unique index (a visit's idempotency token):
 * random UUIDs land on a random page of a 100 MB index on every insert, read from disk once the
 * index outgrows PostgreSQL's buffers; time-ordered ones land on the last few pages.
 */
public final class TimeOrderedUuid {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedUuid() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long epochMillis) {
        long random = RANDOM.nextLong();
        long high = (epochMillis << 16) | 0x7000L | ((random >>> 52) & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
