package vn.tincoso.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.apache.lucene.util.SmallFloat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import vn.tincoso.testing.TestData;

/**
 * Relevance ranks every match: on a corpus of 10,000 articles, each search's pages, followed to the end, are exactly
 * the articles PostgreSQL matches (its own {@code @@}, not the index), in the order of a brute-force BM25F computed
 * here from the stored tsvectors of all of them: each word's frequency and each article's length weighted by part
 * (title 5, summary 2, body 1), k1 1.2, b 0.75, idf ln(1 + (N − n + 0.5) / (n + 0.5)), the length rounded as Lucene's
 * one-byte norm keeps it, summed over the query's words; an article counts for a group of an "or" only when it has
 * all of the group's words. Scores are compared within a relative 1e-5 (the index sums floats, this test doubles);
 * articles whose frequencies and lengths are identical score exactly alike, and must come newest first, then by
 * higher id.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRankingTest {

    private static final int ARTICLES = 10_000;
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final double TOLERANCE = 1e-5;

    @Inject
    EntityManager entityManager;

    @Inject
    TestData data;

    @BeforeAll
    void createCorpus() {
        data.setUp(() -> {
            data.startWithStandardTree();
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("select setseed(0.17)").getSingleResult();
                // n words of w, word k drawn about 1/k as often as the first; seed only makes each call its own.
                entityManager.createNativeQuery("""
                        create function pg_temp.text_of(w text[], n int, seed int) returns text language sql volatile
                        return array_to_string(array(select w[floor(exp(random() * ln(cardinality(w))))::int]
                                                       from generate_series(1, n + seed * 0)), ' ')
                        """).executeUpdate();
                entityManager.createNativeQuery("""
                        insert into directive (code, slug, number, doc_type, issuer)
                        values ('11-ĐA/TU', '11-da-tu', '11', 'ĐA', 'TU'), ('24-CT/TU', '24-ct-tu', '24', 'CT', 'TU'),
                               ('35-CT/TW', '35-ct-tw', '35', 'CT', 'TW')
                        """).executeUpdate();
                // Words drawn with a long tail (word k about 1/k as often as the first), in both tone placements and
                // with and without marks; one article in 25 copies one of 8 fixed texts, so exact ties exist; one
                // in 40 is a draft; publication times repeat, so ties in time fall to the id.
                entityManager.createNativeQuery("""
                        with words as (select array['chi', 'bộ', 'đề', 'án', '11', 'nghị', 'quyết', 'đại', 'hội', 'Đảng', 'uỷ',
                                'ủy', 'phường', 'xã', 'kiểm', 'tra', 'giám', 'sát', 'sinh', 'hoạt', 'chuyên', 'đề', 'năm', 'thực',
                                'hiện', 'chỉ', 'thị', 'số', '24', 'ban', 'thường', 'vụ', 'tổ', 'dân', 'phố', 'khu', 'thôn', 'hội',
                                'nghị', 'sơ', 'kết', 'tổng', 'công', 'tác', 'cán', 'bộ', 'đảng', 'viên', 'mặt', 'trận', 'tổ',
                                'quốc', 'đoàn', 'thanh', 'niên', 'phụ', 'nữ', 'cựu', 'chiến', 'binh', 'nông', 'dân', 'an', 'ninh',
                                'trật', 'tự', 'văn', 'hóa', 'hoá', 'giáo', 'dục', 'y', 'tế', 'môi', 'trường', 'chuyển', 'đổi',
                                'số', 'kinh', 'tế', 'xây', 'dựng', 'nông', 'thôn', 'mới', 'đô', 'thị', 'văn', 'minh', 'hạ',
                                'tầng', 'giao', 'thông', 'hiến', 'máu', 'tình', 'nguyện', 'khen', 'thưởng', 'tập', 'thể', 'cá',
                                'nhân', 'Hai', 'Bà', 'Trưng', 'Bách', 'Khoa', 'Mỹ', 'Đình', 'Ngô', 'Quyền', 'lũ', 'lụt', 'bão',
                                'số', '3', 'Yagi', 'sạt', 'lở', 'đất', 'điện', 'nước', 'sạch'] as w),
                        templates as (select array['Chi bộ khu phố 3 sinh hoạt chuyên đề', 'Hội nghị sơ kết 3 năm thực hiện Đề án số 11',
                                'Đảng uỷ phường kiểm tra giám sát', 'Hiến máu tình nguyện năm 2024', 'Khen thưởng tập thể cá nhân',
                                'Đại hội chi bộ nhiệm kỳ mới', 'Nghị quyết đại hội Đảng bộ', 'Xây dựng nông thôn mới'] as t)
                        insert into article (slug, title, summary, body, status, published_at, organisation_id, organising_body,
                                             created_at, updated_at)
                        select 'bai-' || g,
                               case when g % 25 = 0 then t[1 + g / 25 % 8] else pg_temp.text_of(w, 4 + g % 9, g) end,
                               case when g % 25 = 0 then t[1 + (g / 25 + 3) % 8] when g % 4 = 0 then null else pg_temp.text_of(w, 8 + g % 15, g + 1) end,
                               case when g % 25 = 0 then array[t[1 + (g / 25 + 5) % 8]]
                                    else array[pg_temp.text_of(w, 20 + g % 80, g + 2), pg_temp.text_of(w, 10 + g % 40, g + 3)] end,
                               case when g % 40 = 0 then 'draft' else 'published' end,
                               timestamptz '2024-01-01 08:00+07' + (g % 7000) * interval '1 hour',
                               units[1 + g % cardinality(units)],
                               case when g % 3 = 0 then 'government' when g % 3 = 1 then 'party' else null end,
                               now(), now()
                          from generate_series(1, :articles) g, words, templates,
                               (select array_agg(id order by id) units from organisation) u
                        """).setParameter("articles", ARTICLES).executeUpdate();
                entityManager.createNativeQuery("""
                        insert into article_directive (article_id, directive_id)
                        select a.id, d.id from article a join directive d on (a.id % 3 = 0 and d.slug = '11-da-tu')
                            or (a.id % 7 = 0 and d.slug = '24-ct-tu') or (a.id % 11 = 0 and d.slug = '35-ct-tw')
                        """).executeUpdate();
            });
        });
    }

    @AfterAll
    void dropCorpus() {
        data.setUp(data::reset);
    }

    /**
     * Each search: q as a client types it, the groups of words PostgreSQL reads it as (an "or" of "and"s, each
     * word as typed), and the filters, both as the API takes them and as SQL on article a.
     */
    static Stream<Arguments> searches() {
        return Stream.of(
                search("de an 11", "", List.of("de an 11")),
                search("chi bo", "", List.of("chi bo")),
                search("nghi quyet dai hoi", "", List.of("nghi quyet dai hoi")),
                search("Đảng ủy", "", List.of("dang uy")),
                search("yagi", "", List.of("yagi")),
                search("nuoc", "", List.of("nuoc")),
                search("hien mau or khen thuong", "", List.of("hien mau", "khen thuong")),
                search("chi bo", "&org=quan-hai-ba-trung", List.of("chi bo")),
                search("de an 11", "&directive=11-ĐA/TU&level=ward", List.of("de an 11")),
                search("kiem tra", "&body=government&from=2024-03-01&to=2024-05-31", List.of("kiem tra")),
                search("so 3", "&type=CT&issuer=TU", List.of("so 3")));
    }

    private static Arguments search(String q, String filters, List<String> groups) {
        return Arguments.of(q + filters, q, filters, groups);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("searches")
    void everyMatchInBruteForceOrder(String name, String q, String filters, List<String> groups) {
        List<Long> served = allPages(q, filters);
        List<Scored> expected = bruteForce(q, filters, groups);
        assertTrue(expected.size() > 0, "the corpus has matches for " + name);
        assertSameArticles(expected.stream().map(Scored::id).collect(Collectors.toSet()), new HashSet<>(served), name);
        assertEquals(expected.size(), served.size(), "no article served twice");
        Map<Long, Scored> scores = expected.stream().collect(Collectors.toMap(Scored::id, scored -> scored));
        for (int i = 0; i + 1 < served.size(); i++) {
            Scored before = scores.get(served.get(i));
            Scored after = scores.get(served.get(i + 1));
            assertTrue(after.score() <= before.score() * (1 + TOLERANCE),
                    "at " + i + ": " + after + " ranks below " + before + " in " + name);
            if (before.features().equals(after.features())) {
                assertTrue(before.publishedAtMicros() > after.publishedAtMicros()
                                || before.publishedAtMicros() == after.publishedAtMicros() && before.id() > after.id(),
                        "at " + i + ": equal scores, newer first, then higher id: " + before + ", " + after);
            }
        }
        // And the order is the brute force's, ties in score apart: position by position within the tolerance.
        for (int i = 0; i < served.size(); i++) {
            double servedScore = scores.get(served.get(i)).score();
            double expectedScore = expected.get(i).score();
            assertTrue(Math.abs(servedScore - expectedScore) <= expectedScore * TOLERANCE,
                    "at " + i + " the score " + expectedScore + " was expected, " + servedScore + " served in " + name);
        }
    }

    /** The served articles are exactly PostgreSQL's matches; a difference is named, not printed whole. */
    private static void assertSameArticles(Set<Long> matches, Set<Long> served, String name) {
        Set<Long> missing = new java.util.TreeSet<>(matches);
        missing.removeAll(served);
        Set<Long> extra = new java.util.TreeSet<>(served);
        extra.removeAll(matches);
        assertTrue(missing.isEmpty() && extra.isEmpty(), name + ": " + matches.size() + " matches, " + served.size()
                + " served; not served " + missing.stream().limit(10).toList() + ", served but no match " + extra.stream().limit(10).toList());
    }

    /** A phrase matches where PostgreSQL's {@code <->} does: the served set is exactly its matches. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("phrases")
    void phrasesMatchWherePostgresqlDoes(String q) {
        Set<Long> served = new HashSet<>(allPages(q, ""));
        @SuppressWarnings("unchecked")
        List<Number> matches = entityManager.createNativeQuery("select id from article a where status = 'published'"
                + " and search @@ websearch_to_tsquery('vietnamese_folded', search_words(:q))").setParameter("q", q).getResultList();
        assertSameArticles(matches.stream().map(Number::longValue).collect(Collectors.toSet()), served, q);
        assertTrue(!served.isEmpty(), q);
    }

    static Stream<String> phrases() {
        return Stream.of("\"chi bo\"", "\"hoi nghi so ket\"", "\"de an so 11\" nam", "\"khu pho 3\" or \"hien mau\"");
    }

    /** The ids of every page of a search, following next cursors, 100 at a time. */
    private List<Long> allPages(String q, String filters) {
        Map<String, String> params = new HashMap<>(Map.of("limit", "100", "fields", "id", "q", q));
        for (String filter : filters.split("&")) {
            if (!filter.isEmpty()) {
                params.put(filter.substring(0, filter.indexOf('=')), filter.substring(filter.indexOf('=') + 1));
            }
        }
        List<Long> ids = new ArrayList<>();
        while (true) {
            Response page = given().queryParams(params).get("/api/v1/articles");
            page.then().statusCode(200);
            List<Integer> items = page.path("items.id");
            items.forEach(id -> ids.add(id.longValue()));
            String cursor = page.path("next.cursor");
            if (cursor == null) {
                return ids;
            }
            params.put("cursor", cursor);
        }
    }

    /** An article's brute-force score, and what it was computed from (per word and part: frequency and length). */
    record Scored(long id, long publishedAtMicros, double score, Map<String, List<Integer>> features) {
    }

    private List<Scored> bruteForce(String q, String filters, List<String> groups) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> params = new HashMap<>();
            params.put("q", q);
            String where = "a.status = 'published' and a.search @@ websearch_to_tsquery('vietnamese_folded', search_words(:q))"
                    + sqlOf(filters);
            List<List<String>> words = groups.stream().map(group -> List.of(group.split(" "))).toList();
            Set<String> allWords = words.stream().flatMap(List::stream).collect(Collectors.toSet());
            // Over the whole index (every published article): how many articles, their total weighted length, and
            // how many have each word.
            Tuple totals = rows("select count(distinct a.id), sum(" + WEIGHT + ") from article a, unnest(a.search) u, unnest(u.weights) w"
                    + " where a.status = 'published'", Map.of()).get(0);
            long documents = ((Number) totals.get(0)).longValue();
            double averageLength = ((Number) totals.get(1)).doubleValue() / documents;
            Map<String, Long> documentFrequency = new HashMap<>();
            for (Tuple row : rows("select u.lexeme, count(distinct a.id) from article a, unnest(a.search) u"
                    + " where a.status = 'published' and u.lexeme in (:words) group by u.lexeme", Map.of("words", allWords))) {
                documentFrequency.put((String) row.get(0), ((Number) row.get(1)).longValue());
            }
            Map<Long, Integer> lengths = new HashMap<>();
            Map<Long, Long> publishedAt = new HashMap<>();
            for (Tuple row : rows("select a.id, (extract(epoch from a.published_at) * 1000000)::bigint, sum(" + WEIGHT + ")"
                    + " from article a, unnest(a.search) u, unnest(u.weights) w where " + where + " group by a.id", params)) {
                long id = ((Number) row.get(0)).longValue();
                publishedAt.put(id, ((Number) row.get(1)).longValue());
                lengths.put(id, ((Number) row.get(2)).intValue());
            }
            Map<Long, Map<String, Integer>> frequencies = new HashMap<>();
            Map<String, Object> withWords = new HashMap<>(params);
            withWords.put("words", allWords);
            for (Tuple row : rows("select a.id, u.lexeme, sum(" + WEIGHT + ") from article a, unnest(a.search) u, unnest(u.weights) w"
                    + " where " + where + " and u.lexeme in (:words) group by a.id, u.lexeme", withWords)) {
                frequencies.computeIfAbsent(((Number) row.get(0)).longValue(), key -> new HashMap<>())
                        .put((String) row.get(1), ((Number) row.get(2)).intValue());
            }
            List<Scored> scored = new ArrayList<>();
            for (long id : publishedAt.keySet()) {
                Map<String, Integer> tf = frequencies.getOrDefault(id, Map.of());
                int normLength = SmallFloat.byte4ToInt(SmallFloat.intToByte4(lengths.get(id)));
                double score = 0;
                Map<String, List<Integer>> features = new HashMap<>();
                for (List<String> group : words) {
                    if (!tf.keySet().containsAll(group)) {
                        continue;
                    }
                    for (String word : group) {
                        int frequency = tf.get(word);
                        long n = documentFrequency.get(word);
                        double idf = Math.log(1 + (documents - n + 0.5) / (n + 0.5));
                        score += idf * frequency / (frequency + K1 * (1 - B + B * normLength / averageLength));
                        features.put(word, List.of(frequency, normLength));
                    }
                }
                scored.add(new Scored(id, publishedAt.get(id), score, features));
            }
            scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                    .thenComparing(Comparator.comparingLong(Scored::publishedAtMicros).reversed())
                    .thenComparing(Comparator.comparingLong(Scored::id).reversed()));
            return scored;
        });
    }

    /** An occurrence's weight by the part it is in (V4 weighs the title A, the summary B, the body C). */
    private static final String WEIGHT = "case w when 'A' then 5 when 'B' then 2 else 1 end";

    /** The API's filters of {@link #searches()} as SQL, written out here rather than taken from the app. */
    private static String sqlOf(String filters) {
        StringBuilder sql = new StringBuilder();
        for (String filter : filters.split("&")) {
            if (filter.isEmpty()) {
                continue;
            }
            String[] pair = filter.split("=", 2);
            sql.append(" and ").append(switch (pair[0]) {
                case "org" -> "a.organisation_id in (select id from organisation where slug in"
                        + " ('quan-hai-ba-trung', 'phuong-bach-khoa', 'phuong-bach-dang'))";
                case "directive" -> "a.id in (select article_id from article_directive ad join directive d on d.id = ad.directive_id"
                        + " where d.code = '" + pair[1] + "')";
                case "level" -> "a.organisation_id in (select id from organisation where level = '" + pair[1] + "')";
                case "body" -> "a.organising_body = '" + pair[1] + "'";
                case "from" -> "a.published_at >= timestamptz '" + pair[1] + " 00:00+07'";
                case "to" -> "a.published_at < timestamptz '" + pair[1] + " 00:00+07' + interval '1 day'";
                case "type" -> "a.id in (select article_id from article_directive ad join directive d on d.id = ad.directive_id"
                        + " where d.doc_type = '" + pair[1] + "' and d.issuer = '" + issuerOf(filters) + "')";
                case "issuer" -> "true";
                default -> throw new IllegalArgumentException(filter);
            });
        }
        return sql.toString();
    }

    private static String issuerOf(String filters) {
        return Stream.of(filters.split("&")).filter(part -> part.startsWith("issuer=")).map(part -> part.substring(7))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> rows(String sql, Map<String, Object> params) {
        var query = entityManager.createNativeQuery(sql, Tuple.class);
        params.forEach(query::setParameter);
        return (List<Tuple>) query.getResultList();
    }
}
