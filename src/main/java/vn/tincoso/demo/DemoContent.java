package vn.tincoso.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import vn.tincoso.articles.ArticleRepository;
import vn.tincoso.articles.Actor;
import vn.tincoso.config.TincosoConfig;
import vn.tincoso.ingest.ImportItem;
import vn.tincoso.ingest.ImportReport;
import vn.tincoso.ingest.ImportService;
import vn.tincoso.organisations.Gazetteer;

/**
 * Sample articles, exactly as their portals print them, imported through the raw-text parser at start-up into a
 * database that has no article yet (when tincoso.demo-content.enabled, as in dev).
 */
@ApplicationScoped
public class DemoContent {

    /**
     * The three samples as Hà Nội's portals printed them in 2024, then texts of other provinces and of the map since 1
     * July 2025 (a new ward, a Đà Nẵng ward's Fatherland Front, a Quảng Ninh special zone, a Thanh Hóa district in 2024,
     * and one that cannot be placed: seven communes are called Xã Tân Thành, so it waits for review).
     */
    static final List<String> SAMPLES = List.of(
            "demo/articles/my-dinh-1-de-an-11.txt",
            "demo/articles/hai-ba-trung-de-an-11.txt",
            "demo/articles/tho-quan-nghi-quyet-dai-hoi.txt",
            "demo/articles/hoan-kiem-trung-tam-hanh-chinh-cong.txt",
            "demo/articles/son-tra-khu-dan-cu-an-toan.txt",
            "demo/articles/van-don-hoc-tap-nghi-quyet.txt",
            "demo/articles/quang-xuong-phong-chong-thien-tai.txt",
            "demo/articles/tan-thanh-toa-dam-20-10.txt");
    /** The author of the demo articles' first revisions. */
    static final Actor ACTOR = Actor.system("noi-dung-mau");
    private static final Logger LOG = Logger.getLogger(DemoContent.class);

    private final TincosoConfig config;
    private final ArticleRepository articles;
    private final ImportService imports;
    private final Gazetteer gazetteer;

    DemoContent(TincosoConfig config, ArticleRepository articles, ImportService imports, Gazetteer gazetteer) {
        this.config = config;
        this.articles = articles;
        this.imports = imports;
        this.gazetteer = gazetteer;
    }

    void onStart(@Observes @Priority(20) StartupEvent start) {
        if (config.demoContent().enabled()) {
            loadIntoEmptyDatabase();
        }
    }

    /** Imports the samples unless some article exists; returns how many articles it created. */
    @ActivateRequestContext
    public int loadIntoEmptyDatabase() {
        if (articles.count() > 0) {
            return 0;
        }
        gazetteer.load();
        ImportReport report = imports.importAll(SAMPLES.stream()
                .map(sample -> ImportService.Submitted.of(new ImportItem(read(sample), null, null))).toList(), false, ACTOR);
        report.items().stream().filter(item -> item.error() != null)
                .forEach(item -> LOG.errorf("Demo article %d not imported: %s", item.index(), item.error()));
        LOG.infof("Demo content: %d articles imported, %d waiting for review", report.created(), report.needsReview());
        return report.created() + report.needsReview();
    }

    private static String read(String resource) {
        try (InputStream text = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (text == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(text.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
