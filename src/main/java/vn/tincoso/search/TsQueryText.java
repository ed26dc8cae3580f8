package vn.tincoso.search;

/**
 * PostgreSQL's text form of a tsquery ({@code 'chi' <-> 'bo' & 'dang' | 'nghi'}) as a tree. The API turns q= into a
 * tsquery with websearch_to_tsquery, exactly as the change stream's filter does, and the search index answers that
 * tree: both agree on what matches. Operators bind as in PostgreSQL: {@code !} tightest, then {@code <->} and
 * {@code <N>}, then {@code &}, then {@code |}.
 */
public final class TsQueryText {

    /** A node of the query. */
    public sealed interface Node permits Word, And, Or, Not, Followed {
    }

    /** A word, as PostgreSQL folded it. */
    public record Word(String word) implements Node {
    }

    public record And(Node left, Node right) implements Node {
    }

    public record Or(Node left, Node right) implements Node {
    }

    public record Not(Node operand) implements Node {
    }

    /** {@code left <distance> right}: right begins {@code distance} positions after left ends (1 for {@code <->}). */
    public record Followed(Node left, Node right, int distance) implements Node {
    }

    private final String text;
    private int at;

    private TsQueryText(String text) {
        this.text = text;
    }

    /**
     * The tree of a tsquery's text; null for the empty query (no word in q), which matches nothing.
     *
     * @throws IllegalArgumentException when the text is not a tsquery as PostgreSQL prints one
     */
    public static Node parse(String text) {
        TsQueryText parser = new TsQueryText(text);
        parser.skipSpaces();
        if (parser.at == text.length()) {
            return null;
        }
        Node node = parser.or();
        parser.skipSpaces();
        if (parser.at != text.length()) {
            throw new IllegalArgumentException("unexpected text at " + parser.at + " of a tsquery");
        }
        return node;
    }

    /** The words a match can show (none under a negation), as PostgreSQL folded them; none for the empty query. */
    public static java.util.Set<String> shownWords(String text) {
        java.util.Set<String> words = new java.util.HashSet<>();
        collect(parse(text), words);
        return words;
    }

    private static void collect(Node node, java.util.Set<String> into) {
        if (node instanceof Word word) {
            into.add(word.word());
        } else if (node instanceof And and) {
            collect(and.left(), into);
            collect(and.right(), into);
        } else if (node instanceof Or or) {
            collect(or.left(), into);
            collect(or.right(), into);
        } else if (node instanceof Followed followed) {
            collect(followed.left(), into);
            collect(followed.right(), into);
        }
    }

    private Node or() {
        Node node = and();
        while (accept("|")) {
            node = new Or(node, and());
        }
        return node;
    }

    private Node and() {
        Node node = followed();
        while (accept("&")) {
            node = new And(node, followed());
        }
        return node;
    }

    private Node followed() {
        Node node = unary();
        while (true) {
            skipSpaces();
            if (text.startsWith("<->", at)) {
                at += 3;
                node = new Followed(node, unary(), 1);
            } else if (at < text.length() && text.charAt(at) == '<') {
                int close = text.indexOf('>', at);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed distance in a tsquery");
                }
                int distance = Integer.parseInt(text.substring(at + 1, close));
                at = close + 1;
                node = new Followed(node, unary(), distance);
            } else {
                return node;
            }
        }
    }

    private Node unary() {
        if (accept("!")) {
            return new Not(unary());
        }
        if (accept("(")) {
            Node inner = or();
            if (!accept(")")) {
                throw new IllegalArgumentException("unclosed parenthesis in a tsquery");
            }
            return inner;
        }
        skipSpaces();
        StringBuilder word = new StringBuilder();
        at = readQuoted(text, at, word);
        // A prefix or weight mark (':*', ':AB') narrows PostgreSQL's match; websearch_to_tsquery writes none.
        if (at < text.length() && text.charAt(at) == ':') {
            throw new IllegalArgumentException("a tsquery word with a prefix or weight mark");
        }
        return new Word(word.toString());
    }

    private boolean accept(String token) {
        skipSpaces();
        if (text.startsWith(token, at)) {
            at += token.length();
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
    }

    /**
     * Reads a quoted word of a tsvector or tsquery ({@code 'it''s'}, backslash escaping the next character) starting
     * at {@code at} into {@code word}; returns the index just past its closing quote.
     */
    static int readQuoted(String text, int at, StringBuilder word) {
        if (at >= text.length() || text.charAt(at) != '\'') {
            throw new IllegalArgumentException("expected a quoted word at " + at);
        }
        int i = at + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    word.append('\'');
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unclosed quoted word");
    }
}
