package vn.tincoso.feeds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import vn.tincoso.articles.ArticleStatus;
import vn.tincoso.testing.Api;
import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Slow;

/**
 * A client that replays the change stream ends with exactly what the feed shows, through random creates,
 * edits, moves between units, unpublishing, republishing and deletions, from the start and from tokens
 * saved along the way.
 */
@Slow
@QuarkusTest
class ChangeResourceTest {

    static final String[] UNITS = {"phuong-bach-khoa", "phuong-bach-dang", "quan-hai-ba-trung", "phuong-my-dinh-1",
            "to-dan-pho-so-7", "quan-ngo-quyen", "thanh-pho-ha-noi"};

    @Inject
    TestData data;

    @Inject
    ChangeRepository changeRepository;

    @BeforeEach
    void tree() {
        data.startWithStandardTree();
    }

    /** A client's offline copy: article id → title, and its token. */
    static final class Client {
        final Map<Long, String> copy = new HashMap<>();
        String token;

        Client() {
        }

        Client(Client other) {
            copy.putAll(other.copy);
            token = other.token;
        }

        void sync(String filter) {
            boolean more = true;
            while (more) {
                Response page = given().get("/api/v1/changes?limit=7" + filter + (token == null ? "" : "&since=" + token));
                page.then().statusCode(200);
                List<Map<String, Object>> changes = page.path("changes");
                for (Map<String, Object> change : changes) {
                    long id = ((Number) change.get("id")).longValue();
                    if (change.get("type").equals("upsert")) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> article = (Map<String, Object>) change.get("article");
                        copy.put(id, (String) article.get("title"));
                    } else {
                        copy.remove(id);
                    }
                }
                token = page.path("next");
                more = page.path("hasMore");
            }
        }
    }

    private static Map<Long, String> feed(String filter) {
        Map<Long, String> shown = new HashMap<>();
        String next = "/api/v1/articles?limit=100" + filter;
        while (next != null) {
            Response page = given().get(next);
            List<Map<String, Object>> items = page.path("items");
            items.forEach(item -> shown.put(((Number) item.get("id")).longValue(), (String) item.get("title")));
            String url = page.path("next.url");
            next = url == null ? null : url.replace(Api.base(), "");
        }
        return shown;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "&org=quan-hai-ba-trung", "&level=ward", "&directive=11-da-tu", "&org=thanh-pho-ha-noi&level=ward,group&q=chi+bo"})
    void replayingTheStreamGivesWhatTheFeedShows(String filter) {
        Random random = new Random(filter.hashCode());
        List<Long> ids = new ArrayList<>();
        Client client = new Client();
        List<Client> savedAlongTheWay = new ArrayList<>();
        Instant time = Instant.parse("2024-01-01T00:00:00Z");
        for (int step = 0; step < 160; step++) {
            int roll = random.nextInt(100);
            if (ids.isEmpty() || roll < 40) {
                TestData.ArticleBuilder article = data.article("Bài " + step + " về sinh hoạt chi bộ").org(UNITS[random.nextInt(UNITS.length)])
                        .publishedAt(time.plus(random.nextInt(10_000), ChronoUnit.MINUTES));
                if (random.nextBoolean()) {
                    article.directive("11-ĐA/TU");
                }
                if (random.nextInt(5) == 0) {
                    article.draft();
                }
                ids.add(article.save().id);
            } else {
                long id = ids.get(random.nextInt(ids.size()));
                if (roll < 60) {
                    data.retitle(id, "Bài " + id + " sửa ở bước " + step + " về chi bộ");
                } else if (roll < 75) {
                    data.move(id, UNITS[random.nextInt(UNITS.length)]);
                } else if (roll < 85) {
                    data.setStatus(id, ArticleStatus.DRAFT);
                } else if (roll < 90) {
                    data.setStatus(id, ArticleStatus.PUBLISHED);
                } else {
                    data.delete(id);
                    ids.remove(id);
                }
            }
            if (step % 20 == 7) {
                client.sync(filter);
                savedAlongTheWay.add(new Client(client));
            }
        }
        Map<Long, String> expected = feed(filter);
        client.sync(filter);
        assertEquals(expected, client.copy, "the client that kept syncing");
        Client fresh = new Client();
        fresh.sync(filter);
        assertEquals(expected, fresh.copy, "a client syncing from scratch now");
        for (Client saved : savedAlongTheWay) {
            saved.sync(filter);
            assertEquals(expected, saved.copy, "a client resuming from a saved token");
        }
    }

    @Test
    void adminEditsOfTheTreeReachSyncedCopies() {
        long moved = data.article("Tin Bách Khoa").org("phuong-bach-khoa").save().id;
        long renamed = data.article("Tin Bạch Đằng").org("phuong-bach-dang").save().id;
        Client district = new Client();
        district.sync("&org=quan-hai-ba-trung");
        String admin = vn.tincoso.testing.Tokens.admin();
        given().header("Authorization", admin).contentType(io.restassured.http.ContentType.JSON).body("{\"parent\": \"quan-nam-tu-liem\"}")
                .patch("/api/v1/organisations/phuong-bach-khoa").then().statusCode(200);
        given().header("Authorization", admin).contentType(io.restassured.http.ContentType.JSON).body("{\"name\": \"Phường Bạch Đằng Mới\"}")
                .patch("/api/v1/organisations/phuong-bach-dang").then().statusCode(200);
        Response page = given().get("/api/v1/changes?org=quan-hai-ba-trung&since=" + district.token);
        page.then().statusCode(200)
                .body("changes.findAll { it.type == 'delete' }.id", org.hamcrest.Matchers.contains((int) moved))
                .body("changes.findAll { it.type == 'upsert' }.article.organisation.name", org.hamcrest.Matchers.contains("Phường Bạch Đằng Mới"));
        district.sync("&org=quan-hai-ba-trung");
        assertEquals(feed("&org=quan-hai-ba-trung"), district.copy);
        assertEquals(java.util.Set.of(renamed), district.copy.keySet());
    }

    @Test
    void aCaughtUpClientGetsNothingNew() {
        data.article("Bài một").save();
        Client client = new Client();
        client.sync("");
        // The token may move on without changes here: the horizon follows transactions anywhere on the server.
        String next = given().get("/api/v1/changes?since=" + client.token).then().statusCode(200)
                .body("changes.size()", is(0)).body("hasMore", is(false)).extract().path("next");
        given().get("/api/v1/changes?since=" + next).then().statusCode(200).body("changes.size()", is(0));
    }

    @Test
    void tokensBelongToTheirFilter() {
        Client client = new Client();
        client.sync("&org=quan-hai-ba-trung");
        Problems.assertInvalidParameter(given().get("/api/v1/changes?org=quan-ngo-quyen&since=" + client.token).then(), "since");
        Problems.assertInvalidParameter(given().get("/api/v1/changes?since=khong-phai-ma").then(), "since");
        Problems.assertInvalidParameter(given().get("/api/v1/changes?limit=501").then(), "limit");
        Problems.assertInvalidParameter(given().get("/api/v1/changes?level=mayor").then(), "level");
    }

    @Test
    void aTokenOlderThanTheKeptTombstonesMustStartAgain() {
        long id = data.article("Bài sẽ bị xóa").save().id;
        Client client = new Client();
        client.sync("");
        data.delete(id);
        QuarkusTransaction.requiringNew().run(() -> changeRepository.purgeTombstonesBefore(Instant.now().plus(1, ChronoUnit.DAYS)));
        Problems.assertProblem(given().get("/api/v1/changes?since=" + client.token).then(), 410)
                .body("errors[0].field", is("since"));
        given().get("/api/v1/changes").then().statusCode(200);
    }
}
