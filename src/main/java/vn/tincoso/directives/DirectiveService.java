package vn.tincoso.directives;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The directive registry as the API shows it, with article counts. */
@ApplicationScoped
public class DirectiveService {

    private final DirectiveRepository directives;
    private final java.time.Clock clock;

    DirectiveService(DirectiveRepository directives, java.time.Clock clock) {
        this.directives = directives;
        this.clock = clock;
    }

    @Transactional
    public List<DirectiveView> list(DocumentType type, Issuer issuer) {
        List<Directive> found = directives.listFiltered(type, issuer);
        Map<Long, Long> counts = directives.articleCounts(found.stream().map(directive -> directive.id).toList());
        return found.stream().map(directive -> DirectiveView.of(directive, counts.getOrDefault(directive.id, 0L))).toList();
    }

    /** Corrects a registered directive's title or issue date (unlike imports, which only fill in what is missing). */
    @Transactional
    public DirectiveView update(String codeOrSlug, DirectiveChange change) {
        Directive directive = DirectiveCode.parse(codeOrSlug).flatMap(code -> directives.findBySlug(code.slug()))
                .orElseThrow(() -> new vn.tincoso.web.ResourceNotFoundException("Không có văn bản '" + codeOrSlug + "'."));
        if (change.title() != null) {
            directive.title = vn.tincoso.text.VietnameseText.clean(change.title());
        }
        if (change.issuedOn() != null) {
            directive.issuedOn = change.issuedOn();
        }
        if (change.issuedBy() != null) {
            directive.issuedBy = vn.tincoso.text.VietnameseText.clean(change.issuedBy());
        }
        directive.updatedAt = clock.instant();
        directives.flush();
        directives.touchArticlesCiting(directive.id, directive.updatedAt);
        return DirectiveView.of(directive, directives.articleCounts(List.of(directive.id)).getOrDefault(directive.id, 0L));
    }

    /** By any spelling of the code, the slug included. */
    @Transactional
    public Optional<DirectiveView> find(String codeOrSlug) {
        return DirectiveCode.parse(codeOrSlug)
                .flatMap(code -> directives.findBySlug(code.slug()))
                .map(directive -> DirectiveView.of(directive,
                        directives.articleCounts(List.of(directive.id)).getOrDefault(directive.id, 0L)));
    }
}
