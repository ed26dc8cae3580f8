package vn.tincoso.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed instance's index is removed at the next start; a living instance's index, locked, is left alone. */
class AbandonedIndexTest {

    @Test
    void onlyUnlockedIndexesAreRemoved(@TempDir Path temporary) throws Exception {
        Path abandoned = Files.createDirectory(temporary.resolve(SearchIndex.DIRECTORY_PREFIX + "1"));
        Files.writeString(abandoned.resolve("_0.cfs"), "segment");
        Files.writeString(abandoned.resolve(IndexWriter.WRITE_LOCK_NAME), "");
        Path living = Files.createDirectory(temporary.resolve(SearchIndex.DIRECTORY_PREFIX + "2"));
        Files.writeString(living.resolve("_0.cfs"), "segment");
        Path unrelated = Files.createDirectory(temporary.resolve("other"));
        try (Directory directory = FSDirectory.open(living); Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            SearchIndex.removeAbandoned(temporary);
            assertFalse(Files.exists(abandoned));
            assertTrue(Files.exists(living.resolve("_0.cfs")));
            assertTrue(Files.exists(unrelated));
        }
    }
}
