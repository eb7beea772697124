package org.gridwork.resident;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin initials of a Chinese name ({@code 张三} gives {@code zs}), for searching by what staff
 * type on a phone keyboard. The readings come from pinyin4j, which knows every character of the
 * CJK Unified Ideographs block with all its readings (the former GB 2312 table left out the
 * level-2 characters common in given names: 梓, 鑫, 萱). A name's first character is read as a
 * surname where a surname has its own reading (单 shàn, 曾 zēng, 解 xiè, 区 ōu ...).
 */
public final class PinyinInitials {

    /** Surnames read otherwise than the character's usual first reading, by their initial. */
    private static final Map<Character, Character> SURNAMES = Map.ofEntries(
            Map.entry('单', 's'), Map.entry('曾', 'z'), Map.entry('解', 'x'), Map.entry('区', 'o'), Map.entry('仇', 'q'),
            Map.entry('朴', 'p'), Map.entry('查', 'z'), Map.entry('盖', 'g'), Map.entry('乐', 'y'), Map.entry('缪', 'm'),
            Map.entry('翟', 'z'), Map.entry('覃', 'q'), Map.entry('种', 'c'), Map.entry('秘', 'b'), Map.entry('召', 's'),
            Map.entry('折', 's'), Map.entry('员', 'y'), Map.entry('宓', 'm'), Map.entry('繁', 'p'), Map.entry('句', 'g'),
            Map.entry('隗', 'w'), Map.entry('尉', 'w'), Map.entry('重', 'c'), Map.entry('藏', 'z'), Map.entry('能', 'n'),
            Map.entry('长', 'c'), Map.entry('华', 'h'), Map.entry('任', 'r'), Map.entry('纪', 'j'), Map.entry('薄', 'b'),
            Map.entry('沈', 's'), Map.entry('贾', 'j'), Map.entry('燕', 'y'), Map.entry('都', 'd'), Map.entry('洗', 'x'),
            Map.entry('冼', 'x'), Map.entry('訾', 'z'), Map.entry('蕃', 'p'), Map.entry('阚', 'k'), Map.entry('瞿', 'q'));

    /** At most this many readings of one name are kept as search keys (a name of polyphonic characters multiplies). */
    private static final int MAX_READINGS = 16;

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private PinyinInitials() {
    }

    /** The name's initials as it is usually read: the surname as a surname, each other character by its first reading. */
    public static String of(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (List<Character> options : options(name)) {
            out.append(options.get(0));
        }
        return out.toString();
    }

    /**
     * Every way of writing the name's initials (each reading of each polyphonic character, 单田芳:
     * stf and dtf) and every beginning of each, so that a search for any prefix of any reading is
     * one exact look-up in an array index. The usual reading comes first.
     */
    public static List<String> keys(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        List<StringBuilder> readings = new ArrayList<>(List.of(new StringBuilder()));
        for (List<Character> options : options(name)) {
            List<StringBuilder> next = new ArrayList<>();
            for (StringBuilder r : readings) {
                for (Character c : options) {
                    if (next.size() < MAX_READINGS) {
                        next.add(new StringBuilder(r).append(c));
                    }
                }
            }
            readings = next;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (StringBuilder r : readings) {
            for (int i = 1; i <= r.length(); i++) {
                keys.add(r.substring(0, i));
            }
        }
        return List.copyOf(keys);
    }

    /** {@link #keys} as a PostgreSQL array literal (letters only, nothing to quote), for {@code ?::text[]}. */
    public static String keysLiteral(String name) {
        return "{" + String.join(",", keys(name)) + "}";
    }

    /** For each character that has initials: the possible ones, the usual first. */
    private static List<List<Character>> options(String name) {
        List<List<Character>> all = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 128) {
                if (Character.isLetter(c)) {
                    all.add(List.of(Character.toLowerCase(c)));
                }
                first = false;
                continue;
            }
            Set<Character> initials = new LinkedHashSet<>();
            if (first && SURNAMES.containsKey(c)) {
                initials.add(SURNAMES.get(c));
            }
            for (String reading : readings(c)) {
                if (!reading.isEmpty() && reading.charAt(0) >= 'a' && reading.charAt(0) <= 'z') {
                    initials.add(reading.charAt(0));
                }
            }
            if (!initials.isEmpty()) {
                all.add(List.copyOf(initials));
            }
            first = false;
        }
        return all;
    }

    private static String[] readings(char c) {
        try {
            String[] found = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return found == null ? new String[0] : found;
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }
}
