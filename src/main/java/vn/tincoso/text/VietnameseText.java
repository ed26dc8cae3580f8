package vn.tincoso.text;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The few operations every piece of Vietnamese text goes through: NFC on the way in, folding for
 * comparisons (no diacritics, so tone placement stops mattering: "uỷ" and "ủy" both fold to "uy"),
 * and URL slugs.
 */
public final class VietnameseText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9]+");
    // Non-breaking and other Unicode spaces that portals leave in copied text.
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");

    private static final Collator COLLATOR = Collator.getInstance(Locale.forLanguageTag("vi"));
    private static final Pattern WORD_BREAK = Pattern.compile("\\s+");
    /** Combining grave, acute, tilde, hook above and dot below: the five tone marks. */
    private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

    /**
     * Vietnamese dictionary order: syllable by syllable ("Hà Nội" before "Hải Phòng", which a collator that
     * skips spaces gets wrong); within a syllable letters first, then tones in dictionary order (ngang,
     * huyền, hỏi, ngã, sắc, nặng: "Ba" before "Bà" before "Bách" before "Bạch").
     */
    public static final Comparator<String> ALPHABETICAL = VietnameseText::compareSyllables;

    private VietnameseText() {
    }

    private static int compareSyllables(String left, String right) {
        String[] a = WORD_BREAK.split(left.strip());
        String[] b = WORD_BREAK.split(right.strip());
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int order = COLLATOR.compare(a[i], b[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /**
     * Why this text cannot be stored as it is, or null when it can: PostgreSQL text cannot hold U+0000, and a lone
     * UTF-16 surrogate (which only a JSON escape can produce) has no UTF-8 form, so the driver would store "?".
     */
    public static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "chứa ký tự NUL (U+0000) ở vị trí " + i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "chứa nửa cặp thay thế UTF-16 lẻ (U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ") ở vị trí " + i;
            }
        }
        return null;
    }

    /**
     * The text as a reader compares spellings: case and the place of the tone mark ignored ("Hoà" = "Hòa"), but every
     * mark kept, so that "Thạnh" and "Thanh" stay apart.
     */
    public static String toneKey(String text) {
        StringBuilder key = new StringBuilder();
        for (String syllable : WORD_BREAK.split(clean(text).toLowerCase(Locale.ROOT))) {
            String decomposed = Normalizer.normalize(syllable, Normalizer.Form.NFD);
            StringBuilder base = new StringBuilder();
            StringBuilder tone = new StringBuilder();
            for (char c : decomposed.toCharArray()) {
                (TONE_MARKS.indexOf(c) >= 0 ? tone : base).append(c);
            }
            key.append(key.isEmpty() ? "" : " ").append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tone);
        }
        return key.toString();
    }

    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** NFC, every run of whitespace (including non-breaking spaces) one space, trimmed. */
    public static String clean(String text) {
        return text == null ? null : SPACES.matcher(nfc(text)).replaceAll(" ").strip();
    }

    /** Lower-case, without any diacritic; Đ/đ become d. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        return bare.replace('Đ', 'D').replace('đ', 'd').toLowerCase(Locale.ROOT);
    }

    /**
     * {@link #fold} character by character, so that every index of the result is the same index of the
     * input: what a pattern finds in the folded text can be cut from the original.
     */
    public static String foldKeepingOffsets(String text) {
        char[] folded = new char[text.length()];
        for (int i = 0; i < folded.length; i++) {
            char c = text.charAt(i);
            folded[i] = c < FOLDED.length ? FOLDED[c] : foldChar(c);
        }
        return new String(folded);
    }

    /** A word of a text: a run of letters and digits, folded ({@link #fold}), with its span in the text. */
    public record Word(String folded, int start, int end) {
    }

    /**
     * The words of a text, split at anything that is not a letter or digit, in order: what the name matcher compares
     * and what a search passage marks.
     */
    public static java.util.List<Word> words(String text) {
        String folded = foldKeepingOffsets(text);
        java.util.List<Word> words = new java.util.ArrayList<>();
        int i = 0;
        while (i < folded.length()) {
            if (!Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < folded.length() && Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
            }
            words.add(new Word(folded.substring(start, i), start, i));
        }
        return words;
    }

    /** Every character of the Latin blocks (Vietnamese letters lie below U+1F00) folded once, ahead. */
    private static final char[] FOLDED = foldTable();

    private static char[] foldTable() {
        char[] table = new char[0x2000];
        for (int c = 0; c < table.length; c++) {
            table[c] = foldChar((char) c);
        }
        return table;
    }

    private static char foldChar(char c) {
        if (c == 'Đ' || c == 'đ') {
            return 'd';
        }
        if (c < 0x80) {
            return Character.toLowerCase(c);
        }
        String base = COMBINING_MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)).replaceAll("");
        return base.length() == 1 ? Character.toLowerCase(base.charAt(0)) : c;
    }

    /** "Phường Mỹ Đình 1" → "phuong-my-dinh-1". */
    public static String slugify(String text) {
        String slug = NON_SLUG.matcher(fold(text)).replaceAll("-");
        return trimDashes(slug);
    }

    /** A slug of at most {@code maxLength} characters, cut at a word boundary when it is longer. */
    public static String slugify(String text, int maxLength) {
        String slug = slugify(text);
        if (slug.length() <= maxLength) {
            return slug;
        }
        int cut = slug.lastIndexOf('-', maxLength);
        return trimDashes(slug.substring(0, cut > 0 ? cut : maxLength));
    }

    private static String trimDashes(String slug) {
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
