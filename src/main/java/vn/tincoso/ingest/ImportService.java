package vn.tincoso.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

import vn.tincoso.articles.Article;
import vn.tincoso.articles.ArticleRepository;
import vn.tincoso.articles.ArticleStatus;
import vn.tincoso.articles.ArticleWriter;
import vn.tincoso.articles.NewArticle;
import vn.tincoso.articles.RevisionAction;
import vn.tincoso.articles.Actor;
import vn.tincoso.config.VietnamTime;
import vn.tincoso.directives.DirectiveCode;
import vn.tincoso.database.AdvisoryLocks;
import vn.tincoso.directives.DirectiveRepository;
import vn.tincoso.organisations.Organisation;
import vn.tincoso.organisations.OrganisationRef;
import vn.tincoso.organisations.OrganisationRepository;
import vn.tincoso.text.VietnameseText;
import vn.tincoso.web.DatabaseUnavailable;
import vn.tincoso.web.JsonErrors;

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
    private static final int CONFLICT_ATTEMPTS = 5;

    /**
     * An item as submitted: either readable, or already known to be malformed.
     *
     * @param field the malformed part, as a JSON pointer into the item ("" for the whole item)
     */
    public record Submitted(ImportItem item, String field, String error) {

        public static Submitted of(ImportItem item) {
            return new Submitted(item, null, null);
        }

        public static Submitted malformed(String field, String error) {
            return new Submitted(null, field, error);
        }
    }

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final ArticleWriter writer;
    private final ArticleRepository articles;
    private final OrganisationRepository organisations;
    private final DirectiveRepository directives;
    private final OrganisationResolver resolver;
    private final ImportSlots slots;
    private final EntityManager entityManager;
    /** Items imported, by outcome and dry run: tincoso_imports_total at /q/metrics. */
    private final MeterRegistry metrics;

    ImportService(ArticleWriter writer, ArticleRepository articles, OrganisationRepository organisations,
            DirectiveRepository directives, OrganisationResolver resolver, ImportSlots slots, EntityManager entityManager,
            MeterRegistry metrics) {
        this.writer = writer;
        this.articles = articles;
        this.organisations = organisations;
        this.directives = directives;
        this.resolver = resolver;
        this.slots = slots;
        this.entityManager = entityManager;
        this.metrics = metrics;
    }

    /**
     * Every item in turn, each in a transaction of its own. An item is reported created or updated only once it is
     * committed, and an item that fails is rolled back alone, so the report is exactly what was stored. If the
     * database goes away before anything was stored, the whole request fails (503: send it all again); after, the
     * rest of the batch is reported failed and not tried.
     */
    public ImportReport importAll(List<Submitted> items, boolean dryRun, Actor actor) {
        List<ImportOutcome> outcomes = new ArrayList<>(items.size());
        boolean stored = false;
        for (int index = 0; index < items.size(); index++) {
            Submitted submitted = items.get(index);
            if (submitted.error() != null) {
                count(ImportStatus.REJECTED, dryRun);
                outcomes.add(ImportOutcome.rejected(index, submitted.field(), submitted.error()));
                continue;
            }
            ImportOutcome outcome;
            try {
                outcome = importOrThrow(index, submitted.item(), dryRun, actor);
            } catch (ImportRejectedException e) {
                outcome = ImportOutcome.rejected(index, e.field(), e.reason());
            } catch (ArticleWriter.NotAllowed e) {
                outcome = ImportOutcome.rejected(index, "", e.getMessage());
            } catch (ImportConflict e) {
                outcome = ImportOutcome.notStored(index, ImportStatus.CONFLICT, "", e.getMessage());
            } catch (RuntimeException e) {
                if (DatabaseUnavailable.causedBy(e) && (!stored || dryRun)) {
                    throw e;
                }
                if (DatabaseUnavailable.causedBy(e)) {
                    for (int rest = index; rest < items.size(); rest++) {
                        count(ImportStatus.FAILED, dryRun);
                        outcomes.add(ImportOutcome.notStored(rest, ImportStatus.FAILED, "",
                                "cơ sở dữ liệu tạm thời không truy cập được; chưa lưu, hãy gửi lại"));
                    }
                    break;
                }
                LOG.errorf(e, "Import of item %d failed", index);
                outcome = ImportOutcome.notStored(index, ImportStatus.FAILED, "", "máy chủ gặp lỗi; chưa lưu, hãy gửi lại");
            }
            stored |= outcome.status().stored();
            outcomes.add(outcome);
        }
        return ImportReport.of(dryRun, outcomes);
    }

    /**
     * One item in a transaction of its own.
     *
     * @throws ImportRejectedException naming the field at fault
     * @throws ArticleWriter.NotAllowed when the article, as it is or as it would be, belongs to a unit the actor may not write
     * @throws ImportConflict when concurrent writes kept colliding
     */
    public ImportOutcome importOrThrow(int index, ImportItem item, boolean dryRun, Actor actor) {
        try {
            ImportOutcome outcome = slots.call(() -> importWithRetries(index, item, dryRun, actor));
            count(outcome.status(), dryRun);
            return outcome;
        } catch (ImportConflict e) {
            count(ImportStatus.CONFLICT, dryRun);
            throw e;
        } catch (RuntimeException e) {
            count(DatabaseUnavailable.causedBy(e) ? ImportStatus.FAILED : ImportStatus.REJECTED, dryRun);
            throw e;
        }
    }

    private void count(ImportStatus status, boolean dryRun) {
        metrics.counter("tincoso.imports", "status", status.code(), "dry_run", String.valueOf(dryRun)).increment();
    }

    private ImportOutcome importWithRetries(int index, ImportItem item, boolean dryRun, Actor actor) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    ImportOutcome outcome = store(index, item, dryRun, actor);
                    if (dryRun) {
                        throw new DryRunDone(outcome);
                    }
                    return outcome;
                });
            } catch (DryRunDone done) {
                return done.outcome;
            } catch (PersistenceException e) {
                // Imports of one text or URL take turns (an advisory lock), but two different texts may still race for
                // one slug or one new unit: trying again picks another slug, or finds the unit.
                // Any other failure (the database gone) is not the item's fault: it reaches the problem mapper (503).
                if (!DatabaseUnavailable.uniqueViolation(e) && !DatabaseUnavailable.transactionRace(e)) {
                    throw e;
                }
                LOG.debugf(e, "Import of item %d conflicted (attempt %d)", index, attempt);
                if (attempt == CONFLICT_ATTEMPTS) {
                    throw new ImportConflict();
                }
            }
        }
    }

    /** 409 for a single import, status conflict in a batch. */
    static final class ImportConflict extends vn.tincoso.web.ApiException {
        ImportConflict() {
            super(vn.tincoso.web.ProblemType.CONFLICT, "các lần ghi đồng thời liên tục va chạm với bài này; hãy gửi lại");
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

    private ImportOutcome store(int index, ImportItem item, boolean dryRun, Actor actor) {
        validate(item);
        ImportItem.Overrides overrides = item.overrides() != null ? item.overrides()
                : ImportItemOverridesBuilder.builder().build();
        ParsedArticle parsed = ArticleTextParser.parse(item.text());

        String title = overrides.title() != null ? VietnameseText.clean(overrides.title())
                : parsed.title() != null ? parsed.title().text() : null;
        if (title == null || title.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new ImportRejectedException("/text", "không tìm thấy tiêu đề; hãy cho overrides.title");
        }
        List<DirectiveExtractor.Found> found = DirectiveExtractor.extract(parsed.text(), parsed.content(),
                directives::codesWithTypeAndNumber);
        List<NewArticle.DirectiveMention> mentions = new ArrayList<>(found.stream()
                .map(f -> new NewArticle.DirectiveMention(f.code(), f.issuedOn(), f.title())).toList());
        List<DirectiveCode> added = overriddenDirectives(overrides);
        added.stream().filter(code -> mentions.stream().noneMatch(m -> m.code().equals(code)))
                .forEach(code -> mentions.add(new NewArticle.DirectiveMention(code, null, null)));

        Instant publishedAt = overrides.publishedAt() != null ? overrides.publishedAt().toInstant()
                : parsed.publishedAt() != null ? parsed.publishedAt().atZone(VietnamTime.ZONE).toInstant() : null;
        if (publishedAt != null && publishedAt.isBefore(VietnamTime.EARLIEST_PUBLICATION)) {
            throw ImportRejectedException.invalid(overrides.publishedAt() != null ? "/overrides/publishedAt" : "/text",
                    "thời điểm đăng phải từ năm 1900 trở đi");
        }
        OrganisationResolver.Placement placement = placement(parsed, overrides, item.sourceUrl(),
                publishedAt != null ? publishedAt.atZone(VietnamTime.ZONE).toLocalDate() : PrintedDates.latest(parsed.text()).orElse(null));
        String byline = overrides.byline() != null ? overrides.byline() : parsed.byline() != null ? parsed.byline().text() : null;
        String section = overrides.section() != null ? overrides.section() : parsed.sections().stream().findFirst().orElse(null);
        String hash = sha256(parsed.text());

        Optional<Article> existing = existing(item.sourceUrl(), hash);
        // An article an editor has placed keeps its unit when the text alone cannot place it.
        Optional<Organisation> unit = placement.unit().or(() -> existing.map(article -> article.organisation));
        ArticleStatus status = status(existing, unit.isPresent(), publishedAt);
        Instant publication = existing.filter(article -> article.status == ArticleStatus.SCHEDULED || publishedAt == null)
                .map(article -> article.publishedAt).orElse(publishedAt);
        String sourceUrl = item.sourceUrl() != null ? item.sourceUrl() : existing.map(article -> article.sourceUrl).orElse(null);
        NewArticle input = NewArticle.builder().title(title).body(parsed.body())
                .captions(parsed.captions().stream().map(c -> new Article.Caption(c.after(), c.text())).toList())
                .section(section).publishedAt(publication).byline(byline).sourceUrl(sourceUrl).sourceHash(hash)
                .viewCount(parsed.viewCount() == null ? 0 : parsed.viewCount()).status(status)
                .organisation(unit.map(placed -> placed.slug).orElse(null)).organisingBody(placement.body())
                .review(unit.isPresent() ? null : placement.review()).directives(mentions).build();
        allowed(actor, existing, unit, item, overrides);
        Article article = existing.map(current -> writer.update(current, input, actor, RevisionAction.REIMPORTED))
                .orElseGet(() -> writer.create(input, actor, RevisionAction.IMPORTED));
        ImportStatus outcome = status == ArticleStatus.NEEDS_REVIEW ? ImportStatus.NEEDS_REVIEW
                : existing.isPresent() ? ImportStatus.UPDATED : ImportStatus.CREATED;
        return outcome(index, outcome, dryRun, article, parsed, placement, found, existing.isEmpty());
    }

    /**
     * A new import publishes what has a date and drafts what has none; an article seen before keeps the status its
     * editors gave it (an unpublished one stays unpublished, a scheduled one keeps its time). One whose unit cannot
     * be placed needs review, until it is placed.
     */
    private static ArticleStatus status(Optional<Article> existing, boolean placed, Instant publishedAt) {
        if (!placed) {
            return ArticleStatus.NEEDS_REVIEW;
        }
        ArticleStatus fresh = publishedAt == null ? ArticleStatus.DRAFT : ArticleStatus.PUBLISHED;
        return existing.map(article -> article.status == ArticleStatus.NEEDS_REVIEW ? fresh : article.status).orElse(fresh);
    }

    /**
     * The writer's rule, checked first so that a refusal names the field that led to it: the article found by the
     * source URL or the text (without naming its unit: it may be another's draft), or the unit the item names.
     */
    private void allowed(Actor actor, Optional<Article> existing, Optional<Organisation> unit, ImportItem item,
            ImportItem.Overrides overrides) {
        if (existing.isPresent() && !writer.mayWrite(actor, existing.get())) {
            boolean byUrl = item.sourceUrl() != null && item.sourceUrl().equals(existing.get().sourceUrl);
            throw ImportRejectedException.forbidden(byUrl ? "/sourceUrl" : "/text",
                    (byUrl ? "đã có bài với địa chỉ nguồn này" : "đã có bài với đúng văn bản này")
                            + " thuộc một đơn vị ngoài phạm vi tài khoản");
        }
        if (unit.isPresent() && !actor.mayWrite(unit.get())) {
            throw ImportRejectedException.forbidden(overrides.organisation() != null ? "/overrides/organisation" : "/text",
                    "'" + unit.get().name + "' nằm ngoài đơn vị tài khoản này được viết bài");
        }
    }

    /**
     * The article imported before from this URL or this very text, its row locked. Imports of the same URL or text
     * take turns first, so that of two concurrent first imports the second finds the first's article.
     */
    private Optional<Article> existing(String sourceUrl, String hash) {
        List<String> keys = sourceUrl == null ? List.of("text:" + hash) : List.of("text:" + hash, "url:" + sourceUrl);
        AdvisoryLocks.lock(entityManager, AdvisoryLocks.Namespace.IMPORTED_ARTICLE, keys);
        return (sourceUrl != null ? articles.findBySourceUrl(sourceUrl, LockModeType.PESSIMISTIC_WRITE) : Optional.<Article>empty())
                .or(() -> articles.findBySourceHash(hash, LockModeType.PESSIMISTIC_WRITE));
    }

    private static void validate(ImportItem item) {
        if (item.text() == null || item.text().isBlank()) {
            throw new ImportRejectedException("/text", "thiếu hoặc trống");
        }
        if (item.text().length() > MAX_TEXT_LENGTH) {
            throw new ImportRejectedException("/text", "dài quá " + MAX_TEXT_LENGTH + " ký tự");
        }
        String unstorable = VietnameseText.unstorable(item.text());
        if (unstorable != null) {
            throw ImportRejectedException.invalid("/text", unstorable);
        }
        if (item.sourceUrl() != null) {
            try {
                URI uri = new URI(item.sourceUrl());
                if (item.sourceUrl().length() > MAX_URL_LENGTH || uri.getHost() == null
                        || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                    throw new URISyntaxException(item.sourceUrl(), "not an absolute http(s) URL");
                }
            } catch (URISyntaxException e) {
                throw new ImportRejectedException("/sourceUrl", "phải là địa chỉ http(s) đầy đủ, tối đa " + MAX_URL_LENGTH + " ký tự");
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
                    JsonErrors.pointer("overrides", "directives", position), "'" + spelling + "' không phải mã văn bản")));
        }
        return codes;
    }

    /** The unit the importer names, else the one the text names; the body as the text names it either way. */
    private OrganisationResolver.Placement placement(ParsedArticle parsed, ImportItem.Overrides overrides, String sourceUrl, LocalDate on) {
        OrganisationDetector.Detection detection = OrganisationDetector.detect(parsed.text(), parsed.content(), resolver.index());
        if (overrides.organisation() != null) {
            Organisation given = organisations.findBySlug(overrides.organisation()).orElseThrow(() ->
                    new ImportRejectedException("/overrides/organisation", "không có đơn vị '" + overrides.organisation() + "'"));
            Optional<OrganisationDetector.Organiser> organiser = detection.organiser();
            return OrganisationResolver.Placement.at(given, null,
                    organiser.map(OrganisationDetector.Organiser::body).orElse(null),
                    organiser.map(OrganisationDetector.Organiser::bodySpan).orElse(null));
        }
        return resolver.place(detection, on, sourceUrl);
    }

    private ImportOutcome outcome(int index, ImportStatus status, boolean dryRun, Article article, ParsedArticle parsed,
            OrganisationResolver.Placement placement, List<DirectiveExtractor.Found> found, boolean added) {
        List<ImportOutcome.DirectiveTag> tags = article.directives.stream().map(directive -> new ImportOutcome.DirectiveTag(
                directive.code, directive.slug, directive.issuedOn, directive.title,
                found.stream().filter(f -> f.code().slug().equals(directive.slug)).findFirst()
                        .map(DirectiveExtractor.Found::spans).orElse(List.of()))).toList();
        Organisation unit = article.organisation;
        ImportOutcome.OrganisationTag organisation = unit == null ? null : ImportOutcomeOrganisationTagBuilder.builder()
                .slug(unit.slug).name(unit.name).level(unit.level.code()).kind(unit.kind).created(placement.created())
                .chain(organisations.chainOf(unit.id).stream().map(OrganisationRef::of).toList())
                .span(placement.unit().isPresent() ? placement.span() : null)
                .build();
        ImportOutcome.BodyTag body = article.organisingBody == null ? null
                : new ImportOutcome.BodyTag(article.organisingBody, article.organisingBody.label(), placement.bodySpan());
        return ImportOutcomeBuilder.builder().index(index).status(status)
                .id(dryRun ? null : article.id).slug(article.slug).articleStatus(article.status.code())
                .publishedAt(VietnamTime.of(article.publishedAt)).newArticle(added)
                .title(article.title).titleSpan(parsed.title()).byline(article.byline).bylineSpan(parsed.byline())
                .metadataSpan(parsed.metadata()).viewCount(article.viewCount).sections(parsed.sections())
                .paragraphs(article.body.size()).captions(article.captions.size())
                .organisation(organisation).organisingBody(body).review(article.review).directives(tags)
                .build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
