package vn.tincoso.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

import vn.tincoso.articles.Article;
import vn.tincoso.articles.ArticleRepository;
import vn.tincoso.articles.ArticleService;
import vn.tincoso.articles.ArticleStatus;
import vn.tincoso.articles.NewArticle;
import vn.tincoso.config.VietnamTime;
import vn.tincoso.directives.DirectiveCode;
import vn.tincoso.directives.DirectiveRepository;
import vn.tincoso.organisations.Organisation;
import vn.tincoso.organisations.OrganisationRef;
import vn.tincoso.organisations.OrganisationRepository;
import vn.tincoso.text.VietnameseText;
import vn.tincoso.web.DatabaseUnavailable;

/**
 * Turns raw portal text into tagged articles: parse, find directives and the organising unit, store.
 * Each item is its own transaction, so a bad item never takes the good ones down; a dry run does all the
 * same work and rolls it back. The same text or source URL imported again updates its article.
 */
@ApplicationScoped
public class ImportService {

    public static final int MAX_ITEMS = 500;
    public static final int MAX_TEXT_LENGTH = 100_000;
    public static final int MAX_URL_LENGTH = 2_000;
    private static final int CONFLICT_ATTEMPTS = 3;

    /** An item as submitted: either readable, or already known to be malformed. */
    public record Submitted(ImportItem item, String error) {

        public static Submitted of(ImportItem item) {
            return new Submitted(item, null);
        }

        public static Submitted malformed(String error) {
            return new Submitted(null, error);
        }
    }

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final ArticleService articleService;
    private final ArticleRepository articles;
    private final OrganisationRepository organisations;
    private final DirectiveRepository directives;
    private final OrganisationResolver resolver;
    /** Items imported, by outcome (created, updated, rejected) and dry run: tincoso_imports_total at /q/metrics. */
    private final MeterRegistry metrics;

    ImportService(ArticleService articleService, ArticleRepository articles, OrganisationRepository organisations,
            DirectiveRepository directives, OrganisationResolver resolver, MeterRegistry metrics) {
        this.metrics = metrics;
        this.articleService = articleService;
        this.articles = articles;
        this.organisations = organisations;
        this.directives = directives;
        this.resolver = resolver;
    }

    public ImportReport importAll(List<Submitted> items, boolean dryRun) {
        return importAll(items, dryRun, unit -> true);
    }

    /** @param mayWrite whether the importer may write articles of a unit; items for other units are rejected */
    public ImportReport importAll(List<Submitted> items, boolean dryRun, Predicate<Organisation> mayWrite) {
        List<ImportOutcome> outcomes = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            Submitted submitted = items.get(index);
            if (submitted.error() != null) {
                count("rejected", dryRun);
                outcomes.add(ImportOutcome.rejected(index, submitted.error()));
            } else {
                outcomes.add(importOne(index, submitted.item(), dryRun, mayWrite));
            }
        }
        return ImportReport.of(dryRun, outcomes);
    }

    /** One item in a transaction of its own; a rejection is an outcome, not an exception. */
    public ImportOutcome importOne(int index, ImportItem item, boolean dryRun, Predicate<Organisation> mayWrite) {
        try {
            return importOrThrow(index, item, dryRun, mayWrite);
        } catch (ImportRejectedException | OutsideScopeException e) {
            return ImportOutcome.rejected(index, e.getMessage());
        }
    }

    /** @throws ImportRejectedException naming the field at fault */
    public ImportOutcome importOrThrow(int index, ImportItem item, boolean dryRun, Predicate<Organisation> mayWrite) {
        try {
            ImportOutcome outcome = importWithRetries(index, item, dryRun, mayWrite);
            count(outcome.status(), dryRun);
            return outcome;
        } catch (RuntimeException e) {
            count("rejected", dryRun);
            throw e;
        }
    }

    private void count(String status, boolean dryRun) {
        metrics.counter("tincoso.imports", "status", status, "dry_run", String.valueOf(dryRun)).increment();
    }

    private ImportOutcome importWithRetries(int index, ImportItem item, boolean dryRun, Predicate<Organisation> mayWrite) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    ImportOutcome outcome = store(index, item, dryRun, mayWrite);
                    if (dryRun) {
                        throw new DryRunDone(outcome);
                    }
                    return outcome;
                });
            } catch (DryRunDone done) {
                return done.outcome;
            } catch (PersistenceException e) {
                // A concurrent import took the same slug, or imported the same text or URL: trying again picks
                // another slug, or finds that article and updates it.
                // Any other failure (the database gone) is not the item's fault: it reaches the problem mapper (503).
                if (!DatabaseUnavailable.uniqueViolation(e)) {
                    throw e;
                }
                LOG.debugf(e, "Import of item %d conflicted (attempt %d)", index, attempt);
                if (attempt == CONFLICT_ATTEMPTS) {
                    throw new ImportRejectedException("text", "conflict with a concurrent import of the same article; retry");
                }
            }
        }
    }

    /** 403 for a single import, a rejected item in a batch. */
    static final class OutsideScopeException extends vn.tincoso.web.ApiException {
        OutsideScopeException(String field, String reason) {
            super(vn.tincoso.web.ProblemType.FORBIDDEN, field + ": " + reason, field, reason);
        }
    }

    /** Leaves a dry run's transaction the way every failure does: rolled back, with its outcome. */
    private static final class DryRunDone extends RuntimeException {
        final transient ImportOutcome outcome;

        DryRunDone(ImportOutcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    private ImportOutcome store(int index, ImportItem item, boolean dryRun, Predicate<Organisation> mayWrite) {
        validate(item);
        ImportItem.Overrides overrides = item.overrides() != null ? item.overrides()
                : new ImportItem.Overrides(null, null, null, null, null, null);
        ParsedArticle parsed = ArticleTextParser.parse(item.text());

        String title = overrides.title() != null ? VietnameseText.clean(overrides.title())
                : parsed.title() != null ? parsed.title().text() : null;
        if (title == null || title.isBlank()) {
            throw new ImportRejectedException("text", "no title found; give overrides.title");
        }
        if (parsed.body().isEmpty()) {
            throw new ImportRejectedException("text", "no body paragraph found");
        }
        List<DirectiveExtractor.Found> found = DirectiveExtractor.extract(parsed.text(), parsed.content(),
                directives::codesWithTypeAndNumber);
        List<NewArticle.DirectiveMention> mentions = new ArrayList<>(found.stream()
                .map(f -> new NewArticle.DirectiveMention(f.code(), f.issuedOn(), f.title())).toList());
        List<DirectiveCode> added = overriddenDirectives(overrides);
        added.stream().filter(code -> mentions.stream().noneMatch(m -> m.code().equals(code)))
                .forEach(code -> mentions.add(new NewArticle.DirectiveMention(code, null, null)));

        OrganisationResolver.Resolved unit = organisation(parsed, overrides);
        if (!mayWrite.test(unit.organisation())) {
            throw new OutsideScopeException(overrides.organisation() != null ? "overrides.organisation" : "text",
                    "'" + unit.organisation().name + "' is outside the organisation this account may write for");
        }
        Instant publishedAt = overrides.publishedAt() != null ? overrides.publishedAt().toInstant()
                : parsed.publishedAt() != null ? parsed.publishedAt().atZone(VietnamTime.ZONE).toInstant() : null;
        String byline = overrides.byline() != null ? overrides.byline() : parsed.byline() != null ? parsed.byline().text() : null;
        String section = overrides.section() != null ? overrides.section() : parsed.sections().stream().findFirst().orElse(null);
        String hash = sha256(parsed.text());

        NewArticle input = new NewArticle(null, title, null, parsed.body(),
                parsed.captions().stream().map(c -> new Article.Caption(c.after(), c.text())).toList(), section,
                publishedAt, byline, item.sourceUrl(), hash, parsed.viewCount() == null ? 0 : parsed.viewCount(),
                publishedAt == null ? ArticleStatus.DRAFT : ArticleStatus.PUBLISHED, unit.organisation().slug, mentions);
        Optional<Article> existing = (item.sourceUrl() != null ? articles.findBySourceUrl(item.sourceUrl()) : Optional.<Article>empty())
                .or(() -> articles.findBySourceHash(hash));
        Article article = existing.map(current -> articleService.replace(current, input))
                .orElseGet(() -> articleService.store(input));
        articles.flush();
        return outcome(index, existing.isPresent() ? "updated" : "created", dryRun, article, parsed, unit, found);
    }

    private static void validate(ImportItem item) {
        if (item.text() == null || item.text().isBlank()) {
            throw new ImportRejectedException("text", "missing or blank");
        }
        if (item.text().length() > MAX_TEXT_LENGTH) {
            throw new ImportRejectedException("text", "longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (item.sourceUrl() != null) {
            try {
                URI uri = new URI(item.sourceUrl());
                if (item.sourceUrl().length() > MAX_URL_LENGTH || uri.getHost() == null
                        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw new URISyntaxException(item.sourceUrl(), "not an absolute http(s) URL");
                }
            } catch (URISyntaxException e) {
                throw new ImportRejectedException("sourceUrl", "not an absolute http(s) URL of at most " + MAX_URL_LENGTH + " characters");
            }
        }
    }

    private static List<DirectiveCode> overriddenDirectives(ImportItem.Overrides overrides) {
        List<DirectiveCode> codes = new ArrayList<>();
        List<String> given = overrides.directives() == null ? List.of() : overrides.directives();
        for (int i = 0; i < given.size(); i++) {
            String spelling = given.get(i);
            int position = i;
            codes.add(DirectiveCode.parse(spelling).orElseThrow(() -> new ImportRejectedException(
                    "overrides.directives[" + position + "]", "'" + spelling + "' is not a directive code")));
        }
        return codes;
    }

    private OrganisationResolver.Resolved organisation(ParsedArticle parsed, ImportItem.Overrides overrides) {
        if (overrides.organisation() != null) {
            Organisation given = organisations.findBySlug(overrides.organisation()).orElseThrow(() ->
                    new ImportRejectedException("overrides.organisation", "no organisation '" + overrides.organisation() + "'"));
            return new OrganisationResolver.Resolved(given, false, null);
        }
        OrganisationDetector.Detection detection = OrganisationDetector.detect(parsed.text(), parsed.content());
        OrganisationDetector.Mention organiser = detection.organiser().orElseThrow(() ->
                new ImportRejectedException("text", "names no unit that held the event; give overrides.organisation"));
        return resolver.resolve(organiser, detection.mentions()).orElseThrow(() ->
                new ImportRejectedException("text", "'" + organiser.name() + "' is ambiguous or cannot be placed in the tree; "
                        + "give overrides.organisation"));
    }

    private ImportOutcome outcome(int index, String status, boolean dryRun, Article article, ParsedArticle parsed,
            OrganisationResolver.Resolved unit, List<DirectiveExtractor.Found> found) {
        Organisation organisation = unit.organisation();
        List<OrganisationRef> chain = organisations.chainOf(organisation.id).stream().map(OrganisationRef::of).toList();
        List<ImportOutcome.DirectiveTag> tags = article.directives.stream().map(directive -> new ImportOutcome.DirectiveTag(
                directive.code, directive.slug, directive.issuedOn, directive.title,
                found.stream().filter(f -> f.code().slug().equals(directive.slug)).findFirst()
                        .map(DirectiveExtractor.Found::spans).orElse(List.of()))).toList();
        return new ImportOutcome(index, status, null, dryRun ? null : article.id, article.slug, article.title,
                parsed.title(), article.status.name().toLowerCase(java.util.Locale.ROOT), VietnamTime.of(article.publishedAt),
                article.viewCount, parsed.metadata(), article.byline, parsed.byline(), parsed.sections(), article.body.size(),
                article.captions.size(),
                new ImportOutcome.OrganisationTag(organisation.slug, organisation.name, organisation.level.code(),
                        unit.created(), chain, unit.span()),
                tags);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
