package vn.tincoso.search;

import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;

/**
 * What the search index holds of a published article: what q= matches and ranks (the words of its title, summary
 * and body, from its stored tsvector) and what the feed's other filters and orders read (unit, body, directives,
 * publication time, id). Names of units and directives are not here: filters resolve them to ids first, so a
 * rename changes nothing in the index.
 *
 * @param publishedAtMicros microseconds since the epoch, as cursors and PostgreSQL keep it
 * @param search            the text form of article.search
 */
record IndexedArticle(long id, long publishedAtMicros, long organisationId, String organisingBody, List<Long> directiveIds,
        String search) {

    static final String KEY = "key";
    static final String ID = "id";
    static final String PUBLISHED_AT = "published_at";
    static final String ORGANISATION = "organisation";
    static final String ORGANISING_BODY = "organising_body";
    static final String DIRECTIVE = "directive";
    /** Every part's words at their positions: where a phrase matches, as PostgreSQL's, which can run across parts. */
    static final String ALL_WORDS = "all_words";

    /**
     * Each word once, with its occurrences weighted by part as its frequency (title 5, summary 2, body 1): BM25 on
     * this field is BM25F over the three parts, and one term query per word lets Lucene skip by impacts (block-max
     * WAND) as it cannot through a sum of three.
     */
    static final String WORDS = "words";
    static final Map<TsVectorText.Part, Integer> WEIGHTS = Map.of(TsVectorText.Part.TITLE, 5, TsVectorText.Part.SUMMARY, 2,
            TsVectorText.Part.BODY, 1);

    private static final FieldType WEIGHTED = fieldType(IndexOptions.DOCS_AND_FREQS, false);
    /** Positions only: where phrases match, never how well. */
    private static final FieldType POSITIONS = fieldType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, true);

    private static FieldType fieldType(IndexOptions options, boolean omitNorms) {
        FieldType type = new FieldType();
        type.setIndexOptions(options);
        type.setTokenized(true);
        type.setOmitNorms(omitNorms);
        type.freeze();
        return type;
    }

    static Term key(long id) {
        return new Term(KEY, Long.toString(id));
    }

    Document document() {
        Document document = new Document();
        document.add(new StringField(KEY, Long.toString(id), Field.Store.NO));
        document.add(new NumericDocValuesField(ID, id));
        document.add(new LongPoint(PUBLISHED_AT, publishedAtMicros));
        document.add(new NumericDocValuesField(PUBLISHED_AT, publishedAtMicros));
        document.add(new LongPoint(ORGANISATION, organisationId));
        if (organisingBody != null) {
            document.add(new StringField(ORGANISING_BODY, organisingBody, Field.Store.NO));
        }
        for (long directiveId : directiveIds) {
            document.add(new LongPoint(DIRECTIVE, directiveId));
        }
        List<TsVectorText.Occurrence> all = new java.util.ArrayList<>();
        Map<String, Integer> weighted = new java.util.TreeMap<>();
        for (Map.Entry<TsVectorText.Part, List<TsVectorText.Occurrence>> part : TsVectorText.parse(search).entrySet()) {
            int weight = WEIGHTS.get(part.getKey());
            for (TsVectorText.Occurrence occurrence : part.getValue()) {
                weighted.merge(occurrence.word(), weight, Integer::sum);
            }
            all.addAll(part.getValue());
        }
        document.add(new Field(WORDS, new WeightedWordStream(weighted), WEIGHTED));
        document.add(new Field(ALL_WORDS, new OccurrenceStream(all), POSITIONS));
        return document;
    }
}
