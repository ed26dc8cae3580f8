package vn.tincoso.search;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A tsquery tree as a Lucene query that matches the same articles and ranks them by BM25F: each word's frequency
 * and each article's length weighted by part (title 5, summary 2, body 1, as {@link IndexedArticle#WEIGHTS}; the
 * ratios of PostgreSQL's default ts_rank weights), the article's score the sum over the query's words.
 */
final class SearchQueries {

    private SearchQueries() {
    }

    static Query of(TsQueryText.Node node) {
        if (node instanceof TsQueryText.Word word) {
            return new TermQuery(new Term(IndexedArticle.WORDS, word.word()));
        }
        if (node instanceof TsQueryText.And and) {
            return conjunction(and);
        }
        if (node instanceof TsQueryText.Or or) {
            return disjunction(or);
        }
        if (node instanceof TsQueryText.Not not) {
            return new BooleanQuery.Builder().add(everything(), Occur.MUST).add(of(not.operand()), Occur.MUST_NOT).build();
        }
        return phrase((TsQueryText.Followed) node);
    }

    /** Every operand of a run of {@code &} is required, a negated one excluded. */
    private static Query conjunction(TsQueryText.And and) {
        List<TsQueryText.Node> operands = new ArrayList<>();
        flatten(and, TsQueryText.And.class, operands);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean anyRequired = false;
        for (TsQueryText.Node operand : operands) {
            if (operand instanceof TsQueryText.Not not) {
                query.add(of(not.operand()), Occur.MUST_NOT);
            } else {
                query.add(of(operand), Occur.MUST);
                anyRequired = true;
            }
        }
        if (!anyRequired) {
            query.add(everything(), Occur.MUST);
        }
        return query.build();
    }

    /** Every article, adding nothing to the score: what a query of negations alone starts from. */
    private static Query everything() {
        return new BoostQuery(new ConstantScoreQuery(new MatchAllDocsQuery()), 0f);
    }

    private static Query disjunction(TsQueryText.Or or) {
        List<TsQueryText.Node> operands = new ArrayList<>();
        flatten(or, TsQueryText.Or.class, operands);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        operands.forEach(operand -> query.add(of(operand), Occur.SHOULD));
        return query.build();
    }

    private static void flatten(TsQueryText.Node node, Class<? extends TsQueryText.Node> operator, List<TsQueryText.Node> into) {
        if (operator.isInstance(node)) {
            TsQueryText.Node[] sides = node instanceof TsQueryText.And and ? new TsQueryText.Node[] {and.left(), and.right()}
                    : new TsQueryText.Node[] {((TsQueryText.Or) node).left(), ((TsQueryText.Or) node).right()};
            for (TsQueryText.Node side : sides) {
                flatten(side, operator, into);
            }
        } else {
            into.add(node);
        }
    }

    /** A word at an offset from the start of a phrase. */
    private record Placed(String word, int offset) {
    }

    /**
     * Words that follow each other at fixed distances, as one phrase per part. A phrase of anything but words
     * (websearch_to_tsquery writes none) is taken as all its words being required.
     */
    private static Query phrase(TsQueryText.Followed followed) {
        List<Placed> words = new ArrayList<>();
        if (!place(followed, 0, words)) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            collectWords(followed, all);
            return all.build();
        }
        // Matched on positions over all the words, as PostgreSQL does (a phrase may run from the title into the
        // summary); scored as its words.
        BooleanQuery.Builder phrase = new BooleanQuery.Builder().add(phraseIn(IndexedArticle.ALL_WORDS, words), Occur.FILTER);
        words.forEach(placed -> phrase.add(new TermQuery(new Term(IndexedArticle.WORDS, placed.word())), Occur.MUST));
        return phrase.build();
    }

    private static Query phraseIn(String field, List<Placed> words) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        words.forEach(placed -> phrase.add(new Term(field, placed.word()), placed.offset()));
        return phrase.build();
    }

    /** Places the words of a chain of {@code <N>} starting at {@code offset}; false when an operand is not a word. */
    private static boolean place(TsQueryText.Node node, int offset, List<Placed> into) {
        if (node instanceof TsQueryText.Word word) {
            into.add(new Placed(word.word(), offset));
            return true;
        }
        if (node instanceof TsQueryText.Followed followed && place(followed.left(), offset, into)) {
            int end = into.get(into.size() - 1).offset();
            return place(followed.right(), end + followed.distance(), into);
        }
        return false;
    }

    private static void collectWords(TsQueryText.Node node, BooleanQuery.Builder into) {
        if (node instanceof TsQueryText.Followed followed) {
            collectWords(followed.left(), into);
            collectWords(followed.right(), into);
        } else {
            into.add(of(node), Occur.MUST);
        }
    }
}
