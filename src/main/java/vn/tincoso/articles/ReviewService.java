package vn.tincoso.articles;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.tincoso.organisations.Organisation;
import vn.tincoso.organisations.OrganisationRepository;
import vn.tincoso.web.InvalidBodyException;

/**
 * Imported articles whose unit could not be placed: listed for those who may place them (admins: all; an editor:
 * those that might be a unit of their subtree), and placed with one call, which may also publish.
 */
@ApplicationScoped
public class ReviewService {

    /** A page of articles waiting for review, oldest first; {@code next} is the id to continue after, or null. */
    public record Waiting(List<ArticleView> items,
            @Schema(nullable = true) Long next) {
    }

    private final EntityManager entityManager;
    private final ArticleService articleService;
    private final EditorialService editorial;
    private final OrganisationRepository organisations;
    private final CurrentUser user;

    ReviewService(EntityManager entityManager, ArticleService articleService, EditorialService editorial,
            OrganisationRepository organisations, CurrentUser user) {
        this.entityManager = entityManager;
        this.articleService = articleService;
        this.editorial = editorial;
        this.organisations = organisations;
        this.user = user;
    }

    /** Indexes: article_needs_review walks the waiting articles by id; a candidate's unit is found by slug and path. */
    @Transactional
    public Waiting waiting(long after, int limit) {
        String scope = user.isAdmin() ? "" : """
                 and exists (select 1 from jsonb_array_elements(a.review -> 'candidates') c
                               join organisation o on o.slug = c ->> 'slug'
                               join organisation own on own.slug = :own
                              where o.path <@ own.path)
                """;
        var query = entityManager.createNativeQuery("select a.id from article a where a.status = 'needs-review' and a.id > :after"
                + scope + " order by a.id limit :limit").setParameter("after", after).setParameter("limit", limit + 1);
        if (!user.isAdmin()) {
            query.setParameter("own", user.organisation().orElse(""));
        }
        List<Long> ids = ((List<?>) query.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
        List<Long> page = ids.subList(0, Math.min(limit, ids.size()));
        return new Waiting(articleService.views(page), ids.size() > limit ? page.get(page.size() - 1) : null);
    }

    /** Gives the article its unit (and, if asked, publishes it); If-Match as for every write. */
    @Transactional
    public EditorialService.Written place(long id, String ifMatch, String organisation, boolean publish) {
        Organisation unit = organisations.findBySlug(organisation)
                .orElseThrow(() -> new InvalidBodyException("/organisation", "không có đơn vị '" + organisation + "'"));
        return editorial.place(id, ifMatch, unit, publish);
    }
}
