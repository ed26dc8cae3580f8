package vn.tincoso.database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL transaction-level advisory locks, for work that must not run twice at once on any instance: the
 * lock is held until the transaction ends, whatever ends it. Each use has a namespace of its own (the first key);
 * the second key is a digest of a text, so two texts may share a lock (they then only take turns).
 */
public final class AdvisoryLocks {

    /** What a lock guards. */
    public enum Namespace {
        /** One imported text or source URL: concurrent imports of it take turns, so the second finds the first's article. */
        IMPORTED_ARTICLE(1),
        /** Loading the gazetteer: instances starting together on an empty database load it once. */
        GAZETTEER(2),
        /** Claiming webhook deliveries: one instance at a time, so the in-flight limit per target holds over all of them. */
        WEBHOOK_CLAIM(3);

        final int key;

        Namespace(int key) {
            this.key = key;
        }
    }

    private AdvisoryLocks() {
    }

    /** Waits for the locks of these texts, in a fixed order (so that two callers never wait for each other). */
    public static void lock(EntityManager entityManager, Namespace namespace, Collection<String> texts) {
        texts.stream().mapToInt(AdvisoryLocks::digest).distinct().sorted().forEach(key -> entityManager
                .createNativeQuery("select 1 from pg_advisory_xact_lock(:namespace, :key)")
                .setParameter("namespace", namespace.key)
                .setParameter("key", key)
                .getSingleResult());
    }

    /** Takes the lock of this text if no other transaction holds it; false (and no wait) if one does. */
    public static boolean tryLock(EntityManager entityManager, Namespace namespace, String text) {
        return (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:namespace, :key)")
                .setParameter("namespace", namespace.key)
                .setParameter("key", digest(text))
                .getSingleResult();
    }

    public static void lock(EntityManager entityManager, Namespace namespace, String text) {
        lock(entityManager, namespace, java.util.List.of(text));
    }

    private static int digest(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(Arrays.copyOf(sha, 4)).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
