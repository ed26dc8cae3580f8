package vn.tincoso.articles;

import java.util.List;

/** The summary an article gets when its source gives none: the opening of its first paragraph. */
final class Summaries {

    static final int MAX_LENGTH = 300;

    private Summaries() {
    }

    static String fromBody(List<String> paragraphs) {
        if (paragraphs.isEmpty()) {
            return null;
        }
        String first = paragraphs.get(0);
        if (first.length() <= MAX_LENGTH) {
            return first;
        }
        int cut = first.lastIndexOf(' ', MAX_LENGTH - 1);
        return first.substring(0, cut > 0 ? cut : MAX_LENGTH - 1).stripTrailing() + "…";
    }
}
