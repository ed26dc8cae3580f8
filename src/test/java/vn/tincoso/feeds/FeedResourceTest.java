package vn.tincoso.feeds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;

import io.quarkus.test.junit.QuarkusTest;

import vn.tincoso.testing.Api;
import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;

/**
 * Every feed format read back by a real consumer: ROME for Atom and RSS, Jackson's JSON Feed 1.1 model; and every page
 * fetched checked against its format's specification (FeedConformanceFilter, on every request of the suite).
 */
@QuarkusTest
class FeedResourceTest {

    static final String TRICKY_TITLE = "Phường Bách Khoa & “Đề án 11” <mới> – sơ kết";
    static final String TRICKY_PARAGRAPH = "Đảng ủy phường Bách Khoa sơ kết Đề án số 11-ĐA/TU & Chỉ thị <35> “mới”.";
    static final String FILTER = "?org=quan-hai-ba-trung&directive=11-da-tu";

    @Inject
    TestData data;

    @Inject
    ObjectMapper mapper;

    long trickyId;

    @BeforeEach
    void articles() {
        data.startWithStandardTree();
        trickyId = data.article(TRICKY_TITLE).org("phuong-bach-khoa").publishedAt("2024-06-03T14:35:00").directive("11-ĐA/TU")
                .directive("12-HD/BTCTW").byline("Trung Hiếu – MĐ 1").body(TRICKY_PARAGRAPH, "Đoạn hai.")
                .caption(1, "Quang cảnh hội nghị").save().id;
        data.article("Tin của Mỹ Đình 1 về Đề án 11").org("phuong-my-dinh-1").publishedAt("2024-06-04T08:00:00").directive("11-ĐA/TU").save();
        data.article("Tin khác của Hai Bà Trưng").org("quan-hai-ba-trung").publishedAt("2024-06-05T08:00:00").save();
    }

    private static String get(String path, String accept) {
        return new String(given().accept(accept).get(path).then().statusCode(200)
                .contentType(containsString("charset=UTF-8")).extract().asByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void atomReadByRome() throws Exception {
        String xml = get("/api/v1/feeds/articles.atom" + FILTER, "*/*");
        Feed atom = (Feed) new WireFeedInput().build(new StringReader(xml));
        assertEquals("Tin về Đề án 11-ĐA/TU — Quận Hai Bà Trưng", atom.getTitle());
        assertEquals(1, atom.getEntries().size());
        com.rometools.rome.feed.atom.Entry entry = atom.getEntries().get(0);
        assertEquals(TRICKY_TITLE, entry.getTitle());
        assertEquals("tag:tincoso.vn,2024:article:" + trickyId, entry.getId());
        assertEquals("Trung Hiếu – MĐ 1", entry.getAuthors().get(0).getName());
        assertEquals("html", entry.getContents().get(0).getType());
        assertEquals("<p>Đảng ủy phường Bách Khoa sơ kết Đề án số 11-ĐA/TU &amp; Chỉ thị &lt;35&gt; “mới”.</p>"
                + "<p><em>Quang cảnh hội nghị</em></p><p>Đoạn hai.</p>", entry.getContents().get(0).getValue());
        assertEquals(List.of("Phường Bách Khoa", "11-ĐA/TU", "12-HD/BTCTW"),
                entry.getCategories().stream().map(com.rometools.rome.feed.atom.Category::getTerm).toList());
        assertEquals(OffsetDateTime.parse("2024-06-03T14:35:00+07:00").toInstant(), entry.getPublished().toInstant());
        assertTrue(xml.contains("<published>2024-06-03T14:35:00+07:00</published>"), xml);
        Link self = atom.getOtherLinks().stream().filter(link -> "self".equals(link.getRel())).findFirst().orElseThrow();
        assertEquals(Api.base() + "/api/v1/feeds/articles.atom" + FILTER, self.getHref());
        assertTrue(atom.getOtherLinks().stream().anyMatch(link -> "hub".equals(link.getRel())
                && (Api.base() + "/websub").equals(link.getHref())), "this API's own WebSub hub");
        assertEquals(Api.base() + "/api/v1/articles/" + entry.getAlternateLinks().get(0).getHref().replaceAll(".*/", ""),
                entry.getAlternateLinks().get(0).getHref());
    }

    @Test
    void rssByContentNegotiationReadByRome() throws Exception {
        String xml = get("/api/v1/articles" + FILTER, "application/rss+xml");
        SyndFeed rss = new SyndFeedInput().build(new StringReader(xml));
        assertEquals("rss_2.0", rss.getFeedType());
        SyndEntry entry = rss.getEntries().get(0);
        assertEquals(TRICKY_TITLE, entry.getTitle());
        assertEquals("tag:tincoso.vn,2024:article:" + trickyId, entry.getUri());
        assertEquals(List.of("Phường Bách Khoa", "11-ĐA/TU", "12-HD/BTCTW"), entry.getCategories().stream().map(SyndCategory::getName).toList());
        assertTrue(entry.getContents().get(0).getValue().contains("&amp; Chỉ thị &lt;35&gt; “mới”"));
        assertTrue(xml.contains("<pubDate>Mon, 3 Jun 2024 14:35:00 +0700</pubDate>"), xml);
        assertTrue(xml.contains("<atom:link rel=\"self\" href=\"" + Api.base() + "/api/v1/feeds/articles.rss"
                + FILTER.replace("&", "&amp;") + "\""), "negotiated, its self link (its WebSub topic) is the format's own URL: " + xml);
        assertTrue(xml.contains("<atom:link rel=\"hub\" href=\"" + Api.base() + "/websub\""), "RSS names the hub too: " + xml);
    }

    @Test
    void jsonFeedReadWithItsModel() throws Exception {
        String json = get("/api/v1/feeds/articles.json" + FILTER + "&limit=1", "*/*");
        JsonFeed feed = mapper.readValue(json, JsonFeed.class);
        assertEquals("https://jsonfeed.org/version/1.1", feed.version());
        assertEquals("Tin về Đề án 11-ĐA/TU — Quận Hai Bà Trưng", feed.title());
        assertEquals(Api.base() + "/api/v1/feeds/articles.json" + FILTER + "&limit=1", feed.feedUrl());
        assertNull(feed.nextUrl());
        JsonFeed.Item item = feed.items().get(0);
        assertEquals(TRICKY_TITLE, item.title());
        assertEquals("tag:tincoso.vn,2024:article:" + trickyId, item.id());
        assertEquals(OffsetDateTime.parse("2024-06-03T14:35:00+07:00").toInstant(), item.datePublished().toInstant());
        assertTrue(json.contains("\"date_published\":\"2024-06-03T14:35:00+07:00\""), json);
        assertEquals(List.of("Phường Bách Khoa", "11-ĐA/TU", "12-HD/BTCTW"), item.tags());
        assertEquals("Trung Hiếu – MĐ 1", item.authors().get(0).name());
        assertEquals(List.of(new JsonFeed.Hub("WebSub", Api.base() + "/websub")), feed.hubs());
    }

    @Test
    void pagesLinkToTheNextPage() throws Exception {
        JsonFeed first = mapper.readValue(get("/api/v1/feeds/articles.json?limit=2", "*/*"), JsonFeed.class);
        assertEquals(2, first.items().size());
        String next = first.nextUrl().replace(Api.base(), "");
        JsonFeed second = mapper.readValue(get(next, "*/*"), JsonFeed.class);
        assertEquals(1, second.items().size());
        assertNull(second.nextUrl());
    }

    @Test
    void entryIdsSurviveEdits() throws Exception {
        data.retitle(trickyId, "Tiêu đề đã sửa");
        Feed atom = (Feed) new WireFeedInput().build(new StringReader(get("/api/v1/feeds/articles.atom" + FILTER, "*/*")));
        assertEquals("Tiêu đề đã sửa", atom.getEntries().get(0).getTitle());
        assertEquals("tag:tincoso.vn,2024:article:" + trickyId, atom.getEntries().get(0).getId());
    }

    /** Each feed URL answers its format whatever feed readers put in Accept. */
    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', value = {
        "/api/v1/feeds/articles.atom | application/xml        | application/atom+xml",
        "/api/v1/feeds/articles.atom | text/xml               | application/atom+xml",
        "/api/v1/feeds/articles.atom | text/html              | application/atom+xml",
        "/api/v1/feeds/articles.atom | application/rss+xml    | application/atom+xml",
        "/api/v1/feeds/articles.rss  | application/xml        | application/rss+xml",
        "/api/v1/feeds/articles.rss  | text/xml;q=0.9, */*    | application/rss+xml",
        "/api/v1/feeds/articles.json | application/json       | application/feed+json"})
    void aFeedUrlAnswersItsFormatWhateverTheAccept(String path, String accept, String format) {
        given().accept(accept).get(path).then().statusCode(200).contentType(containsString(format));
    }

    /** What readers need beside the entries: language, self and next in RSS too, the next page as a Link header. */
    @Test
    void everyFormatLinksItsPagesAndSaysItsLanguage() {
        String atom = get("/api/v1/feeds/articles.atom?limit=1", "*/*");
        assertTrue(atom.contains("xml:lang=\"vi\""), atom);
        String rss = get("/api/v1/feeds/articles.rss?limit=1", "*/*");
        assertTrue(rss.contains("<atom:link rel=\"self\" href=\"" + Api.base() + "/api/v1/feeds/articles.rss?limit=1\""), rss);
        assertTrue(rss.matches("(?s).*<atom:link rel=\"next\" href=\"" + Api.base() + "/api/v1/feeds/articles.rss\\?limit=1&amp;cursor=[^\"]+\".*"), rss);
        assertTrue(!rss.contains("dc:date"), "no second date that readers take for the update time: " + rss);
        for (String path : new String[] {"/api/v1/feeds/articles.atom?limit=1", "/api/v1/feeds/articles.rss?limit=1",
                "/api/v1/feeds/articles.json?limit=1"}) {
            given().get(path).then().statusCode(200).header("Link", org.hamcrest.Matchers.matchesPattern(
                    "<" + java.util.regex.Pattern.quote(Api.base() + path) + "&cursor=[^>]+>; rel=\"next\", <"
                    + java.util.regex.Pattern.quote(Api.base() + "/websub") + ">; rel=\"hub\", <"
                    + java.util.regex.Pattern.quote(Api.base() + path) + ">; rel=\"self\""));
        }
    }

    /** A feed's alternate is the same filter's JSON list; its id is the filter's, however the request spells it. */
    @Test
    void theFeedIdIsTheFiltersAndItsAlternateTheSameList() throws Exception {
        String[] spellings = {"?org=quan-hai-ba-trung&directive=11-da-tu", "?directive=11-%C4%90A%2FTU&org=quan-hai-ba-trung",
            "?org=quan-hai-ba-trung&directive=11-DA-TU&utm_source=zalo&_=12345"};
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String spelling : spellings) {
            Feed atom = (Feed) new WireFeedInput().build(new StringReader(
                    new String(given().urlEncodingEnabled(false).get("/api/v1/feeds/articles.atom" + spelling).then().statusCode(200)
                            .extract().asByteArray(), StandardCharsets.UTF_8)));
            ids.add(atom.getId());
            String alternate = atom.getAlternateLinks().get(0).getHref();
            assertTrue(alternate.startsWith(Api.base() + "/api/v1/articles?") && alternate.contains("org=quan-hai-ba-trung")
                    && !alternate.contains("utm_source"), alternate);
        }
        assertEquals(1, ids.size(), "one id for one filter: " + ids);
        for (String another : new String[] {"?org=quan-hai-ba-trung", "", "?q=null"}) {
            String other = ((Feed) new WireFeedInput().build(new StringReader(get("/api/v1/feeds/articles.atom" + another, "*/*")))).getId();
            assertTrue(ids.add(other), "another filter, another id: " + another);
        }
    }

    /** The Accept header a client sends, and the format the same URL answers in: JSON unless a feed format is preferred. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | application/json",
        "*/*                                                             | application/json",
        "application/*                                                   | application/json",
        "application/json, application/atom+xml                          | application/json",
        "application/atom+xml;q=0, */*                                   | application/json",
        "application/atom+xml                                            | application/atom+xml",
        "application/json;q=0.1, application/atom+xml                    | application/atom+xml",
        "application/rss+xml;q=0.9, application/json;q=0.5               | application/rss+xml",
        "application/feed+json                                           | application/feed+json",
        "application/json;q=0, */*                                       | application/atom+xml"})
    void theSameUrlAnswersInTheFormatTheClientPrefers(String accept, String format) {
        given().accept(accept).get("/api/v1/articles").then()
                .statusCode(200).contentType(containsString(format));
    }

    @Test
    void theJsonListStaysTheDefault() {
        given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").get("/api/v1/articles").then()
                .statusCode(200).contentType(containsString("application/json")).body("items.size()", is(3));
        for (String nothingOffered : new String[] {"application/xml", "*/*;q=0", "application/json;q=0"}) {
            given().accept(nothingOffered).get("/api/v1/articles").then().statusCode(406);
        }
    }

    /** The search text goes into the title: markup, a CDATA end, a tab or a line break, flags and combining marks included. */
    @ParameterizedTest
    @ValueSource(strings = {"]]> & <b>x</b>", "một\thai", "dòng\nhai", "🇻🇳 Quận uỷ\u0301"})
    void anyAcceptedSearchMakesAValidFeedInEveryFormat(String q) {
        for (String format : new String[] {"atom", "rss", "json"}) {
            given().queryParam("q", q).get("/api/v1/feeds/articles." + format).then().statusCode(200);
        }
    }

    @Test
    void badFiltersAreProblemsInEveryFormat() {
        Problems.assertInvalidParameter(given().get("/api/v1/feeds/articles.atom?level=mayor").then(), "level");
        Problems.assertInvalidParameter(given().get("/api/v1/feeds/articles.json?limit=0").then(), "limit");
        Problems.assertInvalidParameter(given().accept("application/rss+xml").get("/api/v1/articles?from=hom-qua").then(), "from");
    }
}
