package vn.tincoso.feeds;

import java.nio.charset.StandardCharsets;

/** A feed format ROME writes (Atom, RSS): a subclass names it and its media type. */
abstract class RomeBodyWriter extends FeedBodyWriter {

    private final String romeType;
    private final String mediaType;

    /** @param romeType ROME's name of the format ("atom_1.0") */
    RomeBodyWriter(String romeType, String mediaType) {
        this.romeType = romeType;
        this.mediaType = mediaType;
    }

    @Override
    byte[] render(ArticleFeed feed) {
        return RomeFeedWriter.write(feed, romeType, mediaType).getBytes(StandardCharsets.UTF_8);
    }
}
