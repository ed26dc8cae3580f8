package vn.tincoso.config;

import java.net.URI;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Application settings under the {@code tincoso.} prefix; each is listed with its environment variable in the README. */
@ConfigMapping(prefix = "tincoso")
public interface TincosoConfig {

    /**
     * The public address clients reach the API at (scheme://host[:port][/path]). When set, every absolute URL the
     * API prints (next-page links, article URLs, Location, feed links) starts with it, whatever the request says;
     * unset, they start with the request's own address (web.PublicAddress).
     */
    java.util.Optional<URI> publicBaseUrl();

    /** Cross-origin use from browsers (web.CrossOrigin). */
    Cors cors();

    interface Cors {
        /**
         * The origins (scheme://host[:port]) whose pages may write through the API from a browser. Every origin may
         * read the public resources (GET and HEAD answer Access-Control-Allow-Origin: *); none may write unless listed.
         */
        java.util.Optional<java.util.List<String>> writeOrigins();
    }

    /** Cache-Control on every successful GET (JSON and feeds). */
    HttpCache httpCache();

    interface HttpCache {
        /** How long clients and shared caches may reuse a response without asking again. */
        @WithDefault("60s")
        java.time.Duration maxAge();

        /** How long after that a cache may still serve it while it revalidates in the background. */
        @WithDefault("300s")
        java.time.Duration staleWhileRevalidate();
    }

    /** Limits on a request besides quarkus.http.limits.* (answered as problem+json by web.RequestGuard). */
    Limits limits();

    interface Limits {
        /** Longest query string a request may carry, in characters as sent (percent-encoded); longer is 414. */
        @WithDefault("4096")
        int maxQueryLength();

        /**
         * Largest total of a request's header names and values, in bytes; more is 431 naming the largest header.
         * Must stay below quarkus.http.limits.max-header-size, beyond which the HTTP decoder refuses with no body.
         */
        @WithDefault("64K")
        io.quarkus.runtime.configuration.MemorySize maxHeaderSize();
    }

    /** This instance's cache of rendered public reads (web.ResponseCache). */
    ResponseCache responseCache();

    interface ResponseCache {
        /**
         * How long a rendered public read (GET under /api/ without credentials or "Consistency: strong") is
         * answered from memory; writes through this instance clear it at once, other instances' writes show
         * after at most this long. 0 turns the cache off.
         */
        @WithDefault("2s")
        java.time.Duration ttl();

        /** Most bytes of response bodies kept. */
        @WithDefault("64M")
        io.quarkus.runtime.configuration.MemorySize maxSize();
    }

    /** Per-client rate limit on public reads (GET under /api/). */
    RateLimit rateLimit();

    interface RateLimit {
        /** Requests a client may make per minute, in bursts up to that size; 0 turns the limit off. */
        @WithDefault("1200")
        int requestsPerMinute();

        /**
         * Take the client from the last X-Forwarded-For address, the one the proxy saw (only behind a proxy that
         * sets it); otherwise the connection's address.
         */
        @WithDefault("false")
        boolean trustForwardedFor();
    }

    /** Delta sync (GET /api/v1/changes). */
    Sync sync();

    interface Sync {
        /**
         * How long the ids of deleted articles are kept for clients to learn of the deletion. A client that
         * has not synced for longer gets 410 and starts again from scratch.
         */
        @WithDefault("90d")
        java.time.Duration tombstoneRetention();
    }

    /** Atom, RSS and JSON Feed output. */
    Feeds feeds();

    interface Feeds {
        /** The authority of entry ids, tag:AUTHORITY,2024:article:ID; a domain the publisher owns. Never change it. */
        @WithDefault("tincoso.vn")
        String tagAuthority();

        /** A WebSub hub to advertise in every feed (rel="hub"); none by default. */
        java.util.Optional<URI> hubUrl();
    }

    /** The built-in gazetteer of units (cities, districts, wards of Hà Nội and Hải Phòng). */
    Gazetteer gazetteer();

    interface Gazetteer {
        /** Add the gazetteer's units that are missing at start-up (existing units are left as they are). */
        @WithDefault("true")
        boolean enabled();
    }

    /** Demo content loaded at start-up into an empty database. */
    DemoContent demoContent();

    interface DemoContent {
        /** Load the sample articles when the database has no article yet. On in dev, off elsewhere. */
        @WithDefault("false")
        boolean enabled();
    }

    /** Signed webhooks (webhooks.*). */
    Webhooks webhooks();

    interface Webhooks {
        /**
         * The key (base64 of 32 bytes) that seals every subscription's signing secret (AES-256-GCM) in the database,
         * so that a dump alone cannot sign. Without it the webhook endpoints answer 503 and nothing is sent.
         * Changing it makes the stored secrets unreadable: rotate the secrets too.
         */
        java.util.Optional<String> encryptionKey();

        /** Allow targets on loopback, private, link-local or otherwise non-public addresses (off: refused). */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** Whether this instance fans out and sends deliveries (every instance may; they share the work). */
        @WithDefault("true")
        boolean workerEnabled();

        /** How long a delivery is retried, from its creation (or from a manual retry), before it is dead. */
        @WithDefault("24h")
        java.time.Duration retryFor();

        /** The wait before the first retry; each next one doubles it (up to max-backoff), with jitter of ±50 %. */
        @WithDefault("10s")
        java.time.Duration firstRetry();

        /** The longest wait between two attempts. */
        @WithDefault("1h")
        java.time.Duration maxBackoff();

        /** How long a receiver has to answer (connecting included). */
        @WithDefault("10s")
        java.time.Duration timeout();

        /** Deliveries in flight at once to one subscription, over every instance. */
        @WithDefault("16")
        int maxInFlightPerTarget();

        /** Deliveries in flight at once from this instance. */
        @WithDefault("1024")
        int maxInFlight();

        /**
         * How often an idle worker loop looks for changes to fan out and deliveries due: another instance's work is
         * seen within it; this instance's own wakes its sending loop at once.
         */
        @WithDefault("200ms")
        java.time.Duration pollInterval();

        /** How long delivered and dead deliveries (and their events) are kept for GET …/deliveries; purged every 10 min. */
        @WithDefault("7d")
        java.time.Duration deliveryRetention();

        /** Webhooks one account may hold (an editor's or an admin's). */
        @WithDefault("5000")
        int maxPerAccount();
    }

    /** The WebSub hub at /websub (webhooks.WebSubHub); it needs tincoso.webhooks.encryption-key, as webhooks do. */
    WebSub websub();

    interface WebSub {
        /** The lease a subscription gets when hub.lease_seconds is not given. */
        @WithDefault("10d")
        java.time.Duration lease();

        /** The shortest lease granted: a shorter hub.lease_seconds is raised to it. */
        @WithDefault("5m")
        java.time.Duration minLease();

        /** The longest lease granted: a longer hub.lease_seconds is lowered to it. */
        @WithDefault("30d")
        java.time.Duration maxLease();

        /** Subscriptions the hub holds at most, over every callback and topic. */
        @WithDefault("10000")
        int maxSubscriptions();

        /** Intent verifications this instance runs at once; more requests are a 503 until one ends. */
        @WithDefault("64")
        int maxPendingVerifications();
    }
}
