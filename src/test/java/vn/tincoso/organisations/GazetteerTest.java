package vn.tincoso.organisations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Slow;

/** Loading the national gazetteer: on an empty database, and on one the first gazetteer (Hà Nội, Hải Phòng) filled. */
@Slow
@QuarkusTest
class GazetteerTest {

    @Inject
    TestData data;

    @Inject
    Gazetteer gazetteer;

    @Test
    void anEmptyDatabaseGetsEveryUnitQuickly() {
        data.reset();
        long started = System.nanoTime();
        int added = data.call(gazetteer::load);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Gazetteer: %d units loaded into an empty database in %d ms%n", added, millis);
        assertEquals(15_300, added);
        assertEquals(10_382, data.count("select count(*) from organisation_lineage"));
        assertEquals(0, data.count("select count(*) from organisation where kind is null or path is null"));
    }

    /**
     * A database of the first gazetteer keeps its units (and their articles): the same slugs, now with kind, code and
     * validity, beside the rest of the country; units that imports or admins added stay as they are.
     */
    @Test
    void aDatabaseOfTheFirstGazetteerKeepsItsUnitsAndGainsTheRest() {
        data.startWithStandardTree();
        long article = data.article("Tin phường Bách Khoa").org("phuong-bach-khoa").save().id;
        int added = data.call(gazetteer::load);
        assertEquals(15_300 - 8, added, "the eight units the first gazetteer shares with the standard tree are kept, not added");
        given().get("/api/v1/organisations/phuong-bach-khoa").then().statusCode(200)
                .body("kind", is("phường")).body("gsoCode", is("00277")).body("validTo", is("2025-06-30"))
                .body("ancestors.slug", contains("quan-hai-ba-trung", "thanh-pho-ha-noi"))
                .body("successors.slug", contains("phuong-bach-mai-ha-noi"));
        given().get("/api/v1/articles/" + article).then().body("organisation.slug", is("phuong-bach-khoa"));
        given().get("/api/v1/organisations/to-dan-pho-so-7").then().statusCode(200).body("kind", is("tổ dân phố"));
        assertTrue(data.count("select count(*) from organisation where slug = 'to-dan-pho-so-7' and not gazetteer") == 1);
    }
}
