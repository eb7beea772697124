package org.gridwork.account;

import java.security.SecureRandom;

/** A password an admin hands over once; the user must replace it at the next login. */
final class TemporaryPassword {

    // no 0/O, 1/l/I: read aloud or copied from paper without mistakes
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPassword() {
    }

    static String generate() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            if (i == 4 || i == 9) {
                s.append('-');
            } else {
                s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return s.toString();
    }
}
