package org.gridwork.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The application's clock in tests (the {@code @Primary} Clock bean of {@link TestDatabaseConfig}):
 * the system clock until a test fixes it at a business-time moment. A test that fixes it resets it
 * after itself ({@code @AfterEach clock.reset()}), since the context is shared by the whole suite.
 */
public class TestClock extends Clock {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private volatile Instant fixed;

    /** Stops the clock at this Beijing wall-clock time. */
    public void fixAtBeijing(LocalDateTime beijing) {
        fixed = beijing.atZone(BEIJING).toInstant();
    }

    public void fixAt(Instant instant) {
        fixed = instant;
    }

    /** Back to the real time. */
    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
