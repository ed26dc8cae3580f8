package vn.tincoso.search;

import java.util.Comparator;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The words of one part of an article as Lucene tokens at PostgreSQL's positions: already folded and split, so no
 * analyzer runs, and a phrase matches where PostgreSQL's {@code <->} does. Its length (for BM25) is its number of
 * occurrences, as the tsvector kept them.
 */
final class OccurrenceStream extends TokenStream {

    private final List<TsVectorText.Occurrence> occurrences;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private int next;
    private int position;

    OccurrenceStream(List<TsVectorText.Occurrence> occurrences) {
        this.occurrences = occurrences.stream().sorted(Comparator.comparingInt(TsVectorText.Occurrence::position)
                .thenComparing(TsVectorText.Occurrence::word)).toList();
    }

    @Override
    public boolean incrementToken() {
        if (next == occurrences.size()) {
            return false;
        }
        clearAttributes();
        TsVectorText.Occurrence occurrence = occurrences.get(next++);
        term.append(occurrence.word());
        // Two words at one position (PostgreSQL clamps positions past 16,383) stand together: increment 0.
        increment.setPositionIncrement(occurrence.position() - position);
        position = occurrence.position();
        return true;
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        next = 0;
        position = 0;
    }
}
