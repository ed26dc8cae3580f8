package vn.tincoso.articles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import vn.tincoso.ingest.ImportResourceTest;
import vn.tincoso.organisations.Gazetteer;
import vn.tincoso.testing.Json;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;
import vn.tincoso.testing.Slow;

/**
 * Twenty writers at the same instant: of writes with one If-Match exactly one succeeds and the others are 412; of
 * imports of one text exactly one creates and the others update; a batch's report is exactly what was stored; the
 * scheduler and the gazetteer do their work once however many run at once. Never a 5xx.
 */
@Slow
@QuarkusTest
class ConcurrentWritesTest {

    static final int WRITERS = 20;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(WRITERS);

    @Inject
    TestData data;

    @Inject
    Gazetteer gazetteer;

    @Inject
    EditorialService editorial;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void gazetteer() {
        data.startWithGazetteer();
    }

    @AfterAll
    static void stopPool() {
        POOL.shutdown();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PATCH", "PUT", "publish"})
    void ofTwentyWritesWithOneEtagExactlyOneWins(String write) throws Exception {
        Response created = admin().contentType(ContentType.JSON)
                .body("{\"title\": \"Bản nháp\", \"body\": [\"Nội dung.\"], \"organisation\": \"phuong-my-dinh-1\"}").post("/api/v1/articles");
        long id = created.<Integer>path("id");
        String etag = created.getHeader("ETag");

        List<Response> answers = allAtOnce(i -> {
            RequestSpecification request = admin().header("If-Match", etag);
            String title = "Tiêu đề của người viết " + i;
            return switch (write) {
                case "PATCH" -> request.contentType("application/merge-patch+json").body("{\"title\": \"" + title + "\"}");
                case "PUT" -> request.contentType(ContentType.JSON)
                        .body("{\"title\": \"" + title + "\", \"body\": [\"Nội dung.\"], \"organisation\": \"phuong-my-dinh-1\"}");
                default -> request;
            };
        }, (request, i) -> write.equals("publish") ? request.post("/api/v1/articles/" + id + "/publish")
                : write.equals("PUT") ? request.put("/api/v1/articles/" + id) : request.patch("/api/v1/articles/" + id));

        assertEquals(Map.of(200, 1, 412, WRITERS - 1), statuses(answers));
        answers.stream().filter(answer -> answer.statusCode() == 412)
                .forEach(answer -> assertEquals("application/problem+json", answer.contentType()));
        Response winner = answers.stream().filter(answer -> answer.statusCode() == 200).findFirst().orElseThrow();
        admin().get("/api/v1/articles/" + id).then().statusCode(200)
                .header("ETag", is(winner.getHeader("ETag")))
                .body("title", is(winner.<String>path("title")))
                .body("version", is(1));
        admin().get("/api/v1/articles/" + id + "/revisions").then()
                .body("action", contains("created", write.equals("publish") ? "published" : "updated"))
                .body("version", contains(0, 1));
    }

    @Test
    void ofTwentyDeletionsWithOneEtagOneDeletesAndTheOthersAre412() throws Exception {
        Response created = admin().contentType(ContentType.JSON)
                .body("{\"title\": \"Bản nháp\", \"body\": [\"Nội dung.\"], \"organisation\": \"phuong-my-dinh-1\"}").post("/api/v1/articles");
        long id = created.<Integer>path("id");
        String etag = created.getHeader("ETag");
        List<Response> answers = allAtOnce(i -> admin().header("If-Match", etag), (request, i) -> request.delete("/api/v1/articles/" + id));
        assertEquals(Map.of(204, 1, 412, WRITERS - 1), statuses(answers));
        admin().get("/api/v1/articles/" + id + "/revisions").then().body("action", contains("created", "deleted"));
        // Without If-Match a deleted article is simply not there.
        admin().delete("/api/v1/articles/" + id).then().statusCode(404);
    }

    @Test
    void twentyImportsOfOneNewTextMakeOneArticle() throws Exception {
        List<Response> answers = allAtOnce(i -> admin().contentType(ImportResourceTest.TEXT).body(ImportResourceTest.MY_DINH),
                (request, i) -> request.post("/api/v1/imports"));

        assertEquals(Map.of(200, WRITERS - 1, 201, 1), statuses(answers));
        assertEquals(Collections.nCopies(WRITERS - 1, "updated"), answers.stream().filter(answer -> answer.statusCode() == 200)
                .map(answer -> answer.<String>path("items[0].status")).toList());
        assertEquals(1, storedArticles());
        long id = answers.get(0).<Integer>path("items[0].id");
        List<String> actions = admin().get("/api/v1/articles/" + id + "/revisions").path("action");
        assertEquals("imported", actions.get(0));
        assertEquals(Collections.nCopies(WRITERS - 1, "reimported"), actions.subList(1, actions.size()));
    }

    @Test
    void aBatchReportsExactlyWhatItStored() throws Exception {
        String shared = ImportResourceTest.MY_DINH;
        List<Response> answers = allAtOnce(i -> admin().contentType(ContentType.JSON).body("[" + item(unique(i)) + ", " + item(shared) + "]"),
                (request, i) -> request.post("/api/v1/imports"));

        assertEquals(Map.of(200, WRITERS), statuses(answers));
        List<String> sharedOutcomes = new ArrayList<>();
        List<Long> reportedIds = new ArrayList<>();
        for (Response answer : answers) {
            assertEquals("created", answer.path("items[0].status"), answer.asString());
            sharedOutcomes.add(answer.path("items[1].status"));
            reportedIds.add(answer.<Integer>path("items[0].id").longValue());
            reportedIds.add(answer.<Integer>path("items[1].id").longValue());
        }
        assertEquals(1, Collections.frequency(sharedOutcomes, "created"), sharedOutcomes.toString());
        assertEquals(WRITERS - 1, Collections.frequency(sharedOutcomes, "updated"), sharedOutcomes.toString());
        assertEquals(WRITERS + 1, storedArticles());
        assertEquals(WRITERS + 1, reportedIds.stream().distinct().count());
        assertEquals(WRITERS + 1L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from article where id in (:ids)").setParameter("ids", reportedIds)
                .getSingleResult()).longValue()));
    }

    @Test
    void schedulersOnSeveralInstancesPublishEachArticleOnce() throws Exception {
        List<Long> ids = IntStream.range(0, 40).mapToObj(i -> data.article("Bài hẹn giờ " + i).draft().save().id).toList();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update article set status = 'scheduled', published_at = :past where id in (:ids)")
                .setParameter("past", Instant.parse("2024-01-01T00:00:00Z")).setParameter("ids", ids).executeUpdate());

        List<Integer> published = allAtOnce(i -> null, (nothing, i) -> {
            List<Integer> count = new ArrayList<>();
            data.setUp(() -> count.add(editorial.publishDue()));
            return count.get(0);
        });

        assertEquals(ids.size(), published.stream().mapToInt(Integer::intValue).sum(), published.toString());
        assertEquals(ids.size(), given().get("/api/v1/articles?limit=100").<List<?>>path("items").size());
        long publications = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from article_revision where action = 'published' and actor = 'lich-dang'").getSingleResult()).longValue());
        assertEquals(ids.size(), publications);
    }

    @Test
    void instancesStartingTogetherLoadTheGazetteerOnce() throws Exception {
        data.reset();
        List<Integer> added = allAtOnce(i -> null, (nothing, i) -> {
            List<Integer> count = new ArrayList<>();
            data.setUp(() -> count.add(gazetteer.load()));
            return count.get(0);
        });
        long units = QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("select count(*) from organisation").getSingleResult()).longValue());
        assertTrue(units > 800, "units: " + units);
        assertEquals(units, added.stream().mapToInt(Integer::intValue).sum(), added.toString());
    }

    /** The same kind of request from WRITERS threads, prepared first, then sent at one instant. */
    private static <R, T> List<T> allAtOnce(IntFunction<R> prepare, Send<R, T> send) throws Exception {
        CyclicBarrier start = new CyclicBarrier(WRITERS);
        List<Future<T>> running = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            int writer = i;
            running.add(POOL.submit(() -> {
                R request = prepare.apply(writer);
                start.await();
                return send.apply(request, writer);
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> result : running) {
            results.add(result.get());
        }
        return results;
    }

    @FunctionalInterface
    private interface Send<R, T> {
        T apply(R request, int writer) throws Exception;
    }

    private static Map<Integer, Integer> statuses(List<Response> answers) {
        return answers.stream().collect(Collectors.toMap(Response::statusCode, answer -> 1, Integer::sum, TreeMap::new));
    }

    private long storedArticles() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("select count(*) from article").getSingleResult()).longValue());
    }

    private static String unique(int i) {
        return "Phường Mỹ Đình 1 tổ chức hội nghị số " + i + "\nNgày đăng 01/07/2024 | 08:00\n"
                + "Sáng nay, Đảng ủy phường Mỹ Đình 1 tổ chức hội nghị số " + i + ".";
    }

    private static String item(String text) {
        return "{\"text\": " + Json.quote(text) + "}";
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", Tokens.admin());
    }
}
