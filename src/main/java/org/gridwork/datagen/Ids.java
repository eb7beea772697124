package org.gridwork.datagen;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.gridwork.resident.IdNumber;

/** Valid, unique national ID numbers with the Ningjin area code (GB 11643 checksum, gender parity). */
final class Ids {

    private static final String AREA = "130528";

    private final Set<String> used = new HashSet<>();
    private final Random random;

    Ids(Random random) {
        this.random = random;
    }

    String next(LocalDate birth, boolean male) {
        while (true) {
            int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
            String first17 = AREA + birth.toString().replace("-", "") + String.format("%03d", sequence);
            String id = first17 + IdNumber.checkCharacter(first17);
            if (used.add(id)) {
                return id;
            }
        }
    }
}
