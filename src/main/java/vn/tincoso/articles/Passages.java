package vn.tincoso.articles;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.tincoso.text.VietnameseText;

/**
 * The passage of a search hit: up to two stretches of the body around the query's words, each word that matches
 * marked (as {@link ArticleRepository#MARK_START} and {@link ArticleRepository#MARK_END}, for {@link Snippets}).
 * A word matches when, folded as PostgreSQL folds it (no marks, Đ as D, lower case), it is one of the query's; words
 * are runs of letters and digits, as "/" and dashes split them for search. Made here from the page's bodies rather
 * than by ts_headline, which parses each body again in the database: a third of a search page's cost.
 */
final class Passages {

    /** A body this short is shown whole; a longer one as stretches of this many words. */
    static final int WHOLE_WORDS = 40;
    static final int STRETCH_WORDS = 30;
    /** Words shown before the first match of a stretch. */
    static final int LEAD_WORDS = 5;
    static final int MAX_STRETCHES = 2;
    static final String DELIMITER = " … ";

    private Passages() {
    }

    private record Token(int start, int end, boolean matches) {
    }

    /** The marked passage of {@code text} for the query's (folded) words. */
    static String of(String text, Set<String> words) {
        List<Token> tokens = tokens(text, words);
        if (tokens.isEmpty()) {
            return "";
        }
        if (tokens.size() <= WHOLE_WORDS) {
            return marked(text, tokens, 0, tokens.size());
        }
        List<Integer> starts = new ArrayList<>();
        int covered = 0;
        for (int i = 0; i < tokens.size() && starts.size() < MAX_STRETCHES; i++) {
            if (i >= covered && tokens.get(i).matches()) {
                int start = Math.max(covered, i - LEAD_WORDS);
                starts.add(start);
                covered = start + STRETCH_WORDS;
            }
        }
        if (starts.isEmpty()) {
            return marked(text, tokens, 0, STRETCH_WORDS);
        }
        StringBuilder passage = new StringBuilder();
        for (int start : starts) {
            if (!passage.isEmpty()) {
                passage.append(DELIMITER);
            }
            passage.append(marked(text, tokens, start, Math.min(tokens.size(), start + STRETCH_WORDS)));
        }
        return passage.toString();
    }

    private static List<Token> tokens(String text, Set<String> words) {
        return VietnameseText.words(text).stream()
                .map(word -> new Token(word.start(), word.end(), words.contains(word.folded()))).toList();
    }

    /** The text of tokens [from, to), what lies between them kept, the matching ones marked. */
    private static String marked(String text, List<Token> tokens, int from, int to) {
        StringBuilder out = new StringBuilder();
        int at = tokens.get(from).start();
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            out.append(text, at, token.start());
            if (token.matches()) {
                out.append(ArticleRepository.MARK_START).append(text, token.start(), token.end()).append(ArticleRepository.MARK_END);
            } else {
                out.append(text, token.start(), token.end());
            }
            at = token.end();
        }
        return out.toString();
    }
}
