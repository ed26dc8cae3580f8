package vn.tincoso.deploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.tincoso.client.ApiClient;
import vn.tincoso.client.ApiException;
import vn.tincoso.client.api.ArticlesApi;
import vn.tincoso.client.api.FeedsApi;
import vn.tincoso.client.api.OrganisationsApi;
import vn.tincoso.client.model.ArticleList;
import vn.tincoso.client.model.ArticleSummary;
import vn.tincoso.client.model.ArticleView;
import vn.tincoso.client.model.OrganisationNode;
import vn.tincoso.testing.AppProcess;
import vn.tincoso.testing.FreshDatabase;

/**
 * The packaged application through the Java client that openapi-generator makes of openapi/openapi.yaml (the Maven
 * plugin, at generate-test-sources): what a portal's developer gets when they generate a client from our document.
 * The instance takes its links from the request, as by default, so that following next stays on it.
 */
class GeneratedClientIT {

    private static final FreshDatabase DATABASE = new FreshDatabase();
    private static final int ARTICLES = 7;
    private static AppProcess app;
    private static ApiClient client;

    @BeforeAll
    static void start() {
        Map<String, String> settings = new HashMap<>(AppProcess.database(DATABASE.start()));
        settings.put("TINCOSO_PUBLIC_BASE_URL", "");
        app = AppProcess.start("generated-client", settings);
        SampleArticles.importInto(app.url(), 0, ARTICLES);
        client = new ApiClient();
        client.updateBaseUri(app.url());
    }

    @AfterAll
    static void stop() {
        app.close();
        DATABASE.stop();
    }

    @Test
    void listsByDirectiveAndFollowsNextToTheEnd() throws ApiException {
        ArticlesApi articles = new ArticlesApi(client);
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ArticleList page = articles.articleResourceList(null, cursor, "11-ĐA/TU", null, null, null, null, 3, null,
                    null, null, null, null, null);
            page.getItems().stream().map(ArticleSummary::getId).forEach(seen::add);
            pages++;
            cursor = page.getNext() == null ? null : page.getNext().getCursor();
            if (cursor != null) {
                URI next = page.getNext().getUrl();
                assertThat(next.toString(), startsWith(app.url() + "/api/v1/articles?"));
                assertThat(next.toString(), containsString("cursor="));
            }
        } while (cursor != null && pages <= ARTICLES);
        assertEquals(3, pages);
        assertEquals(ARTICLES, seen.stream().distinct().count(), "distinct articles over the pages: " + seen);
        assertThat(seen, hasSize(ARTICLES));
    }

    @Test
    void readsOneArticleAsATypedObject() throws ApiException {
        ArticlesApi articles = new ArticlesApi(client);
        ArticleSummary first = articles.articleResourceList(null, null, null, null, null, null, null, 1, null, null,
                null, null, null, null).getItems().get(0);
        ArticleView article = articles.articleResourceGet(first.getSlug());
        assertEquals(first.getId(), article.getId());
        assertThat(article.getTitle(), startsWith("Phường Bách Khoa sơ kết Đề án 11-ĐA/TU"));
        assertEquals(7 * 3600, article.getPublishedAt().getOffset().getTotalSeconds());
        assertThat(article.getDirectives().stream().map(directive -> directive.getCode()).toList(), hasItem("11-ĐA/TU"));
    }

    @Test
    void listsOrganisationsAsTypedObjectsInBothViews() throws ApiException {
        OrganisationsApi organisations = new OrganisationsApi(client);
        List<OrganisationNode> tree = organisations.organisationResourceList("2024-01-01", null, null);
        OrganisationNode hanoi = tree.stream().filter(unit -> unit.getSlug().equals("thanh-pho-ha-noi")).findFirst().orElseThrow();
        OrganisationNode district = hanoi.getChildren().stream()
                .filter(unit -> unit.getSlug().equals("quan-hai-ba-trung")).findFirst().orElseThrow();
        assertEquals("thanh-pho-ha-noi", district.getParent());
        assertEquals(ARTICLES, district.getArticleCount());

        List<OrganisationNode> cities = organisations.organisationResourceList(null, List.of("city"), null);
        assertThat(cities, hasSize(34));
        assertThat(cities.stream().map(OrganisationNode::getLevel).toList(), everyItem(is(OrganisationNode.LevelEnum.CITY)));
        // The flat view has no children; the generated model starts its lists empty, so absent reads as [].
        assertThat(cities.stream().map(OrganisationNode::getChildren).toList(), everyItem(empty()));
    }

    /** Feeds are declared as bytes (format: binary): the client hands them over as a file instead of parsing JSON. */
    @Test
    void readsAnAtomPageAsText() throws ApiException, IOException {
        File page = new FeedsApi(client).feedResourceAtom(null, null, "11-da-tu", null, null, null, null, 2, null, null,
                null, null, null, null);
        String atom = Files.readString(page.toPath(), StandardCharsets.UTF_8);
        Files.delete(page.toPath());
        assertThat(atom, startsWith("<?xml"));
        assertThat(atom, containsString("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
        assertThat(atom, containsString("<link rel=\"next\" type=\"application/atom+xml\" href=\"" + app.url() + "/api/v1/feeds/articles.atom?"));
    }
}
