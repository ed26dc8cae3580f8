package vn.tincoso.feeds;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;

import vn.tincoso.articles.Article;
import vn.tincoso.articles.ArticleListParams;
import vn.tincoso.articles.ArticleQuery;
import vn.tincoso.articles.ArticleService;
import vn.tincoso.articles.ArticleSyndication;
import vn.tincoso.config.TincosoConfig;
import vn.tincoso.config.VietnamTime;
import vn.tincoso.organisations.OrganisationRepository;
import vn.tincoso.web.Html;
import vn.tincoso.web.Page;
import vn.tincoso.web.PageLinks;

/** Any article filter as a feed: the same page the JSON list serves, with whole articles and feed metadata. */
@ApplicationScoped
public class FeedService {

    /** The year in entry ids: fixed, so that ids never change. */
    private static final String TAG_DATE = "2024";

    private final ArticleService articles;
    private final OrganisationRepository organisations;
    private final PageLinks links;
    private final TincosoConfig config;

    FeedService(ArticleService articles, OrganisationRepository organisations, PageLinks links, TincosoConfig config) {
        this.articles = articles;
        this.organisations = organisations;
        this.links = links;
        this.config = config;
    }

    /** A feed's own URL by format (relative to the public address): its self link and WebSub topic. */
    static final Map<String, String> PATHS = Map.of(ArticleSyndication.ATOM, "api/v1/feeds/articles.atom",
            ArticleSyndication.RSS, "api/v1/feeds/articles.rss", ArticleSyndication.JSON_FEED, "api/v1/feeds/articles.json");

    /**
     * The feed of a query read at {@code request}, in {@code format}: its self link is the format's own feed URL with
     * the request's parameters, the topic a WebSub subscriber names, however the feed was asked for (a feed URL, or
     * the article list with an Accept header).
     */
    @Transactional
    public ArticleFeed feed(ArticleQuery query, PageLinks.Target request, MediaType format) {
        Page<ArticleFeed.Entry> page = articles.list(query, (article, snippet) -> entry(article));
        String organisationName = query.filter().org() == null ? null
                : organisations.findBySlug(query.filter().org()).map(organisation -> organisation.name).orElse(null);
        URI self = links.at(request, PATHS.get(format.getType() + "/" + format.getSubtype()), ArticleListParams.NAMES);
        Instant updated = page.items().stream().map(entry -> entry.updated().toInstant())
                .max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        return ArticleFeedBuilder.builder()
                // The filter's own digest: the same feed for any order, spelling or extra parameter of the request.
                .id(tag("feed:articles:" + query.filter().fingerprint(query.sort())))
                .title(FeedTitles.of(query.filter(), organisationName))
                .self(self).home(links.elsewhere(request, "/api/v1/articles", ArticleListParams.NAMES))
                .next(page.next() == null ? null : links.next(request, page.next(), ArticleListParams.NAMES).url())
                .hub(hub(request))
                .updated(VietnamTime.of(updated)).entries(page.items())
                .build();
    }

    /** The ids of the articles on a query's page: what a WebSub topic's subscriber has just been shown. */
    @ActivateRequestContext
    @Transactional
    public List<Long> ids(ArticleQuery query) {
        return articles.list(query, (article, snippet) -> article.id).items();
    }

    /**
     * The WebSub hub every feed names: the one configured (tincoso.feeds.hub-url), else this API's own at /websub
     * when it can work (webhooks have their key); none otherwise.
     */
    URI hub(PageLinks.Target request) {
        return config.feeds().hubUrl().orElseGet(() -> config.webhooks().encryptionKey().isPresent()
                ? URI.create(request.base() + "/websub") : null);
    }

    private ArticleFeed.Entry entry(Article article) {
        return ArticleFeedEntryBuilder.builder()
                .id(tag("article:" + article.id))
                .url(articles.publicUrl(article.slug))
                .title(article.title).summary(article.summary).contentHtml(contentHtml(article))
                .published(VietnamTime.of(article.publishedAt)).updated(VietnamTime.of(article.updatedAt))
                // Atom needs an author: the byline, or else the unit that published the report.
                .author(article.byline != null ? article.byline : article.organisation.name)
                .organisation(article.organisation.name)
                .directives(article.directives.stream().map(directive -> directive.code).toList())
                .build();
    }

    private String tag(String specific) {
        return "tag:" + config.feeds().tagAuthority() + "," + TAG_DATE + ":" + specific;
    }

    /** Paragraphs as &lt;p&gt;, each caption after the paragraphs it follows, every text escaped. */
    static String contentHtml(Article article) {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i <= article.body.size(); i++) {
            int before = i;
            html.append(article.captions.stream().filter(caption -> caption.after() == before)
                    .map(caption -> "<p><em>" + Html.escape(caption.text()) + "</em></p>").collect(Collectors.joining()));
            if (i < article.body.size()) {
                html.append("<p>").append(Html.escape(article.body.get(i))).append("</p>");
            }
        }
        return html.toString();
    }

    /** The entries' organisation and directives as categories, organisation first. */
    static List<String> categories(ArticleFeed.Entry entry) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(entry.organisation()), entry.directives().stream()).toList();
    }
}
