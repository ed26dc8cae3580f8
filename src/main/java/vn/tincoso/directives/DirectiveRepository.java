package vn.tincoso.directives;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.cache.CacheResult;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class DirectiveRepository implements PanacheRepository<Directive> {

    /** Unique index on slug. */
    public Optional<Directive> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The registry, optionally of one type and/or issuer (directive_type_issuer, directive_issuer), in code order. */
    public List<Directive> listFiltered(DocumentType type, Issuer issuer) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (type != null) {
            where.append(" and docType = :type");
            params.put("type", type.code());
        }
        if (issuer != null) {
            where.append(" and issuer = :issuer");
            params.put("issuer", issuer.code());
        }
        return list(where + " order by issuer, docType, coalesce(year, 0), length(number), number", params);
    }

    /** The registered codes of a type and number, whatever their issuer or year (directive_type_number). */
    public List<DirectiveCode> codesWithTypeAndNumber(DocumentType type, String number) {
        return list("docType = ?1 and number = ?2", type.code(), number).stream().map(Directive::parsedCode).toList();
    }

    /**
     * Marks the articles citing a directive as changed, so that the change stream re-sends what they embed of it, and
     * drops their cards (V14) for articles.CardBackfill to render again.
     */
    public int touchArticlesCiting(long directiveId, java.time.Instant now) {
        return getEntityManager().createNativeQuery(
                        "update article set updated_at = :now, card = null where id in (select article_id from article_directive where directive_id = :id)")
                .setParameter("now", now).setParameter("id", directiveId).executeUpdate();
    }

    /**
     * Published articles per directive (article_directive_by_directive); kept like the units' counts
     * (OrganisationRepository.ownArticleCounts), since the whole registry's counts read every citation.
     */
    @CacheResult(cacheName = "article-counts-by-directive")
    public Map<Long, Long> articleCounts(List<Long> directiveIds) {
        if (directiveIds.isEmpty()) {
            return Map.of();
        }
        // SQL, not HQL: the registry knows directives, not the Article entity (articles depend on directives, not back).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select ad.directive_id, count(*) from article_directive ad join article a on a.id = ad.article_id
                 where a.status = 'published' and ad.directive_id in (:ids)
                 group by ad.directive_id
                """).setParameter("ids", directiveIds).getResultList();
        Map<Long, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return counts;
    }
}
