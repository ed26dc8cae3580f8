package vn.tincoso.ingest;

/**
 * Where in the imported text (after NFC and whitespace cleaning, see {@link ArticleTextParser}) something
 * was read: [start, end) in UTF-16 units, and the text itself.
 */
public record Span(int start, int end, String text) {

    public static Span of(String source, int start, int end) {
        return new Span(start, end, source.substring(start, end));
    }
}
