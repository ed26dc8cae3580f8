package vn.tincoso.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import net.jqwik.api.Tuple;

import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;
import vn.tincoso.testing.Slow;

/**
 * Random and hostile values (jqwik's generators with their edge cases, seeded) in every query parameter, path
 * segment and request body of the API: any Unicode, lone surrogates and control characters, invalid UTF-8
 * percent-encodings, huge and malformed numbers and dates (and instants beyond any calendar), SQL and JSON injection
 * strings, megabyte values, repeated parameters, tampered cursors and sync tokens, and JSON bodies carrying U+0000 and
 * lone surrogates as escapes. Whatever arrives, the API never answers 5xx, every 4xx is problem+json, and no stored
 * row changes (writes go out anonymously, with a stale If-Match, or as dry runs).
 */
@Slow
@QuarkusTest
class HostileInputTest {

    private static final long SEED = 20241122L;
    private static final int REQUESTS = 1500;
    /**
     * One megabyte value at a time: the request line stays under quarkus.http.limits.max-initial-line-length
     * (2 MiB), beyond which the HTTP decoder drops the connection before the application sees anything.
     */
    private static final int MAX_QUERY_SENT = 1_100_000;

    private static final List<String> LIST_PARAMETERS = List.of("q", "org", "scope", "level", "directive", "type", "issuer",
            "from", "to", "sort", "limit", "cursor", "fields", "since");
    private static final List<String> GET_PATHS = List.of("/api/v1/articles", "/api/v1/feeds/articles.atom",
            "/api/v1/feeds/articles.rss", "/api/v1/feeds/articles.json", "/api/v1/changes", "/api/v1/organisations",
            "/api/v1/directives");
    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; drop table article; --", "\\", "%", "_", "$1", "::text",
            "null", "undefined", "\u0000", "\"}]}", "{\"$ne\":null}", "<script>alert(1)</script>", "../../etc/passwd", "*/*",
            "11-ĐA/TU' --", "a\r\nX-Injected: 1", "\uFEFF", "Quận uỷ\u0301", "🇻🇳", "\uD800", "\uDFFF", "ǅ", "İ");
    private static final List<String> NUMBERS = List.of("-1", "0", "00", "+5", " 5", "5 ", "1e3", "1e309", "NaN", "Infinity",
            "0x1F", "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999999", "1.5", "١٢");
    private static final List<String> DATES = List.of("2024-13-45", "0000-00-00", "9999-12-31", "-999999999-01-01", "2024-02-30",
            "2024-06-03T14:35:00+07:00", "2024-06-03T25:00", "today", "1717400000",
            // Beyond what PostgreSQL stores or four-digit years print.
            "+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "+294277-01-01T00:00:00+07:00", "10000-01-01", "0000-12-31",
            "-0001-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z");
    /** Well-formed escapes of bytes that are not UTF-8 text (or are U+0000, which PostgreSQL cannot store). */
    private static final List<String> BAD_ESCAPES = List.of("%C3%28", "%FF%FE", "%E0%80%AF", "%ED%A0%80", "%C0%AF", "%00",
            "%F4%90%80%80", "%80", "%EF%BF");
    /**
     * Escapes that make the request line no URI at all: the HTTP layer answers them with an empty 400 and
     * closes the connection before any application code runs (see RequestGuard); asserted 400, not problem+json.
     */
    private static final List<String> BROKEN_ESCAPES = List.of("%", "%zz", "%%32%35", "%G0", "%2");

    @Inject
    TestData data;

    @Inject
    EntityManager entityManager;

    private final Random random = new Random(SEED);
    private RandomGenerator<String> values;
    private long articleId;

    @BeforeEach
    void someContent() {
        data.startWithStandardTree();
        articleId = data.article("Phường Bách Khoa sơ kết Đề án 11-ĐA/TU").org("phuong-bach-khoa").directive("11-ĐA/TU").save().id;
        data.article("Quận Hai Bà Trưng triển khai Chỉ thị 24-CT/TU").org("quan-hai-ba-trung").directive("24-CT/TU").save();
        // Arbitraries outside a jqwik property need a session of their own.
        JqwikSession.start();
        values = hostileValues().generatorWithEmbeddedEdgeCases(1000);
    }

    @AfterEach
    void endSession() {
        JqwikSession.finish();
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<String> hostileValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(3, Arbitraries.strings().withCharRange('\u0300', '\u036F').withCharRange('a', 'z').withChars("ĐđƯưƠơ/-–")
                        .ofMaxLength(30)),
                Tuple.of(4, Arbitraries.of(INJECTIONS)),
                Tuple.of(3, Arbitraries.of(NUMBERS)),
                Tuple.of(2, Arbitraries.bigIntegers().map(Object::toString)),
                Tuple.of(2, Arbitraries.of(DATES)),
                Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMinLength(200).ofMaxLength(5000)),
                Tuple.of(1, Arbitraries.of("x".repeat(1_000_000), "đ".repeat(150_000))));
    }

    @Test
    void noHostileInputGetsA5xxOrChangesStoredData() {
        String before = storedData();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int n = 0; n < REQUESTS; n++) {
            Attempt attempt = switch (random.nextInt(10)) {
                case 0, 1, 2, 3, 4 -> listQuery();
                case 5 -> pathSegment();
                case 6 -> importDryRun();
                case 7 -> staleWrite();
                default -> anonymousWrite();
            };
            Reply reply = attempt.send();
            int status = reply.status();
            statuses.merge(status, 1, Integer::sum);
            String type = reply.contentType();
            if (status >= 500 || (status >= 400 && (type == null || !type.startsWith("application/problem+json")))) {
                failures.add(status + " " + type + " for " + attempt.description());
            }
        }
        for (String broken : BROKEN_ESCAPES) {
            int status = new Attempt("GET", "/api/v1/articles?q=" + broken, List.of(), new byte[0]).send().status();
            if (status != 400) {
                failures.add(status + " for the broken escape " + broken);
            }
        }
        System.out.printf("HostileInputTest: %d requests, answers by status %s, 5xx: %d%n", REQUESTS + BROKEN_ESCAPES.size(), statuses,
                statuses.entrySet().stream().filter(entry -> entry.getKey() >= 500).mapToInt(Map.Entry::getValue).sum());
        assertTrue(failures.isEmpty(), failures.size() + " bad answers, first ones: " + failures.subList(0, Math.min(5, failures.size())));
        assertEquals(before, storedData(), "stored data changed");
    }

    /**
     * A request as bytes on the wire (an HTTP client library would refuse, or repair, a malformed escape),
     * and how to print it when its answer is wrong.
     */
    private record Attempt(String method, String target, List<String> headers, byte[] body) {

        String description() {
            return method + " " + abbreviate(target) + " " + abbreviate(new String(body, StandardCharsets.UTF_8));
        }

        Reply send() {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.setSoTimeout(60_000);
                StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
                headers.forEach(header -> head.append(header).append("\r\n"));
                head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                out.write(body);
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                Matcher status = STATUS_LINE.matcher(answer);
                Matcher type = CONTENT_TYPE.matcher(answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))));
                return new Reply(status.find() ? Integer.parseInt(status.group(1)) : -1, type.find() ? type.group(1).strip() : null);
            } catch (IOException e) {
                throw new UncheckedIOException(description(), e);
            }
        }
    }

    private record Reply(int status, String contentType) {
    }

    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.1 (\\d{3})");
    private static final Pattern CONTENT_TYPE = Pattern.compile("(?im)^content-type:(.*)$");

    private Attempt listQuery() {
        String path = pick(GET_PATHS);
        StringBuilder query = new StringBuilder();
        int parameters = 1 + random.nextInt(4);
        for (int i = 0; i < parameters; i++) {
            String name = random.nextInt(8) == 0 ? value() : pick(LIST_PARAMETERS);
            int copies = random.nextInt(6) == 0 ? 2 + random.nextInt(2) : 1;
            for (int copy = 0; copy < copies && query.length() < MAX_QUERY_SENT; copy++) {
                String value = (name.equals("cursor") || name.equals("since")) && random.nextBoolean() ? encode(tamperedPosition(name))
                        : encodedValue();
                query.append(query.isEmpty() ? "" : "&").append(encode(name)).append('=').append(value);
            }
        }
        return new Attempt("GET", path + "?" + query, List.of(), new byte[0]);
    }

    /**
     * A cursor or sync token as the API makes them (base64url of "|"-separated fields), with fields tampered: times
     * beyond any calendar, negative and huge ids, ranks that are no numbers, missing and extra fields.
     */
    private String tamperedPosition(String name) {
        String number = pick(List.of(String.valueOf(random.nextLong()), String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MIN_VALUE),
                "9300000000000000000", "-62135596800000001", "0", "", "NaN", "1e400", value()));
        String plain = name.equals("cursor")
                ? String.join("|", "1", pick(List.of("newest", "oldest", "relevance", value())), pick(List.of("x", value())), number,
                        pick(List.of("1", number)), pick(List.of("", "0.5", "NaN", "Infinity", "-0", number)))
                : String.join("|", "s1", number, pick(List.of("0", number)), pick(List.of("0", number)), pick(List.of("x", value())));
        String fields = random.nextInt(5) == 0 ? plain + "|" + value() : plain;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fields.getBytes(StandardCharsets.UTF_8));
    }

    private Attempt pathSegment() {
        String url = pick(List.of("/api/v1/articles/", "/api/v1/organisations/", "/api/v1/directives/", "/api/v1/articles/"))
                + encodedValue() + pick(List.of("", "", "/revisions"));
        return new Attempt("GET", url, List.of(), new byte[0]);
    }

    private Attempt importDryRun() {
        String contentType = pick(List.of("text/plain; charset=UTF-8", "application/x-ndjson", "application/json", "application/xml"));
        byte[] body = body(contentType.startsWith("text") ? value() : random.nextBoolean() ? jsonish() : importItems());
        String url = "/api/v1/imports?dryRun=true" + (random.nextBoolean() ? "&sourceUrl=" + encodedValue() : "");
        return new Attempt("POST", url, List.of("Authorization: " + Tokens.admin(), "Content-Type: " + contentType), body);
    }

    private Attempt staleWrite() {
        String url = "/api/v1/articles/" + articleId + pick(List.of("", "", "/schedule", "/publish", "/unpublish"));
        String method = url.endsWith("" + articleId) ? pick(List.of("PUT", "PATCH", "DELETE")) : "POST";
        String contentType = method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
        byte[] body = body(jsonish());
        return new Attempt(method, url, List.of("Authorization: " + Tokens.admin(), "If-Match: \"" + Math.abs(random.nextLong()) + "\"",
                "Content-Type: " + contentType), body);
    }

    private Attempt anonymousWrite() {
        String url = pick(List.of("/api/v1/articles", "/api/v1/organisations", "/api/v1/organisations/phuong-bach-khoa",
                "/api/v1/organisations/phuong-bach-khoa/merge", "/api/v1/directives/11-da-tu", "/api/v1/imports"));
        String method = url.endsWith("phuong-bach-khoa") ? "PATCH" : url.startsWith("/api/v1/directives") ? "PUT" : "POST";
        byte[] body = body(jsonish());
        return new Attempt(method, url, List.of("Content-Type: application/json"), body);
    }

    /**
     * Import items whose every value is hostile and written as JSON writes it (control characters and lone surrogates
     * as \\u escapes, so that they reach the application rather than the parser's refusal).
     */
    private String importItems() {
        return "[{\"text\": " + escaped(value() + pick(List.of("", "\u0000", "\uD800", "\uDC00x"))) + ", \"sourceUrl\": " + escaped(value())
                + ", \"overrides\": {\"title\": " + escaped(value()) + ", \"publishedAt\": " + escaped(pick(DATES)) + ", \"byline\": "
                + escaped(value()) + ", \"organisation\": " + escaped(value()) + ", \"directives\": [" + escaped(value()) + "]}}]";
    }

    /** Mostly JSON objects with the API's field names and hostile values, sometimes broken JSON or other types. */
    private String jsonish() {
        return switch (random.nextInt(6)) {
            case 0 -> value();
            case 1 -> "{\"title\": " + escaped(value()) + ", \"body\": [" + escaped(value()) + "], \"organisation\": " + quoted(value())
                    + ", \"captions\": [{\"after\": 0, \"text\": " + escaped(value()) + "}], \"publishAt\": " + escaped(pick(DATES)) + "}";
            case 2 -> "{\"publishedAt\": " + quoted(value()) + ", \"title\": " + random.nextLong() + ", \"directives\": " + quoted(value()) + "}";
            case 3 -> "[" + quoted(value()) + ", {\"text\": " + quoted(value()) + "}]\n{\"text\": " + quoted(value()) + "}";
            case 4 -> "{\"name\": " + quoted(value()) + ", \"level\": " + quoted(value()) + ", \"parent\": " + quoted(value())
                    + ", \"successor\": " + quoted(value()) + ", \"issuedOn\": " + quoted(value()) + "}";
            default -> "{\"title\": \"" + value().replace("\"", "") + "\", \"nested\": " + "[".repeat(random.nextInt(2000)) + "}";
        };
    }

    private byte[] body(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(8) == 0 && bytes.length > 2) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80)); // invalid UTF-8
        }
        return bytes;
    }

    private String value() {
        return values.next(random).value();
    }

    private String encodedValue() {
        return random.nextInt(6) == 0 ? pick(BAD_ESCAPES) + encode(value()) : encode(value());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A JSON string literal, every character below U+0020 and every surrogate (paired or not) as a \\u escape. */
    private static String escaped(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "… (" + text.length() + " chars)";
    }

    /** Every stored row, hashed: any change to articles, tags, units, directives, revisions or tombstones shows. */
    private String storedData() {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery("""
                select md5(concat_ws('|',
                    (select string_agg(t::text, ',' order by t.id) from article t),
                    (select string_agg(t::text, ',' order by t.article_id, t.directive_id) from article_directive t),
                    (select string_agg(t::text, ',' order by t.id) from organisation t),
                    (select string_agg(t::text, ',' order by t.id) from directive t),
                    (select string_agg(t::text, ',' order by t.id) from article_revision t),
                    (select string_agg(t::text, ',' order by t.article_id) from article_tombstone t)))
                """).getSingleResult());
    }
}
