package vn.tincoso.ingest;

import java.util.ArrayList;
import java.util.List;

import vn.tincoso.text.VietnameseText;

/**
 * A text as the words a name matcher compares: folded (no marks, no case, "Đ" as "d"), split at anything that is not
 * a letter or digit, each word with its span in the original text. Punctuation and spacing then never matter:
 * "TP.Hồ Chí Minh", "TP. Hồ Chí Minh" and "thành phố Hồ Chí Minh" differ only in their first word(s), and numbers are
 * compared without leading zeros.
 */
public final class Tokens {

    /**
     * One word.
     *
     * @param capitalised whether it starts with a capital letter or a digit in the original, as proper names do
     */
    public record Token(String word, int start, int end, boolean capitalised) {
    }

    private final String text;
    private final List<Token> tokens;

    private Tokens(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    public static Tokens of(String text) {
        List<Token> tokens = new ArrayList<>();
        for (VietnameseText.Word word : VietnameseText.words(text)) {
            char first = text.charAt(word.start());
            tokens.add(new Token(number(word.folded()), word.start(), word.end(), Character.isUpperCase(first) || Character.isDigit(first)));
        }
        return new Tokens(text, tokens);
    }

    /** A number without its leading zeros, as registers and portals write it apart ("Phường 07", "Phường 7"). */
    private static String number(String word) {
        int zeros = 0;
        while (zeros < word.length() - 1 && word.charAt(zeros) == '0') {
            zeros++;
        }
        return zeros > 0 && word.chars().allMatch(Character::isDigit) ? word.substring(zeros) : word;
    }

    /** The words of a name, as {@link #of} splits and folds them. */
    public static List<String> words(String name) {
        return of(name).tokens.stream().map(Token::word).toList();
    }

    public String text() {
        return text;
    }

    public List<Token> list() {
        return tokens;
    }

    public int size() {
        return tokens.size();
    }

    public Token get(int index) {
        return tokens.get(index);
    }

    /** The first word at or after this character offset; {@link #size()} when there is none. */
    public int indexAt(int offset) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (tokens.get(middle).start() < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Whether a sentence ends (or a line breaks) between two words. */
    public boolean sentenceBreakBetween(int left, int right) {
        for (int i = tokens.get(left).end(); i < tokens.get(right).start(); i++) {
            char c = text.charAt(i);
            boolean spaceFollows = i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1));
            if (c == '\n' || c == ';' || ((c == '.' || c == '!' || c == '?' || c == ':') && spaceFollows)) {
                return true;
            }
        }
        return false;
    }

    /** The original text of words [from, to). */
    public Span span(int from, int to) {
        return Span.of(text, tokens.get(from).start(), tokens.get(to - 1).end());
    }
}
