package org.gridwork.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The 10,000 most common passwords (source named in the resource's header line). */
@Component
class CommonPasswords {

    private final Set<String> passwords = new HashSet<>(16_384);

    CommonPasswords() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("account/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .forEach(l -> passwords.add(l.strip().toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Case-insensitive and width-insensitive: "Password123" is as weak as "password123", and
     * full-width "１２３４５６７８９０" (what a Chinese IME types) as "1234567890" (NFKC folds them).
     */
    boolean contains(String password) {
        return passwords.contains(Normalizer.normalize(password, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT));
    }

    int size() {
        return passwords.size();
    }
}
