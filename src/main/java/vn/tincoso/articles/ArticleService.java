package vn.tincoso.articles;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.tincoso.config.VietnamTime;
import vn.tincoso.directives.DirectiveRegistry;
import vn.tincoso.directives.DirectiveRepository;
import vn.tincoso.directives.DirectiveView;
import vn.tincoso.organisations.Organisation;
import vn.tincoso.organisations.OrganisationRef;
import vn.tincoso.organisations.OrganisationRepository;
import vn.tincoso.search.SearchHit;
import vn.tincoso.search.SearchIndex;
import vn.tincoso.search.SearchRequest;
import vn.tincoso.text.VietnameseText;
import vn.tincoso.web.InvalidParameterException;
import vn.tincoso.web.Page;
import vn.tincoso.web.PageCursor;
import vn.tincoso.web.PublicAddress;

/** Reading feeds and articles, and storing tagged articles. */
@ApplicationScoped
public class ArticleService {

    static final int MAX_SLUG_LENGTH = 80;

    private final ArticleRepository articles;
    private final OrganisationRepository organisations;
    private final DirectiveRepository directives;
    private final DirectiveRegistry registry;
    private final PublicAddress address;
    private final ArticleCards cards;
    private final SearchIndex search;
    private final Clock clock;

    ArticleService(ArticleRepository articles, OrganisationRepository organisations, DirectiveRepository directives,
            DirectiveRegistry registry, PublicAddress address, ArticleCards cards, SearchIndex search, Clock clock) {
        this.articles = articles;
        this.search = search;
        this.organisations = organisations;
        this.directives = directives;
        this.registry = registry;
        this.address = address;
        this.cards = cards;
        this.clock = clock;
    }

    /** One page of a feed as summaries; see {@link #list(ArticleQuery, BiFunction)}. */
    @Transactional
    public Page<ArticleSummary> list(ArticleQuery query) {
        return list(query, this::summary);
    }

    /**
     * One page of the JSON list, each item its JSON text: the card stored with the article, with its id, url and
     * snippet spliced in, and no entity loaded; only articles without a card yet (see V14) are loaded and rendered,
     * the same way, so a page reads alike whichever way its items came.
     */
    // Reads only: the request's session, without a transaction to begin and commit around one statement.
    @Transactional(Transactional.TxType.SUPPORTS)
    public JsonPage listJson(ArticleQuery query) {
        Slice slice = slice(query);
        Map<Long, byte[]> rendered = articles.withTags(slice.entries().stream().filter(entry -> entry.card() == null)
                .map(ArticleRepository.PageEntry::id).toList()).stream()
                .collect(Collectors.toMap(article -> article.id, article -> cardOf(article).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ArticleCards.Urls urls = cards.urls(publicUrl(""));
        List<byte[]> items = slice.entries().stream().map(entry -> cards.item(entry.id(),
                entry.card() != null ? entry.card() : rendered.get(entry.id()), urls, entry.slug(),
                Snippets.toHtml(entry.snippet()))).toList();
        Instant lastModified = slice.entries().stream().map(ArticleRepository.PageEntry::updatedAt).max(Instant::compareTo).orElse(null);
        return new JsonPage(items, slice.next(), lastModified);
    }

    /**
     * The feed items of these articles, by id, as GET /api/v1/articles lists them (no snippet): published ones only.
     * For pushes (webhooks), outside any request: URLs start with the configured public address.
     */
    @Transactional
    public Map<Long, String> feedItems(List<Long> ids) {
        return articles.withTags(ids).stream().filter(article -> article.status == ArticleStatus.PUBLISHED && article.organisation != null)
                .collect(Collectors.toMap(article -> article.id, article -> cards.write(summary(article, null))));
    }

    /** A page of the JSON list: its items as JSON texts, the cursor of the next page, its newest change. */
    public record JsonPage(List<byte[]> items, PageCursor next, Instant lastModified) {
    }

    /**
     * The card of an article as it now is (its id, url and snippet left out), stored with it on every write; none
     * while it waits for review (no unit: it is in no feed, and placing it is a write).
     */
    String cardOf(Article article) {
        return article.organisation == null ? null : cards.render(summary(article, null));
    }

    /**
     * One page of a feed, each article (with its organisation and directives loaded, and with q its
     * highlighted snippet) turned into a view inside the transaction. A directive nobody has cited yet
     * gives an empty feed, an unknown organisation an error.
     */
    @Transactional
    public <T> Page<T> list(ArticleQuery query, BiFunction<Article, String, T> view) {
        Slice slice = slice(query);
        Map<Long, ArticleRepository.PageEntry> entryById = slice.entries().stream()
                .collect(Collectors.toMap(ArticleRepository.PageEntry::id, Function.identity()));
        List<T> items = articles.withTags(slice.entries().stream().map(ArticleRepository.PageEntry::id).toList()).stream()
                .map(article -> view.apply(article, Snippets.toHtml(entryById.get(article.id).snippet())))
                .toList();
        return new Page<>(items, slice.next());
    }

    /** The rows of one page, and the cursor of the page after it (null on the last). */
    private record Slice(List<ArticleRepository.PageEntry> entries, PageCursor next) {
    }

    private Slice slice(ArticleQuery query) {
        ArticleFilter filter = query.filter();
        Optional<ArticleCriteria> criteria = criteria(filter);
        if (criteria.isEmpty()) {
            return new Slice(List.of(), null);
        }
        // One entry more than asked tells whether another page follows.
        List<ArticleRepository.PageEntry> entries = filter.q() != null ? searched(criteria.get(), query)
                : articles.page(criteria.get(), query.sort(), query.cursor(), query.limit() + 1);
        if (entries.size() <= query.limit()) {
            return new Slice(entries, null);
        }
        List<ArticleRepository.PageEntry> page = entries.subList(0, query.limit());
        ArticleRepository.PageEntry last = page.get(page.size() - 1);
        return new Slice(page, new PageCursor(query.sort().code(), filter.fingerprint(query.sort()), last.publishedAt(), last.id(),
                last.rank()));
    }

    /**
     * A page with q=, one entry more than asked: the search index finds and orders the matches (ranking every one
     * of them), one statement reads their rows.
     */
    private List<ArticleRepository.PageEntry> searched(ArticleCriteria criteria, ArticleQuery query) {
        ArticleFilter filter = criteria.filter();
        PageCursor cursor = query.cursor();
        String tsquery = articles.tsquery(filter.q());
        SearchRequest request = new SearchRequest(tsquery, criteria.organisationIds(),
                filter.levels().isEmpty() ? null : articles.organisationsAt(filter.levels()),
                filter.bodies().isEmpty() ? null : filter.bodies().stream().map(OrganisingBody::code).collect(Collectors.toSet()),
                criteria.directiveId(),
                filter.type() == null && filter.issuer() == null ? null : articles.directivesOf(filter.type(), filter.issuer()),
                micros(filter.from()), micros(filter.to()), SearchRequest.Order.valueOf(query.sort().name()),
                cursor == null ? null : new SearchHit(cursor.id(), micros(cursor.publishedAt()), cursor.rank()),
                query.limit() + 1);
        return articles.searchEntries(search.search(request), tsquery);
    }

    private static Long micros(Instant instant) {
        return instant == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** The filter with slugs and codes resolved to ids; empty when it names a directive nobody has cited. */
    public Optional<ArticleCriteria> criteria(ArticleFilter filter) {
        Set<Long> organisationIds = null;
        if (filter.org() != null) {
            organisationIds = unitsCovered(filter.org(), filter.scope());
            if (organisationIds.isEmpty()) {
                throw new InvalidParameterException("org", "không có đơn vị '" + filter.org() + "'");
            }
        }
        Long directiveId = null;
        if (filter.directive() != null) {
            Optional<Long> known = directives.findBySlug(filter.directive().slug()).map(directive -> directive.id);
            if (known.isEmpty()) {
                return Optional.empty();
            }
            directiveId = known.get();
        }
        return Optional.of(new ArticleCriteria(filter, organisationIds, directiveId));
    }

    /**
     * Which of these articles the feeds of these filters hold, to be judged in memory filter by filter: three
     * statements whatever their numbers (the articles' facts, the units the filters name, every q matched), and one
     * more per lineage-scoped org.
     */
    @Transactional
    public FeedMembership membership(List<Long> ids, java.util.Collection<ArticleFilter> filters) {
        Set<String> slugs = filters.stream().map(ArticleFilter::org).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Set<String> qs = filters.stream().map(ArticleFilter::q).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<String, Set<Long>> lineages = filters.stream().filter(filter -> filter.org() != null && filter.scope() == OrganisationScope.LINEAGE)
                .map(ArticleFilter::org).distinct().collect(Collectors.toMap(slug -> slug, slug -> unitsCovered(slug, OrganisationScope.LINEAGE)));
        return new FeedMembership(articles.facts(ids), slugs.isEmpty() ? Map.of() : organisations.idsBySlug(slugs), lineages,
                qs.isEmpty() ? Map.of() : articles.matching(qs, ids));
    }

    /** The ids of the units an org= filter covers: the unit, its subtree, or its lineage; empty for an unknown slug. */
    Set<Long> unitsCovered(String slug, OrganisationScope scope) {
        return switch (scope) {
            case EXACT -> organisations.idOf(slug);
            case SUBTREE -> organisations.subtreeOf(slug);
            case LINEAGE -> organisations.lineageOf(slug);
        };
    }

    @Transactional
    public Optional<ArticleView> find(String idOrSlug) {
        return articles.findPublished(idOrSlug).map(article ->
                view(article, organisations.chainsOf(List.of(article.organisation.id)).get(article.organisation.id)));
    }

    /** Whole articles, in the order of {@code ids}, in three statements whatever their number. */
    @Transactional
    public List<ArticleView> views(List<Long> ids) {
        List<Article> tagged = articles.withTags(ids);
        Map<Long, List<Organisation>> chains = organisations.chainsOf(tagged.stream().filter(article -> article.organisation != null)
                .map(article -> article.organisation.id).collect(Collectors.toSet()));
        return tagged.stream().map(article -> view(article, article.organisation == null ? List.of()
                : chains.get(article.organisation.id))).toList();
    }

    /**
     * Stores an article with its tags; its organisation must exist, its directives are registered on first mention.
     * Only {@link ArticleWriter} calls this, inside its transaction, with the actor checked and a revision to follow.
     */
    Article store(NewArticle input) {
        Article article = new Article();
        article.createdAt = now();
        String base = input.slug() != null ? input.slug() : VietnameseText.slugify(VietnameseText.clean(input.title()), MAX_SLUG_LENGTH);
        // A title of signs alone ("⤡") has no slug of its own.
        article.slug = uniqueSlug(base.isEmpty() ? "bai-viet" : base);
        apply(input, article);
        articles.persist(article);
        return article;
    }

    /** Replaces what an article says and how it is tagged; its id, slug and creation time stay. As {@link #store}. */
    Article replace(Article article, NewArticle input) {
        apply(input, article);
        return article;
    }

    private void apply(NewArticle input, Article article) {
        article.organisation = input.organisation() == null ? null : organisations.findBySlug(input.organisation())
                .orElseThrow(() -> new IllegalArgumentException("no organisation " + input.organisation()));
        article.organisingBody = input.organisingBody();
        article.review = input.review();
        article.title = VietnameseText.clean(input.title());
        article.body = input.body().stream().map(VietnameseText::nfc).map(String::strip).filter(p -> !p.isEmpty()).toList();
        article.captions = input.captions() == null ? List.of() : input.captions().stream()
                .map(caption -> new Article.Caption(caption.after(), VietnameseText.clean(caption.text()))).toList();
        article.summary = input.summary() != null ? VietnameseText.clean(input.summary()) : Summaries.fromBody(article.body);
        article.section = VietnameseText.clean(input.section());
        // PostgreSQL keeps microseconds; truncating here keeps cursors equal to what is stored.
        article.publishedAt = input.publishedAt() == null ? null : input.publishedAt().truncatedTo(ChronoUnit.MICROS);
        article.byline = VietnameseText.clean(input.byline());
        article.sourceUrl = input.sourceUrl();
        article.sourceHash = input.sourceHash();
        article.viewCount = input.viewCount();
        article.status = input.status();
        article.directives.clear();
        input.directives().forEach(mention -> article.directives.add(
                registry.register(mention.code(), mention.issuedOn(), mention.title())));
        article.updatedAt = now();
        article.card = cardOf(article);
    }

    /** PostgreSQL keeps microseconds: what is written is what is read back, so ETags do not drift. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String uniqueSlug(String base) {
        Set<String> taken = new HashSet<>(articles.slugsStartingWith(base));
        String slug = base;
        for (int suffix = 2; taken.contains(slug); suffix++) {
            slug = base + "-" + suffix;
        }
        return slug;
    }

    private ArticleSummary summary(Article article, String snippet) {
        return ArticleSummaryBuilder.builder()
                // A new article's card is rendered before it has an id; the card leaves the id out.
                .id(article.id == null ? 0 : article.id).slug(article.slug).title(article.title).summary(article.summary).section(article.section)
                .publishedAt(VietnamTime.of(article.publishedAt)).updatedAt(VietnamTime.of(article.updatedAt))
                .byline(article.byline).sourceUrl(article.sourceUrl).viewCount(article.viewCount).url(publicUrl(article))
                .organisation(OrganisationRef.of(article.organisation)).organisingBody(article.organisingBody)
                .directives(directiveViews(article)).snippet(snippet)
                .build();
    }

    /** The whole article, whatever its status: for its editors. */
    @Transactional
    public ArticleView view(Article article) {
        return view(article, article.organisation == null ? List.of()
                : organisations.chainsOf(List.of(article.organisation.id)).get(article.organisation.id));
    }

    private ArticleView view(Article article, List<Organisation> organisationChain) {
        List<OrganisationRef> chain = organisationChain.stream().map(OrganisationRef::of).toList();
        return ArticleViewBuilder.builder()
                .id(article.id).slug(article.slug).status(article.status.code())
                .title(article.title).summary(article.summary).body(article.body).section(article.section)
                .publishedAt(VietnamTime.of(article.publishedAt)).byline(article.byline).sourceUrl(article.sourceUrl)
                .viewCount(article.viewCount).url(publicUrl(article))
                .organisation(article.organisation == null ? null : OrganisationRef.of(article.organisation))
                .organisingBody(article.organisingBody).organisationChain(chain).directives(directiveViews(article))
                .captions(article.captions).createdAt(VietnamTime.of(article.createdAt))
                .updatedAt(VietnamTime.of(article.updatedAt)).version(article.version).review(article.review)
                .build();
    }

    /**
     * By code, in code-point order, however the set was filled: loaded (@OrderBy) or just tagged (in the order of
     * mention, when a card is rendered on write), an article lists its directives alike.
     */
    private static List<DirectiveView> directiveViews(Article article) {
        return article.directives.stream().sorted(java.util.Comparator.comparing(directive -> directive.code))
                .map(directive -> DirectiveView.of(directive, null)).toList();
    }

    private URI publicUrl(Article article) {
        return publicUrl(article.slug);
    }

    /** Where clients read an article, by its slug (or id), on the public address of the request being served. */
    public URI publicUrl(String slugOrId) {
        return address.resolve("api/v1/articles/" + slugOrId);
    }
}
