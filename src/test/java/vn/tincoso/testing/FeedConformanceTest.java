package vn.tincoso.testing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** The validators fail where a feed breaks its format, naming each violation, and pass a minimal correct feed. */
class FeedConformanceTest {

    static final String ATOM = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
              <id>tag:tincoso.vn,2024:feed:test</id>
              <title>Tin cơ sở</title>
              <updated>2024-06-03T14:35:00+07:00</updated>
              <link rel="self" href="https://tin.example.vn/feed.atom"/>
              <entry>
                <id>tag:tincoso.vn,2024:article:1</id>
                <title>Sơ kết Đề án 11</title>
                <link href="https://tin.example.vn/articles/1"/>
                <author><name>Phường Bách Khoa</name></author>
                <published>2024-06-03T14:35:00+07:00</published>
                <updated>2024-06-03T14:35:00+07:00</updated>
                <content type="html">&lt;p&gt;Đoạn một.&lt;/p&gt;</content>
              </entry>
            </feed>
            """;

    static final String RSS = """
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
              <channel>
                <atom:link rel="self" href="https://tin.example.vn/feed.rss" type="application/rss+xml"/>
                <title>Tin cơ sở</title>
                <link>https://tin.example.vn/</link>
                <description>Tin cơ sở</description>
                <item>
                  <title>Sơ kết Đề án 11</title>
                  <link>https://tin.example.vn/articles/1</link>
                  <guid isPermaLink="false">tag:tincoso.vn,2024:article:1</guid>
                  <pubDate>Mon, 3 Jun 2024 14:35:00 +0700</pubDate>
                </item>
              </channel>
            </rss>
            """;

    static final String JSON_FEED = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Tin cơ sở", "language": "vi",
             "feed_url": "https://tin.example.vn/feed.json", "_tincoso": {"filter": "all"},
             "items": [{"id": "tag:tincoso.vn,2024:article:1", "url": "https://tin.example.vn/articles/1",
                        "content_html": "<p>Đoạn một.</p>", "date_published": "2024-06-03T14:35:00+07:00",
                        "authors": [{"name": "Phường Bách Khoa"}], "tags": ["11-ĐA/TU"]}]}
            """;

    @Test
    void minimalCorrectFeedsPass() {
        assertAll(() -> assertDoesNotThrow(() -> FeedConformance.assertValidAtom(ATOM)),
                () -> assertDoesNotThrow(() -> FeedConformance.assertValidRss(RSS)),
                () -> assertDoesNotThrow(() -> FeedConformance.assertValidJsonFeed(JSON_FEED)));
    }

    @Test
    void anAtomEntryWithoutIdFailsTheSchema() {
        assertRejected(FeedConformance::assertValidAtom, ATOM.replace("<id>tag:tincoso.vn,2024:article:1</id>", ""),
                "missing required element \"id\"");
    }

    @Test
    void anAtomDateMustBeAnRfc3339DateTime() {
        assertRejected(FeedConformance::assertValidAtom,
                ATOM.replace("<updated>2024-06-03T14:35:00+07:00</updated>\n    <content", "<updated>yesterday</updated>\n    <content"),
                "atom:updated 'yesterday' is not an RFC 3339 date-time", "entry 1 (tag:tincoso.vn,2024:article:1)");
        assertRejected(FeedConformance::assertValidAtom, ATOM.replace("<published>2024-06-03T14:35:00+07:00", "<published>2024-06-03T14:35:00"),
                "atom:published '2024-06-03T14:35:00' is not an RFC 3339 date-time");
    }

    /** The RFC's Schematron rules, which a RELAX NG validator alone skips. */
    @Test
    void anAtomEntryNeedsAnAuthorAndAnAlternateLinkOrContent() {
        String bare = ATOM.replace("<author><name>Phường Bách Khoa</name></author>", "")
                .replace("<link href=\"https://tin.example.vn/articles/1\"/>", "")
                .replace("<content type=\"html\">&lt;p&gt;Đoạn một.&lt;/p&gt;</content>", "");
        assertRejected(FeedConformance::assertValidAtom, bare, "An atom:entry must have an atom:author if its feed does not.",
                "An atom:entry must have at least one atom:link element with a rel attribute of 'alternate' or an atom:content.",
                "An atom:feed must have an atom:author unless all of its atom:entry children have an atom:author.");
    }

    @Test
    void anAtomFeedHasOneAlternateLinkPerType() {
        assertRejected(FeedConformance::assertValidAtom, ATOM.replace("<link rel=\"self\"",
                "<link rel=\"alternate\" href=\"https://tin.example.vn/\"/><link href=\"https://tin.example.vn/tin\"/><link rel=\"self\""),
                "feed: a second alternate atom:link of type '' and hreflang ''");
    }

    @Test
    void malformedXmlIsNamedAsSuch() {
        assertRejected(FeedConformance::assertValidAtom, ATOM.replace("</entry>", ""), "not well-formed XML");
        assertRejected(FeedConformance::assertValidRss, RSS.replace("<title>Tin cơ sở</title>", "<title>Tin & sở</title>"), "not well-formed XML");
    }

    @Test
    void anRssItemWithoutGuidOrPubDateFails() {
        String bare = RSS.replace("<guid isPermaLink=\"false\">tag:tincoso.vn,2024:article:1</guid>", "")
                .replace("<pubDate>Mon, 3 Jun 2024 14:35:00 +0700</pubDate>", "");
        assertRejected(FeedConformance::assertValidRss, bare, "item 1 (Sơ kết Đề án 11): has no single <guid>", "item 1 (Sơ kết Đề án 11): has no single <pubDate>",
                "item 1 as rssreader reads it: no date it can parse");
    }

    @Test
    void rssDatesAreRfc822AndGuidsUrlsUnlessSaidOtherwise() {
        assertRejected(FeedConformance::assertValidRss, RSS.replace("Mon, 3 Jun 2024 14:35:00 +0700", "2024-06-03T14:35:00+07:00"),
                "<pubDate> '2024-06-03T14:35:00+07:00' is not an RFC 822 date");
        assertRejected(FeedConformance::assertValidRss, RSS.replace("Mon, 3 Jun", "Tue, 3 Jun"), "is not an RFC 822 date");
        assertRejected(FeedConformance::assertValidRss, RSS.replace(" isPermaLink=\"false\"", ""),
                "<guid> 'tag:tincoso.vn,2024:article:1' is no URL, so it needs isPermaLink=\"false\"");
    }

    @Test
    void anRssChannelNamesItsTitleLinkDescriptionAndOwnUrl() {
        String bare = RSS.replace("<atom:link rel=\"self\" href=\"https://tin.example.vn/feed.rss\" type=\"application/rss+xml\"/>", "")
                .replace("<description>Tin cơ sở</description>", "");
        assertRejected(FeedConformance::assertValidRss, bare, "channel: has no single <description>",
                "channel: has 0 atom:link rel=\"self\"");
    }

    @Test
    void anRssItemWithoutTitleFailsTheSecondReader() {
        assertRejected(FeedConformance::assertValidRss, RSS.replace("<title>Sơ kết Đề án 11</title>", "<description>Đoạn</description>"),
                "item 1 as rssreader reads it: no title");
    }

    @Test
    void aJsonFeedWithoutVersionFails() {
        assertRejected(FeedConformance::assertValidJsonFeed, JSON_FEED.replace("\"version\": \"https://jsonfeed.org/version/1.1\",", ""),
                "the feed: required property 'version' not found");
        assertRejected(FeedConformance::assertValidJsonFeed, JSON_FEED.replace("version/1.1", "version/1"), "/version");
    }

    @Test
    void aJsonFeedItemNeedsAnIdAndContent() {
        assertRejected(FeedConformance::assertValidJsonFeed, JSON_FEED.replace("\"id\": \"tag:tincoso.vn,2024:article:1\",", ""),
                "/items/0: required property 'id' not found");
        assertRejected(FeedConformance::assertValidJsonFeed, JSON_FEED.replace("content_html", "body_html"),
                "/items/0: property 'body_html' is not defined in the schema", "/items/0: required property 'content_html' not found");
    }

    @Test
    void aJsonFeedDateIsAnRfc3339DateTime() {
        assertRejected(FeedConformance::assertValidJsonFeed, JSON_FEED.replace("\"2024-06-03T14:35:00+07:00\"", "\"yesterday\""),
                "/items/0/date_published", "date-time");
        assertRejected(FeedConformance::assertValidJsonFeed, JSON_FEED.replace("14:35:00+07:00", "14:35:00"), "/items/0/date_published");
    }

    @Test
    void aJsonFeedListsEveryViolation() {
        String twoWrongs = JSON_FEED.replace("\"title\": \"Tin cơ sở\",", "\"title\": 11,").replace("\"tags\": [\"11-ĐA/TU\"]", "\"tags\": \"11-ĐA/TU\"");
        assertRejected(FeedConformance::assertValidJsonFeed, twoWrongs, "/title", "/items/0/tags", "2 violation(s)");
    }

    /** Fails unless the document is rejected with a message that contains every one of {@code named}. */
    private static void assertRejected(Consumer<String> assertion, String document, String... named) {
        AssertionError failure = assertThrows(AssertionError.class, () -> assertion.accept(document));
        for (String violation : named) {
            assertTrue(failure.getMessage().contains(violation), "'" + violation + "' not named in: " + failure.getMessage());
        }
    }
}
