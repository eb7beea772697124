package org.gridwork.shared.text;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * Whether what was typed matches a name: the name contains it, or its pinyin initials do, every
 * reading of a polyphonic character counting (侯口一村 matches {@code hk}, {@code kyc}; 长乐 both
 * {@code cl} and {@code zl}). For pickers that search a few thousand names in memory as the user
 * types (grids, staff); the register's residents have an indexed column instead (V75).
 */
public final class PinyinMatch {

    /** The initials each character may have (pinyin4j knows every CJK unified ideograph). */
    private static final Map<Character, String> INITIALS = new ConcurrentHashMap<>();

    private PinyinMatch() {
    }

    public static boolean matches(String name, String typed) {
        if (name == null || typed == null) {
            return false;
        }
        String q = typed.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return false;
        }
        if (name.toLowerCase(Locale.ROOT).contains(q)) {
            return true;
        }
        if (!q.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return false;
        }
        // initials of a run of characters anywhere in the name
        for (int start = 0; start + q.length() <= name.length(); start++) {
            boolean all = true;
            for (int i = 0; i < q.length() && all; i++) {
                all = initials(name.charAt(start + i)).indexOf(q.charAt(i)) >= 0;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    static String initials(char c) {
        if (c < 128) {
            return Character.isLetterOrDigit(c) ? String.valueOf(Character.toLowerCase(c)) : "";
        }
        return INITIALS.computeIfAbsent(c, k -> {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(k);
            StringBuilder out = new StringBuilder();
            if (readings != null) {
                for (String r : readings) {
                    if (!r.isEmpty() && out.indexOf(String.valueOf(r.charAt(0))) < 0) {
                        out.append(r.charAt(0));
                    }
                }
            }
            return out.toString();
        });
    }
}
