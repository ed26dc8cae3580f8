package vn.tincoso.directives;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.tincoso.text.VietnameseText;

/** The registry of directives: finds a code's entry, creating it on first mention. */
@ApplicationScoped
public class DirectiveRegistry {

    private final DirectiveRepository directives;
    private final Clock clock;

    DirectiveRegistry(DirectiveRepository directives, Clock clock) {
        this.directives = directives;
        this.clock = clock;
    }

    /**
     * The directive for this code, created when new. An issue date or title it lacks is filled in from
     * the mention; what the registry already has is never overwritten by a mention.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Directive register(DirectiveCode code, LocalDate issuedOn, String title) {
        Instant now = clock.instant();
        Directive directive = directives.findBySlug(code.slug()).orElseGet(() -> {
            Directive created = new Directive();
            created.code = code.code();
            created.slug = code.slug();
            created.number = code.number();
            created.year = code.year();
            created.docType = code.type().code();
            created.issuer = code.issuer().code();
            created.createdAt = now;
            created.updatedAt = now;
            directives.persist(created);
            return created;
        });
        if (directive.issuedOn == null && issuedOn != null) {
            directive.issuedOn = issuedOn;
            directive.updatedAt = now;
        }
        if (directive.title == null && title != null && !title.isBlank()) {
            directive.title = VietnameseText.clean(title);
            directive.updatedAt = now;
        }
        return directive;
    }
}
