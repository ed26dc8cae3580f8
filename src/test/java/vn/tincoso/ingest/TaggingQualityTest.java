package vn.tincoso.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import vn.tincoso.organisations.Gazetteer;
import vn.tincoso.testing.TestData;

/**
 * Precision and recall of the tagging on texts written for this test (src/test/resources/ingest), each
 * with the tags a reader gives it: portal variants the samples do not show (weekday lines, en dashes,
 * codes without dashes or in lower case, State codes, ambiguous ward names told apart by their district,
 * new residential groups, texts full of figures that are not codes). Prints the figures.
 */
@QuarkusTest
class TaggingQualityTest {

    record Expected(String name, String text, String organisation, List<String> directives) {
    }

    @Inject
    TestData data;

    @Inject
    Gazetteer gazetteer;

    @Inject
    ObjectMapper mapper;

    @Test
    void tagsAsAReaderWould() throws IOException {
        data.reset();
        gazetteer.load();
        List<Expected> corpus;
        try (InputStream json = getClass().getResourceAsStream("/ingest/tagging-corpus.json")) {
            corpus = mapper.readValue(json, new TypeReference<>() { });
        }
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        int organisationsRight = 0;
        List<String> misses = new ArrayList<>();
        for (Expected expected : corpus) {
            Response response = ImportResourceTest.admin().contentType(ImportResourceTest.TEXT).queryParam("dryRun", "true").body(expected.text())
                    .post("/api/v1/imports");
            response.then().statusCode(200);
            Set<String> found = new HashSet<>(response.<List<String>>path("items[0].directives.code"));
            Set<String> wanted = new HashSet<>(expected.directives());
            for (String code : found) {
                if (wanted.contains(code)) {
                    truePositives++;
                } else {
                    falsePositives++;
                    misses.add(expected.name() + ": extra " + code);
                }
            }
            for (String code : wanted) {
                if (!found.contains(code)) {
                    falseNegatives++;
                    misses.add(expected.name() + ": missed " + code);
                }
            }
            String organisation = response.path("items[0].organisation.slug");
            if (expected.organisation().equals(organisation)) {
                organisationsRight++;
            } else {
                misses.add(expected.name() + ": organisation " + organisation + " instead of " + expected.organisation());
            }
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) (truePositives + falseNegatives);
        double organisationAccuracy = organisationsRight / (double) corpus.size();
        System.out.printf("Tagging on %d texts: directives precision %.3f (%d/%d), recall %.3f (%d/%d); "
                        + "organisation right %d/%d (%.3f)%n%s%n",
                corpus.size(), precision, truePositives, truePositives + falsePositives, recall, truePositives,
                truePositives + falseNegatives, organisationsRight, corpus.size(), organisationAccuracy, String.join("\n", misses));
        assertTrue(precision >= 0.95, () -> "precision " + precision + ": " + misses);
        assertTrue(recall >= 0.95, () -> "recall " + recall + ": " + misses);
        assertTrue(organisationAccuracy >= 0.9, () -> "organisations " + organisationAccuracy + ": " + misses);
    }
}
