package vn.tincoso.search;

/**
 * An article a search found, with what orders it.
 *
 * @param score its BM25 score with q= (null in the orders by time)
 */
public record SearchHit(long id, long publishedAtMicros, Float score) {
}
