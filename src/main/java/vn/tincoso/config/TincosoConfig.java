package vn.tincoso.config;

import java.net.URI;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Application settings under the {@code tincoso.} prefix; each is listed with its environment variable in the README. */
@ConfigMapping(prefix = "tincoso")
public interface TincosoConfig {

    /**
     * The public address clients reach the API at, without a trailing slash. Every absolute URL the API
     * prints (next-page links, article URLs) starts with it; the request's Host header is never used.
     */
    @WithDefault("http://localhost:8080")
    URI publicBaseUrl();

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
}
