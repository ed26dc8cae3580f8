package vn.tincoso.articles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import vn.tincoso.testing.Api;
import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Slow;

@Slow
@QuarkusTest
class ArticlePaginationTest {

    static final Instant BASE = Instant.parse("2024-03-01T01:00:00Z");

    @Inject
    TestData data;

    List<Long> created;

    /** 45 articles; every third shares its publication time with the one before, so ties cross page boundaries. */
    @BeforeEach
    void createArticles() {
        data.startWithStandardTree();
        created = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            Instant publishedAt = BASE.plus(i - (i % 3 == 2 ? 1 : 0), ChronoUnit.HOURS);
            created.add(data.article("Bài số " + i + " về sinh hoạt chi bộ").org(i % 2 == 0 ? "phuong-bach-khoa" : "phuong-my-dinh-1")
                    .body("Chi bộ sinh hoạt chuyên đề" + " lần nữa".repeat(i % 5)).publishedAt(publishedAt).save().id);
        }
    }

    /** Follows next.url from the first page to the last, calling {@code between} after each page. */
    private List<Long> walk(Map<String, ?> params, Consumer<Integer> between) {
        List<Long> seen = new ArrayList<>();
        Response page = given().queryParams(params).get("/api/v1/articles");
        for (int number = 1; ; number++) {
            page.then().statusCode(200);
            List<Integer> ids = page.path("items.id");
            ids.forEach(id -> seen.add(id.longValue()));
            String next = page.path("next.url");
            if (next == null) {
                assertNull(page.getHeader("Link"));
                return seen;
            }
            assertEquals("<" + next + ">; rel=\"next\"", page.getHeader("Link"));
            between.accept(number);
            String cursor = page.path("next.cursor");
            assertTrue(next.startsWith(Api.base() + "/api/v1/articles?"), next);
            Map<String, Object> withCursor = new java.util.HashMap<>(params);
            withCursor.put("cursor", cursor);
            page = given().queryParams(withCursor).get("/api/v1/articles");
        }
    }

    @Test
    void pagesCoverEveryArticleOnceInOrder() {
        List<Long> seen = walk(Map.of("limit", 10), page -> { });
        assertEquals(45, seen.size());
        assertEquals(45, new HashSet<>(seen).size());
        List<Integer> expected = given().queryParam("limit", 100).get("/api/v1/articles").path("items.id");
        assertEquals(expected.stream().map(Integer::longValue).toList(), seen);
    }

    @Test
    void oldestOrderPagesToo() {
        List<Long> seen = walk(Map.of("limit", 7, "sort", "oldest"), page -> { });
        assertEquals(45, new HashSet<>(seen).size());
        assertEquals(created.get(0), seen.get(0));
    }

    @Test
    void relevancePagesWithTiedRanks() {
        List<Long> seen = walk(Map.of("limit", 4, "q", "chi bo"), page -> { });
        assertEquals(Set.copyOf(created), Set.copyOf(seen));
        assertEquals(45, seen.size());
    }

    /**
     * Every write moves relevance scores (a word's rarity, the average length): a page that went on from the score
     * its cursor carried lost or repeated the articles tied with the last one served. It goes on from that article.
     */
    @Test
    void relevancePagesHoldWhileOtherArticlesAreWritten() {
        List<Long> tied = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            tied.add(data.article("Hiến máu tình nguyện").body("Đoàn viên hiến máu tình nguyện tại phường.")
                    .publishedAt(BASE.plus(i / 2, ChronoUnit.HOURS)).save().id);
        }
        List<Long> seen = walk(Map.of("limit", 7, "q", "hien mau"), page -> data.article("Tin khác số " + page)
                .body("Nội dung không liên quan" + " rất dài".repeat(page * 40)).publishedAt(BASE).save());
        List<Long> newestFirst = new ArrayList<>(tied);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen);
    }

    @Test
    void publishingWhilePagingNeitherRepeatsNorSkips() {
        List<Long> newlyPublished = new ArrayList<>();
        List<Long> seen = walk(Map.of("limit", 10), page -> {
            // Newer articles arrive, one with exactly the newest existing time.
            newlyPublished.add(data.article("Tin mới trong lúc lật trang " + page).publishedAt(Instant.now()).save().id);
            newlyPublished.add(data.article("Tin cùng giờ " + page).publishedAt(BASE.plus(44, ChronoUnit.HOURS)).save().id);
        });
        assertEquals(seen.size(), new HashSet<>(seen).size(), "an article was served twice");
        assertTrue(seen.containsAll(created), "an article that existed before paging was skipped");
        assertTrue(newlyPublished.stream().noneMatch(seen::contains));
    }

    @Test
    void nextLinkKeepsEveryFilterAsTheClientEncodedIt() {
        given().queryParam("q", "sinh hoạt").queryParam("level", "ward").queryParam("limit", 5).get("/api/v1/articles")
                .then().statusCode(200)
                .body("next.url", startsWith(Api.base() + "/api/v1/articles?"))
                .body("next.url", org.hamcrest.Matchers.containsString("q=sinh%20ho%E1%BA%A1t"))
                .body("next.url", org.hamcrest.Matchers.containsString("level=ward"));
    }

    @Test
    void aCursorOnlyWorksForTheQueryThatMadeIt() {
        String cursor = given().queryParam("limit", 5).get("/api/v1/articles").path("next.cursor");
        given().queryParam("cursor", cursor).queryParam("limit", 5).get("/api/v1/articles").then().statusCode(200)
                .body("items.size()", is(5));
        Problems.assertInvalidParameter(given().queryParam("cursor", cursor).queryParam("sort", "oldest")
                .get("/api/v1/articles").then(), "cursor");
        Problems.assertInvalidParameter(given().queryParam("cursor", cursor).queryParam("level", "ward")
                .get("/api/v1/articles").then(), "cursor");
    }

    @Test
    void tamperedCursorsAreRefused() {
        String cursor = given().queryParam("limit", 5).get("/api/v1/articles").path("next.cursor");
        for (String bad : List.of(cursor.substring(0, cursor.length() - 3), cursor + "x", "bm90LWEtY3Vyc29y", "%%%", "x".repeat(500))) {
            Problems.assertInvalidParameter(given().queryParam("cursor", bad).get("/api/v1/articles").then(), "cursor");
        }
    }
}
