package vn.tincoso.feeds;

/** The syndication formats every article filter is available in. */
public enum FeedFormat {
    ATOM(vn.tincoso.articles.ArticleSyndication.ATOM, "atom_1.0"),
    RSS(vn.tincoso.articles.ArticleSyndication.RSS, "rss_2.0"),
    JSON_FEED(vn.tincoso.articles.ArticleSyndication.JSON_FEED, null);

    private final String mediaType;
    private final String romeType;

    FeedFormat(String mediaType, String romeType) {
        this.mediaType = mediaType;
        this.romeType = romeType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The feed format a client asks for with its Accept header, if it prefers one to JSON: the first
     * media type in the client's order that names a feed format exactly wins, and JSON or a wildcard
     * ahead of it means the plain JSON list.
     */
    public static java.util.Optional<FeedFormat> preferredBy(java.util.List<jakarta.ws.rs.core.MediaType> accepted) {
        for (jakarta.ws.rs.core.MediaType type : accepted) {
            if (type.isWildcardType() || type.isWildcardSubtype() || type.getSubtype().equals("json")) {
                return java.util.Optional.empty();
            }
            for (FeedFormat format : values()) {
                if (format.mediaType.equals(type.getType() + "/" + type.getSubtype())) {
                    return java.util.Optional.of(format);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** ROME's name for the format; null for JSON Feed, which ROME does not write. */
    String romeType() {
        return romeType;
    }
}
