package org.gridwork.support;

import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridwork.resident.IdNumber;

/** Valid ID numbers that no demo resident has (area code 130581, not used by the demo data). */
public final class TestResidents {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 400));

    private TestResidents() {
    }

    public static String nextIdNumber(LocalDate birth, boolean male) {
        int n = SEQUENCE.incrementAndGet() % 500;
        int seq = n * 2 + (male ? 1 : 0);
        // vary the day within the month too, so that many tests never run out of numbers
        LocalDate day = birth.plusDays(SEQUENCE.get() / 500 % 28);
        String first17 = "130581" + String.format(Locale.ROOT, "%04d%02d%02d%03d", day.getYear(), day.getMonthValue(),
                day.getDayOfMonth(), seq);
        return first17 + IdNumber.checkCharacter(first17);
    }
}
