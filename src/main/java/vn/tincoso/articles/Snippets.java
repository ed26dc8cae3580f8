package vn.tincoso.articles;

/** Search passages as HTML: the text escaped, the matches (marked by the query) wrapped in &lt;mark&gt;. */
final class Snippets {

    private Snippets() {
    }

    static String toHtml(String marked) {
        if (marked == null) {
            return null;
        }
        StringBuilder html = new StringBuilder(marked.length() + 32);
        marked.codePoints().forEach(c -> {
            switch (c) {
                case ArticleRepository.MARK_START -> html.append("<mark>");
                case ArticleRepository.MARK_END -> html.append("</mark>");
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.appendCodePoint(c);
            }
        });
        return html.toString();
    }
}
