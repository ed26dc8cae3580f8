package vn.tincoso.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Slow;

/**
 * The tagging of whole texts written for this test (src/test/resources/ingest/tagging-corpus.json): ward, commune,
 * district, province and party-cell reports from 17 provinces, before and after the 1 July 2025 reform, about half
 * cut off mid-sentence as portals' previews are, each with the tags a reader gives it. Every text is compared
 * exactly: unit, its parent, the body that held the event, the article's status (needs-review when the text cannot
 * say which of several units it means) and every directive code. These are texts written knowing the rules; real
 * portals will find other spellings, each of which becomes a line of organiser-phrases.csv or a text here.
 */
@Slow
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaggingQualityTest {

    record Expected(String name, String province, String era, String text, String sourceUrl, String organisation, String parent,
            String body, List<String> directives, String status) {
    }

    record Tags(String organisation, String parent, String body, List<String> directives, String status) {
    }

    private static final Map<String, Integer> RIGHT_BY_ERA = new TreeMap<>();

    @Inject
    TestData data;


    @BeforeAll
    void gazetteer() {
        data.setUp(() -> {
            data.startWithGazetteer();
        });
    }

    static Stream<Expected> corpus() {
        try (InputStream json = TaggingQualityTest.class.getResourceAsStream("/ingest/tagging-corpus.json")) {
            return new ObjectMapper().readValue(json, new TypeReference<List<Expected>>() { }).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void tagsAsAReaderWould(Expected expected) {
        RequestSpecification request = ImportResourceTest.admin().contentType(ImportResourceTest.TEXT).queryParam("dryRun", "true");
        if (expected.sourceUrl() != null) {
            request.queryParam("sourceUrl", expected.sourceUrl());
        }
        Response response = request.body(expected.text()).post("/api/v1/imports");
        response.then().statusCode(200);
        List<String> chain = response.path("items[0].organisation.chain.slug");
        Tags found = new Tags(response.path("items[0].organisation.slug"), chain == null || chain.size() < 2 ? null : chain.get(1),
                response.path("items[0].organisingBody.code"),
                response.<List<String>>path("items[0].directives.code").stream().sorted().toList(), response.path("items[0].articleStatus"));
        Tags wanted = new Tags(expected.organisation(), expected.parent(), expected.body(), expected.directives().stream().sorted().toList(),
                expected.status());
        assertEquals(wanted, found, expected.name() + " (" + expected.province() + ", " + expected.era() + " the reform)");
        RIGHT_BY_ERA.merge(expected.era(), 1, Integer::sum);
    }

    @AfterAll
    void figures() {
        Map<String, Long> byEra = corpus().collect(Collectors.groupingBy(Expected::era, TreeMap::new, Collectors.counting()));
        System.out.printf("Tagging corpus: %d texts, %d provinces; exactly right %s of %s%n", byEra.values().stream().mapToLong(n -> n).sum(),
                corpus().map(Expected::province).distinct().count(), RIGHT_BY_ERA, byEra);
    }
}
