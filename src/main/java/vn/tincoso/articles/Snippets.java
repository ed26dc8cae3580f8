package vn.tincoso.articles;

import vn.tincoso.web.Html;

/** Search passages as HTML: the text escaped, the matches (marked by the query) wrapped in &lt;mark&gt;. */
final class Snippets {

    private Snippets() {
    }

    static String toHtml(String marked) {
        if (marked == null) {
            return null;
        }
        return Html.escape(marked)
                .replace(String.valueOf(ArticleRepository.MARK_START), "<mark>")
                .replace(String.valueOf(ArticleRepository.MARK_END), "</mark>");
    }
}
