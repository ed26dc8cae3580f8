package vn.tincoso.ingest;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.tincoso.organisations.Level;
import vn.tincoso.organisations.Organisation;
import vn.tincoso.organisations.OrganisationRepository;
import vn.tincoso.organisations.OrganisationService;
import vn.tincoso.text.VietnameseText;

/**
 * Matches a detected unit to the organisation tree, regardless of diacritics, case and tone placement,
 * and creates it under the right parent when it is new: a ward under the district the text names (or the
 * gazetteer knows), a group under its ward.
 */
@ApplicationScoped
public class OrganisationResolver {

    /** The unit an article is tagged with, and whether this import created it. */
    public record Resolved(Organisation organisation, boolean created, Span span) {
    }

    private final OrganisationRepository organisations;
    private final OrganisationService organisationService;

    OrganisationResolver(OrganisationRepository organisations, OrganisationService organisationService) {
        this.organisations = organisations;
        this.organisationService = organisationService;
    }

    /** Empty when the unit is ambiguous, or new with no parent the text names. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Resolved> resolve(OrganisationDetector.Mention mention, List<OrganisationDetector.Mention> context) {
        Optional<Organisation> known = find(mention, context);
        if (known.isPresent()) {
            return Optional.of(new Resolved(known.get(), false, mention.span()));
        }
        return parentOf(mention, context).map(parent -> {
            String name = mention.name();
            String slug = mention.level() == Level.GROUP
                    ? VietnameseText.slugify(name + " " + parent.name)
                    : VietnameseText.slugify(name);
            Optional<Organisation> sameSlug = organisations.findBySlug(slug);
            if (sameSlug.isPresent()) {
                return new Resolved(sameSlug.get(), false, mention.span());
            }
            return new Resolved(organisationService.register(slug, name, mention.level(), parent.slug), true, mention.span());
        }).or(() -> mention.level() == Level.CITY
                ? Optional.of(new Resolved(organisationService.register(VietnameseText.slugify(mention.name()),
                        mention.name(), Level.CITY, null), true, mention.span()))
                : Optional.empty());
    }

    /** The unit by name; several of that name are told apart by an ancestor the text also names. */
    private Optional<Organisation> find(OrganisationDetector.Mention mention, List<OrganisationDetector.Mention> context) {
        if (mention.level() == Level.GROUP) {
            return mention.parent() == null ? Optional.empty()
                    : find(mention.parent(), context).flatMap(ward ->
                            organisations.findBySlug(VietnameseText.slugify(mention.name() + " " + ward.name)));
        }
        Set<String> named = context.stream().map(other -> VietnameseText.fold(other.name())).collect(Collectors.toSet());
        for (String name : mention.namesLongestFirst()) {
            List<Organisation> candidates = organisations.findByNameKey(VietnameseText.fold(name), mention.level());
            if (candidates.size() == 1) {
                return Optional.of(candidates.get(0));
            }
            if (candidates.size() > 1) {
                List<Organisation> placed = candidates.stream()
                        .filter(candidate -> organisations.chainOf(candidate.id).stream().skip(1)
                                .anyMatch(ancestor -> named.contains(VietnameseText.fold(ancestor.name))))
                        .toList();
                return placed.size() == 1 ? Optional.of(placed.get(0)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The unit one level up that the text names: a group's ward, a ward's district, a district's city. */
    private Optional<Organisation> parentOf(OrganisationDetector.Mention mention, List<OrganisationDetector.Mention> context) {
        if (mention.level() == Level.GROUP) {
            return mention.parent() == null ? Optional.empty() : resolve(mention.parent(), context).map(Resolved::organisation);
        }
        Level above = switch (mention.level()) {
            case WARD -> Level.DISTRICT;
            case DISTRICT -> Level.CITY;
            default -> null;
        };
        return context.stream().filter(other -> other.level() == above).findFirst()
                .flatMap(other -> find(other, context));
    }
}
