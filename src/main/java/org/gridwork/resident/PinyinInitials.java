package org.gridwork.resident;

import java.nio.charset.Charset;

/**
 * Pinyin initials of a Chinese name ({@code 张三} gives {@code zs}), for searching by what staff
 * type on a phone keyboard. GB 2312 orders its 3,755 level-1 characters (nearly all common names)
 * by pinyin, so a character's initial follows from where its GB 2312 code falls among the first
 * codes of each initial; rarer characters and other scripts are left out.
 */
public final class PinyinInitials {

    private static final Charset GB2312 = Charset.forName("GB2312");
    private static final int[] STARTS = {0xB0A1, 0xB0C5, 0xB2C1, 0xB4EE, 0xB6EA, 0xB7A2, 0xB8C1, 0xB9FE, 0xBBF7,
            0xBFA6, 0xC0AC, 0xC2E8, 0xC4C3, 0xC5B6, 0xC5BE, 0xC6DA, 0xC8BB, 0xC8F6, 0xCBFA, 0xCDDA, 0xCEF4, 0xD1B9,
            0xD4D1, 0xD7FA};
    private static final String LETTERS = "abcdefghjklmnopqrstwxyz";

    private PinyinInitials() {
    }

    public static String of(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c < 128) {
                if (Character.isLetter(c)) {
                    out.append(Character.toLowerCase(c));
                }
                continue;
            }
            byte[] b = String.valueOf(c).getBytes(GB2312);
            if (b.length != 2) {
                continue;
            }
            int code = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
            for (int i = LETTERS.length() - 1; i >= 0; i--) {
                if (code >= STARTS[i] && code < STARTS[LETTERS.length()]) {
                    out.append(LETTERS.charAt(i));
                    break;
                }
            }
        }
        return out.toString();
    }
}
