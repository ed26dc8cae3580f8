package vn.tincoso.search;

import java.util.Set;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;

/**
 * One page of a search: the tsquery of q=, the feed's other filters with names already resolved to ids, the order,
 * and where the page starts. A null set means "no such filter"; an empty one matches nothing.
 *
 * @param tsquery              websearch_to_tsquery's text of q=
 * @param organisationIds      the units of org= (with its scope)
 * @param levelOrganisationIds the units at the levels of level=
 * @param bodies               organising bodies' codes of body=
 * @param directiveId          the directive of directive=
 * @param typedDirectiveIds    the directives of the type= and issuer= asked for
 * @param fromMicros           inclusive, microseconds since the epoch; null for no bound
 * @param toMicros             exclusive, as fromMicros
 * @param after                the last hit of the page before; null on the first page
 */
public record SearchRequest(String tsquery, Set<Long> organisationIds, Set<Long> levelOrganisationIds, Set<String> bodies,
        Long directiveId, Set<Long> typedDirectiveIds, Long fromMicros, Long toMicros, Order order, SearchHit after, int limit) {

    /** The orders a search page can come in; ties in score go to the newer article, then the higher id. */
    public enum Order {
        RELEVANCE, NEWEST, OLDEST
    }

    /** The words of q= and every filter, as one Lucene query. */
    Query query() {
        TsQueryText.Node words = TsQueryText.parse(tsquery);
        if (words == null) {
            return new MatchNoDocsQuery("q= has no word");
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(SearchQueries.of(words), Occur.MUST);
        if (organisationIds != null) {
            query.add(LongPoint.newSetQuery(IndexedArticle.ORGANISATION, organisationIds), Occur.FILTER);
        }
        if (levelOrganisationIds != null) {
            query.add(LongPoint.newSetQuery(IndexedArticle.ORGANISATION, levelOrganisationIds), Occur.FILTER);
        }
        if (bodies != null) {
            query.add(new TermInSetQuery(IndexedArticle.ORGANISING_BODY, bodies.stream()
                    .map(code -> new Term(IndexedArticle.ORGANISING_BODY, code).bytes()).toList()), Occur.FILTER);
        }
        if (directiveId != null) {
            query.add(LongPoint.newExactQuery(IndexedArticle.DIRECTIVE, directiveId), Occur.FILTER);
        }
        if (typedDirectiveIds != null) {
            query.add(LongPoint.newSetQuery(IndexedArticle.DIRECTIVE, typedDirectiveIds), Occur.FILTER);
        }
        if (fromMicros != null || toMicros != null) {
            query.add(LongPoint.newRangeQuery(IndexedArticle.PUBLISHED_AT, fromMicros == null ? Long.MIN_VALUE : fromMicros,
                    toMicros == null ? Long.MAX_VALUE : toMicros - 1), Occur.FILTER);
        }
        return query.build();
    }

    Sort sort() {
        return switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, newest(IndexedArticle.PUBLISHED_AT), newest(IndexedArticle.ID));
            case NEWEST -> SearchIndex.NEWEST_FIRST;
            case OLDEST -> new Sort(new SortField(IndexedArticle.PUBLISHED_AT, SortField.Type.LONG),
                    new SortField(IndexedArticle.ID, SortField.Type.LONG));
        };
    }

    static SortField newest(String field) {
        return new SortField(field, SortField.Type.LONG, true);
    }

    /** Where the page starts, as Lucene's searchAfter takes it: the sort values of the last hit before. */
    FieldDoc start() {
        if (after == null) {
            return null;
        }
        Object[] values = order == Order.RELEVANCE
                ? new Object[] {after.score(), after.publishedAtMicros(), after.id()}
                : new Object[] {after.publishedAtMicros(), after.id()};
        // The last tie-break is Lucene's document number: past every one, so the hit itself is not served again.
        return new FieldDoc(Integer.MAX_VALUE, Float.NaN, values);
    }
}
