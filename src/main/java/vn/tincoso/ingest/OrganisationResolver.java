package vn.tincoso.ingest;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.tincoso.articles.Article;
import vn.tincoso.articles.ArticleCandidateBuilder;
import vn.tincoso.articles.OrganisingBody;
import vn.tincoso.organisations.Level;
import vn.tincoso.organisations.Organisation;
import vn.tincoso.organisations.OrganisationRepository;
import vn.tincoso.organisations.OrganisationService;
import vn.tincoso.text.VietnameseText;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * Places the organiser a text names in the tree. Among units of that name it keeps those in force on the article's
 * date (or, if none is, the others: a portal may still print an old name), then tells them apart by what else the
 * text names (a province, a district), by the page's address (portals of wards and districts are named after them),
 * and by the exact spelling; a group below a commune is found, or created, under the commune the text names with it.
 * When that leaves no unit or more than one, the article is not placed: it waits for review with its candidates.
 */
@ApplicationScoped
public class OrganisationResolver {

    /**
     * Where the article goes: a unit, or (unit empty) review with the candidates and the reason.
     *
     * @param created  whether placing it added a group to the tree
     * @param span     where the text names the unit
     * @param bodySpan where the text names its body; null when it names none
     */
    @RecordBuilder
    public record Placement(Optional<Organisation> unit, boolean created, Span span, OrganisingBody body, Span bodySpan,
            Article.Review review) {

        /** A unit that was in the tree, named where {@code span} says (null when the text does not name it). */
        static Placement at(Organisation unit, Span span, OrganisingBody body, Span bodySpan) {
            return OrganisationResolverPlacementBuilder.builder()
                    .unit(Optional.of(unit)).span(span).body(body).bodySpan(bodySpan).build();
        }

        /** A group this import added to the tree. */
        static Placement added(Organisation group, Span span, OrganisingBody body, Span bodySpan) {
            return OrganisationResolverPlacementBuilder.from(at(group, span, body, bodySpan)).withCreated(true);
        }

        static Placement review(String reason, List<Article.Candidate> candidates, OrganisingBody body, Span bodySpan) {
            return OrganisationResolverPlacementBuilder.builder()
                    .unit(Optional.empty()).body(body).bodySpan(bodySpan).review(new Article.Review(reason, candidates)).build();
        }
    }

    private static final int MAX_CANDIDATES = 10;
    /** Shorter names of units in an address would match anything ("an", "hoa"). */
    private static final int SHORTEST_ADDRESS_NAME = 4;

    private final OrganisationRepository organisations;
    private final OrganisationService organisationService;
    private final GazetteerIndex gazetteer;

    OrganisationResolver(OrganisationRepository organisations, OrganisationService organisationService, GazetteerIndex gazetteer) {
        this.organisations = organisations;
        this.organisationService = organisationService;
        this.gazetteer = gazetteer;
    }

    /** The index of unit names, for the detector. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UnitIndex index() {
        return gazetteer.current();
    }

    /**
     * @param on        the day the article is about (its publication, else the event's date); null when the text gives none
     * @param sourceUrl the page it was read from, or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Placement place(OrganisationDetector.Detection detection, LocalDate on, String sourceUrl) {
        UnitIndex index = gazetteer.current();
        Context context = new Context(detection.named(), addressWords(sourceUrl), index);
        Optional<OrganisationDetector.Organiser> found = detection.organiser();
        if (found.isEmpty()) {
            OrganisationDetector.Body body = detection.firstBody().orElse(new OrganisationDetector.Body(OrganisingBody.OTHER, null));
            return namedByAddress(on, context)
                    .map(unit -> Placement.at(organisations.findById(unit.id()), null, body.body(), body.span()))
                    .orElseGet(() -> Placement.review("the text names no unit that held the event, nor does its address",
                            candidates(detection.named(), index), body.body(), body.span()));
        }
        OrganisationDetector.Organiser organiser = found.get();
        if (organiser.unit().isEmpty()) {
            Optional<UnitIndex.Known> commune = namedByAddress(on, context).filter(unit -> unit.level() == Level.WARD);
            if (commune.isPresent()) {
                return group(organiser, organisations.findById(commune.get().id()));
            }
            String group = organiser.group().map(OrganisationDetector.Group::name).orElse("?");
            return Placement.review("'" + group + "' is named without the commune it belongs to", candidates(detection.named(), index),
                    organiser.body(), organiser.bodySpan());
        }
        UnitIndex.Match match = organiser.unit().get();
        List<UnitIndex.Known> chosen = choose(match, on, context);
        if (chosen.size() != 1) {
            String reason = chosen.isEmpty() ? "no unit of that name" : chosen.size() + " units share the name '" + match.span().text()
                    + "' and nothing in the text or its address tells them apart";
            return Placement.review(reason, chosen.stream().limit(MAX_CANDIDATES).map(unit -> candidate(unit, match.span())).toList(),
                    organiser.body(), organiser.bodySpan());
        }
        Organisation unit = organisations.findById(chosen.get(0).id());
        if (organiser.group().isPresent()) {
            if (unit.level != Level.WARD) {
                return Placement.review("'" + organiser.group().get().name() + "' is named with '" + unit.name + "', which is no commune",
                        List.of(candidate(chosen.get(0), match.span())), organiser.body(), organiser.bodySpan());
            }
            return group(organiser, unit);
        }
        return Placement.at(unit, match.span(), organiser.body(), organiser.bodySpan());
    }

    /**
     * The unit the page's address names when the text names none ("Đảng ủy phường tổ chức …" on phuongnghiado.hanoi.gov.vn):
     * of the most local units its parts name, the one the date and the rest of the address single out.
     */
    private static Optional<UnitIndex.Known> namedByAddress(LocalDate on, Context context) {
        List<UnitIndex.Known> named = context.address().stream().flatMap(word -> context.index().namedByAddress(word).stream())
                .distinct().toList();
        Optional<Level> mostLocal = named.stream().map(UnitIndex.Known::level).max(Comparator.naturalOrder());
        List<UnitIndex.Known> local = named.stream().filter(unit -> mostLocal.get() == unit.level()).toList();
        List<UnitIndex.Known> chosen = local.isEmpty() ? local : choose(local, "", on, context, Set.of());
        return chosen.size() == 1 ? Optional.of(chosen.get(0)) : Optional.empty();
    }

    /** The group under its commune, created there when the tree does not have it yet. */
    private Placement group(OrganisationDetector.Organiser organiser, Organisation commune) {
        OrganisationDetector.Group group = organiser.group().orElseThrow();
        // The commune's slug is unique where its name is not (an old and a new Phường Ngọc Hà).
        String slug = VietnameseText.slugify(group.name()) + "-" + commune.slug;
        Optional<Organisation> known = organisations.findBySlug(slug);
        Organisation unit = known.orElseGet(() -> organisationService.register(slug, group.name(), Level.GROUP, commune.slug));
        return known.isPresent() ? Placement.at(unit, group.span(), organiser.body(), organiser.bodySpan())
                : Placement.added(unit, group.span(), organiser.body(), organiser.bodySpan());
    }

    /** What the text names besides the organiser, and the words of its address. */
    private record Context(List<UnitIndex.Match> named, Set<String> address, UnitIndex index) {

        /** Units the text names elsewhere: a name never vouches for one of its own candidates ("Thành ủy Huế"). */
        Set<Long> namedIdsBesides(UnitIndex.Match organiser) {
            return named.stream().filter(match -> !match.units().equals(organiser.units()))
                    .flatMap(match -> match.units().stream()).map(UnitIndex.Known::id).collect(Collectors.toSet());
        }
    }

    /** The units of that name the article most likely means: one, or the tied best, or none. */
    static List<UnitIndex.Known> choose(UnitIndex.Match match, LocalDate on, Context context) {
        return choose(match.units(), spelling(match), on, context, context.namedIdsBesides(match));
    }

    /**
     * @param spelled the proper name as the text spells it (tone key), "" when not spelled
     * @param named   the units the text names besides these
     */
    private static List<UnitIndex.Known> choose(List<UnitIndex.Known> units, String spelled, LocalDate on, Context context, Set<Long> named) {
        List<UnitIndex.Known> inForce = on == null ? units : units.stream().filter(unit -> unit.validOn(on)).toList();
        List<UnitIndex.Known> candidates = inForce.isEmpty() ? units : inForce;
        if (candidates.size() <= 1) {
            return candidates;
        }
        LocalDate today = LocalDate.now(vn.tincoso.config.VietnamTime.ZONE);
        Map<UnitIndex.Known, Double> scores = candidates.stream().collect(Collectors.toMap(unit -> unit, unit -> {
            double score = 0;
            int generation = 0;
            for (Long ancestor = unit.parentId(); ancestor != null; ancestor = context.index().unit(ancestor).parentId()) {
                generation++;
                if (named.contains(ancestor)) {
                    score += generation == 1 ? 3 : 2;
                }
                if (inAddress(context.index().unit(ancestor), context.address())) {
                    score += 2;
                }
            }
            if (inAddress(unit, context.address())) {
                score += 2;
            }
            if (on == null && unit.validOn(today)) {
                score += 0.5; // an undated text is most likely about the map in force now
            }
            if (VietnameseText.toneKey(properName(unit.name(), kindWords(unit))).equals(spelled)) {
                score += 0.25; // "Thạnh An" and "Thanh An" fold alike, but are written apart
            }
            return score;
        }));
        double best = scores.values().stream().max(Double::compare).orElse(0.0);
        List<UnitIndex.Known> top = candidates.stream().filter(unit -> scores.get(unit) == best).sorted(Comparator.comparing(UnitIndex.Known::slug)).toList();
        return best > 0 ? top : candidates;
    }

    /** The proper name as the text spells it, after its kind's words. */
    private static String spelling(UnitIndex.Match match) {
        List<Tokens.Token> words = Tokens.of(match.span().text()).list();
        int kind = match.phrase().kindWords();
        if (words.size() <= kind) {
            return "";
        }
        return VietnameseText.toneKey(match.span().text().substring(words.get(kind).start()));
    }

    private static String properName(String name, int kindWords) {
        List<Tokens.Token> words = Tokens.of(name).list();
        return words.size() <= kindWords ? name : name.substring(words.get(kindWords).start());
    }

    /** Whether the unit's name, without its kind and spaces, is part of a word of the address ("namtuliem" in "quannamtuliem"). */
    private static boolean inAddress(UnitIndex.Known unit, Set<String> address) {
        if (address.isEmpty()) {
            return false;
        }
        List<String> words = Tokens.words(unit.name());
        String compact = String.join("", words.subList(Math.min(kindWords(unit), words.size()), words.size()));
        return compact.length() >= SHORTEST_ADDRESS_NAME && address.stream().anyMatch(word -> word.contains(compact));
    }

    private static int kindWords(UnitIndex.Known unit) {
        return unit.kind().split(" ").length - (unit.kind().equals("thành phố thuộc tỉnh") ? 2 : 0);
    }

    /** The host's labels and the path's segments, folded, without separators: "quannamtuliem", "hanoi", "tintuc". */
    static Set<String> addressWords(String sourceUrl) {
        Set<String> words = new HashSet<>();
        if (sourceUrl == null) {
            return words;
        }
        try {
            URI uri = URI.create(sourceUrl);
            List<String> parts = new ArrayList<>();
            if (uri.getHost() != null) {
                parts.addAll(List.of(uri.getHost().split("\\.")));
            }
            if (uri.getPath() != null) {
                parts.addAll(List.of(uri.getPath().split("/")));
            }
            for (String part : parts) {
                String compact = VietnameseText.fold(part).replaceAll("[^a-z0-9]", "");
                if (compact.length() >= SHORTEST_ADDRESS_NAME && !List.of("www", "gov", "http", "https", "html", "portal").contains(compact)) {
                    words.add(compact.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IllegalArgumentException e) {
            return words;
        }
        return words;
    }

    /** Units the text names, for review: the first few, each once. */
    private static List<Article.Candidate> candidates(List<UnitIndex.Match> named, UnitIndex index) {
        List<Article.Candidate> candidates = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (UnitIndex.Match match : named) {
            for (UnitIndex.Known unit : match.units()) {
                if (!match.phrase().bare() && seen.add(unit.id()) && candidates.size() < MAX_CANDIDATES) {
                    candidates.add(candidate(unit, match.span()));
                }
            }
        }
        return candidates;
    }

    private static Article.Candidate candidate(UnitIndex.Known unit, Span span) {
        return ArticleCandidateBuilder.builder()
                .slug(unit.slug()).name(unit.name()).level(unit.level().code()).kind(unit.kind())
                .start(span.start()).end(span.end()).text(span.text())
                .build();
    }
}
