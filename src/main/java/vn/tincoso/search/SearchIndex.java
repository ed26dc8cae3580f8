package vn.tincoso.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The full-text index behind q=: a Lucene index of every published article, derived from PostgreSQL and held by
 * each instance on its own (nothing in it needs sharing). Built from the articles at start, then kept current from
 * the change stream (V6): before each search it reads the changes after its position, in the change stream's
 * order and below its horizon, so a search sees every write committed before it began, on any instance. It lets a
 * search rank every match by BM25 and return the best ones without reading the others (block-max WAND), where
 * ranking in PostgreSQL reads every match's tsvector.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    static final Sort NEWEST_FIRST = new Sort(SearchRequest.newest(IndexedArticle.PUBLISHED_AT), SearchRequest.newest(IndexedArticle.ID));

    /** How long a search waits for the index being built at start before it is answered 503. */
    static final long BUILD_WAIT_SECONDS = 30;
    private static final int CHANGES_PER_READ = 1_000;
    private static final int BUILD_FETCH_SIZE = 2_000;

    /** The row of an article as the index takes it; "live" says whether it belongs in the index at all. */
    private static final String ROW = "a.id, a.status = 'published' and a.organisation_id is not null as live,"
            + " (extract(epoch from a.published_at) * 1000000)::bigint as published_at, a.organisation_id, a.organising_body,"
            + " array(select ad.directive_id from article_directive ad where ad.article_id = a.id) as directive_ids,"
            + " a.search::text as search";

    private final AgroalDataSource dataSource;
    private final CountDownLatch built = new CountDownLatch(1);
    private final Object catchingUp = new Object();

    private Path path;
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;

    // The change stream's position the index has applied: every change at or before it is in the index.
    private long afterXid;
    private long afterSeq;
    // The change sequence's value once every change it numbered is known applied; a search that finds the sequence
    // still there reads nothing.
    private volatile long seenSequence = -1;
    private long candidateSequence = -1;
    private long candidateXmax = Long.MAX_VALUE;

    SearchIndex(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent event) {
        try {
            removeAbandoned(Path.of(System.getProperty("java.io.tmpdir")));
            path = Files.createTempDirectory(DIRECTORY_PREFIX);
            directory = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer())
                    .setIndexSort(NEWEST_FIRST)
                    .setRAMBufferSizeMB(32);
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in a temporary directory", e);
        }
        Thread builder = new Thread(this::buildAtStart, "search-index-build");
        builder.setDaemon(true);
        builder.start();
    }

    void stop(@Observes ShutdownEvent event) {
        try {
            if (searchers != null) {
                searchers.close();
                writer.rollback();
                directory.close();
                delete(path);
            }
        } catch (IOException e) {
            LOG.warnf("search index files left in %s: %s", path, e.getMessage());
        }
    }

    static final String DIRECTORY_PREFIX = "tincoso-search";

    /**
     * Deletes the index directories of instances that ended without a shutdown (killed): a directory whose Lucene
     * write lock can be taken has no living writer. Another instance's index on the same machine stays locked.
     */
    static void removeAbandoned(Path temporary) throws IOException {
        try (var candidates = Files.newDirectoryStream(temporary, DIRECTORY_PREFIX + "*")) {
            for (Path candidate : candidates) {
                if (Files.isDirectory(candidate) && !locked(candidate)) {
                    delete(candidate);
                    LOG.infof("removed the search index left by an instance that was killed: %s", candidate);
                }
            }
        }
    }

    /** Whether a living writer, in this process or another, holds the directory's Lucene write lock. */
    private static boolean locked(Path index) throws IOException {
        try (Directory directory = FSDirectory.open(index);
                org.apache.lucene.store.Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            return false;
        } catch (org.apache.lucene.store.LockObtainFailedException held) {
            return true;
        }
    }

    /** An index directory and its files (an index has no subdirectories). */
    private static void delete(Path index) throws IOException {
        try (var files = Files.list(index)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(index);
    }

    private void buildAtStart() {
        try {
            rebuild();
        } catch (RuntimeException e) {
            LOG.error("the search index could not be built; q= is answered 503 until a restart", e);
        }
    }

    /** Whether the index has been built and searches are answered. */
    public boolean ready() {
        return built.getCount() == 0;
    }

    /**
     * Empties the index and builds it again from every published article, from one snapshot; the change stream
     * then goes on from that snapshot's horizon (changes applied twice are harmless: each reads the article's
     * current state).
     */
    public void rebuild() {
        synchronized (catchingUp) {
            long started = System.nanoTime();
            int count = 0;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setReadOnly(true);
                long horizon;
                try (PreparedStatement statement = connection.prepareStatement("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
                        ResultSet row = statement.executeQuery()) {
                    row.next();
                    horizon = row.getLong(1);
                }
                // The next search reads the changes since this snapshot's horizon.
                seenSequence = -1;
                candidateXmax = Long.MAX_VALUE;
                writer.deleteAll();
                try (PreparedStatement statement = connection.prepareStatement("select " + ROW + " from article a where a.status = 'published'")) {
                    statement.setFetchSize(BUILD_FETCH_SIZE);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            apply(rows);
                            count++;
                        }
                    }
                }
                connection.commit();
                afterXid = horizon - 1;
                afterSeq = Long.MAX_VALUE;
                searchers.maybeRefreshBlocking();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the articles for the search index", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the search index", e);
            }
            built.countDown();
            LOG.infof("search index built: %d articles in %d ms", count, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    private static final String SEQUENCE_VALUE = "(select last_value from article_change_seq)";

    /**
     * One page of the articles that match, in the request's order: the top {@code limit} among all matches.
     *
     * @throws SearchUnavailableException while the index is still being built at start
     */
    public List<SearchHit> search(SearchRequest request) {
        awaitBuilt();
        catchUp();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query query = request.query();
                FieldDoc after = request.order() == SearchRequest.Order.RELEVANCE && request.after() != null
                        ? reanchored(searcher, query, request.after()) : request.start();
                // Counting no more hits than the page lets the collector skip every article that cannot make it.
                TopDocs top = searcher.search(query,
                        new TopFieldCollectorManager(request.sort(), request.limit(), after, request.limit(), false));
                return Arrays.stream(top.scoreDocs).map(hit -> hit((FieldDoc) hit, request.order())).toList();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    /**
     * Where a relevance page starts: after the last article served, at the score it has now. Scores move with every
     * write (a word's rarity, the average length), and differ a little between instances (an index counts what it
     * deleted until it merges); the article itself does not, so the next page continues from it as the ranking now
     * stands, and articles tied with it stay in order. The score is the scorer's own, the same float the collector
     * sees. An article gone from the matches keeps the score its cursor carries.
     */
    private static FieldDoc reanchored(IndexSearcher searcher, Query query, SearchHit last) throws IOException {
        Float score = null;
        TopDocs found = searcher.search(new TermQuery(IndexedArticle.key(last.id())), 1);
        if (found.scoreDocs.length == 1) {
            int doc = found.scoreDocs[0].doc;
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            Scorer scorer = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f).scorer(leaf);
            int local = doc - leaf.docBase;
            if (scorer != null && scorer.iterator().advance(local) == local) {
                score = scorer.score();
            }
        }
        return new FieldDoc(Integer.MAX_VALUE, Float.NaN,
                new Object[] {score != null ? score : last.score(), last.publishedAtMicros(), last.id()});
    }

    private static SearchHit hit(FieldDoc hit, SearchRequest.Order order) {
        Object[] values = hit.fields;
        return order == SearchRequest.Order.RELEVANCE
                ? new SearchHit((Long) values[2], (Long) values[1], (Float) values[0])
                : new SearchHit((Long) values[1], (Long) values[0], null);
    }

    private void awaitBuilt() {
        try {
            if (!built.await(BUILD_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SearchUnavailableException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchUnavailableException();
        }
    }

    /**
     * Applies the changes committed since the last call. Cheap when there are none: one statement reads the change
     * sequence, and an unchanged value means nothing was written. A value is taken as seen once every transaction
     * that was running when it was read has ended (its changes then lie below the horizon and were read).
     */
    void catchUp() {
        // Outside the request's transaction: a connection of the primary's pool of its own (the request's may be
        // the replica's, and one transaction cannot enlist both).
        QuarkusTransaction.suspendingExisting().run(this::applyNewChanges);
    }

    private void applyNewChanges() {
        try (Connection connection = dataSource.getConnection()) {
            if (probe(connection).sequence() == seenSequence) {
                return;
            }
            synchronized (catchingUp) {
                // Another search may have applied the changes while this one waited.
                Probe probe = probe(connection);
                long sequence = probe.sequence();
                long horizon = probe.horizon();
                long xmax = probe.xmax();
                if (sequence == seenSequence) {
                    return;
                }
                boolean changed = false;
                while (true) {
                    int read = applyChanges(connection, horizon);
                    changed |= read > 0;
                    if (read < CHANGES_PER_READ) {
                        break;
                    }
                }
                if (changed) {
                    searchers.maybeRefreshBlocking();
                }
                if (horizon >= candidateXmax) {
                    seenSequence = candidateSequence;
                }
                if (horizon == xmax) {
                    seenSequence = sequence;
                } else {
                    candidateSequence = sequence;
                    candidateXmax = xmax;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the change stream for the search index", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index", e);
        }
    }

    /** The change sequence's value and the snapshot's bounds, read together. */
    private record Probe(long sequence, long horizon, long xmax) {
    }

    private static Probe probe(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + SEQUENCE_VALUE
                + ", pg_snapshot_xmin(pg_current_snapshot())::text::bigint, pg_snapshot_xmax(pg_current_snapshot())::text::bigint");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return new Probe(row.getLong(1), row.getLong(2), row.getLong(3));
        }
    }

    /** Applies up to {@link #CHANGES_PER_READ} changes after the position and below the horizon; how many. */
    private int applyChanges(Connection connection, long horizon) throws SQLException, IOException {
        String window = " (%1$s.change_xid, %1$s.change_seq) > (?::text::xid8, ?) and %1$s.change_xid < ?::text::xid8";
        String sql = "select * from ("
                + " select " + ROW + ", a.change_xid::text::bigint as xid, a.change_seq as seq from article a where" + window.formatted("a")
                + " union all select t.article_id, false, null, null, null, null, null, t.change_xid::text::bigint, t.change_seq"
                + " from article_tombstone t where" + window.formatted("t")
                + ") c order by c.xid, c.seq limit " + CHANGES_PER_READ;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int side = 0; side < 2; side++) {
                statement.setString(side * 3 + 1, Long.toString(afterXid));
                statement.setLong(side * 3 + 2, afterSeq);
                statement.setString(side * 3 + 3, Long.toString(horizon));
            }
            int read = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    apply(rows);
                    afterXid = rows.getLong("xid");
                    afterSeq = rows.getLong("seq");
                    read++;
                }
            }
            return read;
        }
    }

    /** Puts the article of the row into the index as it now is, or takes it out. */
    private void apply(ResultSet row) throws SQLException, IOException {
        long id = row.getLong("id");
        if (!row.getBoolean("live")) {
            writer.deleteDocuments(IndexedArticle.key(id));
            return;
        }
        Array directives = row.getArray("directive_ids");
        List<Long> directiveIds = new ArrayList<>();
        for (Object directiveId : (Object[]) directives.getArray()) {
            directiveIds.add(((Number) directiveId).longValue());
        }
        IndexedArticle article = new IndexedArticle(id, row.getLong("published_at"), row.getLong("organisation_id"),
                row.getString("organising_body"), directiveIds, row.getString("search"));
        writer.updateDocument(IndexedArticle.key(id), article.document());
    }
}
