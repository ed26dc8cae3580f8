package vn.tincoso.search;

import java.util.Iterator;
import java.util.Map;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;

/**
 * An article's words, each once with its weighted frequency as the term frequency: Lucene adds those up as the
 * field's length too, so the length norm is the weighted length BM25F wants.
 */
final class WeightedWordStream extends TokenStream {

    private final Map<String, Integer> frequencies;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
    private Iterator<Map.Entry<String, Integer>> next;

    WeightedWordStream(Map<String, Integer> frequencies) {
        this.frequencies = frequencies;
    }

    @Override
    public boolean incrementToken() {
        if (!next.hasNext()) {
            return false;
        }
        clearAttributes();
        Map.Entry<String, Integer> word = next.next();
        term.append(word.getKey());
        frequency.setTermFrequency(word.getValue());
        return true;
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        next = frequencies.entrySet().iterator();
    }
}
