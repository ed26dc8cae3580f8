package vn.tincoso.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.tincoso.organisations.Level;
import vn.tincoso.text.VietnameseText;

/**
 * Finds the units a text names ("Đảng ủy phường Mỹ Đình 1", "Ban Thường vụ Quận uỷ Hai Bà Trưng",
 * "Chi bộ tổ dân phố số 7, Đảng bộ phường Ngọc Lâm") and which of them held the event: the first one, in
 * the title and then the first paragraph, that a verb of organising follows ("tổ chức", "sơ kết", …) and
 * that is not only locating another ("… thuộc quận Hai Bà Trưng"); failing that, the first one named. Patterns run on folded text, so "Quận uỷ" and "Quận ủy" are one.
 */
public final class OrganisationDetector {

    /**
     * A unit named in the text.
     *
     * @param kind   the unit's type as its name begins: "Phường", "Quận", "Thành phố", "Tổ dân phố"
     * @param words  the proper name, word by word ("Mỹ", "Đình", "1"), or the group's number
     * @param parent for a group, the ward named right after it ("…, Đảng bộ phường Ngọc Lâm")
     */
    public record Mention(Level level, String kind, List<String> words, Span span, Mention parent) {

        /** The full name: "Phường Mỹ Đình 1", "Tổ dân phố số 7". */
        public String name() {
            return level == Level.GROUP ? kind + " số " + words.get(0) : kind + " " + String.join(" ", words);
        }

        /** Shorter names to try when the full one is unknown (an all-caps title runs on past the name). */
        public List<String> namesLongestFirst() {
            if (level == Level.GROUP) {
                return List.of(name());
            }
            List<String> names = new ArrayList<>();
            for (int n = words.size(); n >= 1; n--) {
                names.add(kind + " " + String.join(" ", words.subList(0, n)));
            }
            return names;
        }
    }

    /** What the text says about who held the event: the organiser and every unit named. */
    public record Detection(Optional<Mention> organiser, List<Mention> mentions) {
    }

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("phuong", new Kind(Level.WARD, "Phường")), Map.entry("xa", new Kind(Level.WARD, "Xã")),
            Map.entry("thi tran", new Kind(Level.WARD, "Thị trấn")),
            Map.entry("quan", new Kind(Level.DISTRICT, "Quận")), Map.entry("quan uy", new Kind(Level.DISTRICT, "Quận")),
            Map.entry("huyen", new Kind(Level.DISTRICT, "Huyện")), Map.entry("huyen uy", new Kind(Level.DISTRICT, "Huyện")),
            Map.entry("thi xa", new Kind(Level.DISTRICT, "Thị xã")), Map.entry("thi uy", new Kind(Level.DISTRICT, "Thị xã")),
            Map.entry("thanh pho", new Kind(Level.CITY, "Thành phố")), Map.entry("thanh uy", new Kind(Level.CITY, "Thành phố")),
            Map.entry("tinh", new Kind(Level.CITY, "Tỉnh")), Map.entry("tinh uy", new Kind(Level.CITY, "Tỉnh")),
            Map.entry("to dan pho", new Kind(Level.GROUP, "Tổ dân phố")), Map.entry("khu dan cu", new Kind(Level.GROUP, "Khu dân cư")),
            Map.entry("khu pho", new Kind(Level.GROUP, "Khu phố")));

    private record Kind(Level level, String label) {
    }

    // Longest alternatives first: "quan uy" before "quan", "thi tran" before "thi xa".
    private static final Pattern UNIT = Pattern.compile(
            "(?<![\\p{L}\\d])(quan uy|huyen uy|thi uy|thanh uy|tinh uy|thi tran|thi xa|thanh pho|to dan pho|khu dan cu|khu pho"
                    + "|phuong|xa|quan|huyen|tinh)\\s+");
    private static final Pattern GROUP_NUMBER = Pattern.compile("(?:so\\s*)?(\\d{1,3}[a-z]?)(?![\\p{L}\\d])");
    private static final Pattern PROPER_NAME = Pattern.compile(
            "(?:[\\p{Lu}\\p{Lt}][\\p{L}]*|\\d{1,3}[A-Z]?)(?:[ ](?:[\\p{Lu}\\p{Lt}][\\p{L}]*|\\d{1,3}[A-Z]?))*");
    private static final Pattern ORGANISING = Pattern.compile(
            "\\s*(?:,\\s*)?(?:(?:da|vua|se|long trong|chinh thuc|phoi hop|cung)\\s+)*"
                    + "(?:to chuc|so ket|tong ket|trien khai|hop|ra quan|phat dong|khai mac|be mac|quan triet|hoc tap|gap mat"
                    + "|ky niem|thuc hien|ban hanh|kiem tra|giam sat|trao|tham hoi|tiep|phat dong|khanh thanh|ra mat|dang cai)(?![\\p{L}])");
    /** "phường Hoa Sen thuộc quận Hai Bà Trưng": the district only says where the ward is. */
    private static final Pattern LOCATOR = Pattern.compile("(?:thuoc|cua)\\s+$");
    private static final int PARENT_WINDOW = 60;

    private OrganisationDetector() {
    }

    /** @param regions the title first, then the body paragraphs (as {@link ParsedArticle#content()}) */
    public static Detection detect(String text, List<Span> regions) {
        String folded = VietnameseText.foldKeepingOffsets(text);
        List<Mention> mentions = new ArrayList<>();
        for (Span region : regions) {
            List<Mention> inRegion = new ArrayList<>();
            Matcher unit = UNIT.matcher(folded).region(region.start(), region.end());
            while (unit.find()) {
                mention(text, folded, unit, region.end()).ifPresent(inRegion::add);
            }
            mentions.addAll(withParents(inRegion));
        }
        return new Detection(organiser(text, folded, mentions, regions), mentions);
    }

    private static Optional<Mention> mention(String text, String folded, Matcher unit, int limit) {
        Kind kind = KINDS.get(unit.group(1));
        int nameStart = unit.end();
        if (kind.level() == Level.GROUP) {
            Matcher number = GROUP_NUMBER.matcher(folded).region(nameStart, limit);
            if (!number.lookingAt()) {
                return Optional.empty();
            }
            return Optional.of(new Mention(Level.GROUP, kind.label(), List.of(text.substring(number.start(1), number.end(1))),
                    Span.of(text, unit.start(), number.end()), null));
        }
        Matcher name = PROPER_NAME.matcher(text).region(nameStart, limit);
        if (!name.lookingAt()) {
            return Optional.empty();
        }
        List<String> words = List.of(name.group().split(" "));
        return Optional.of(new Mention(kind.level(), kind.label(), words, Span.of(text, unit.start(), name.end()), null));
    }

    /** A group's parent is the ward named right after it, as in "Chi bộ tổ dân phố số 7, Đảng bộ phường Ngọc Lâm". */
    private static List<Mention> withParents(List<Mention> mentions) {
        List<Mention> linked = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            Mention mention = mentions.get(i);
            if (mention.level() == Level.GROUP && i + 1 < mentions.size()) {
                Mention next = mentions.get(i + 1);
                if (next.level() == Level.WARD && next.span().start() - mention.span().end() <= PARENT_WINDOW) {
                    mention = new Mention(mention.level(), mention.kind(), mention.words(), mention.span(), next);
                }
            }
            linked.add(mention);
        }
        return linked;
    }

    private static Optional<Mention> organiser(String text, String folded, List<Mention> mentions, List<Span> regions) {
        int firstTwoRegionsEnd = regions.size() > 1 ? regions.get(1).end() : regions.isEmpty() ? 0 : regions.get(0).end();
        for (Mention mention : mentions) {
            if (mention.span().start() >= firstTwoRegionsEnd) {
                break;
            }
            if (LOCATOR.matcher(folded.substring(Math.max(0, mention.span().start() - 12), mention.span().start())).find()) {
                continue;
            }
            int after = mention.parent() != null ? mention.parent().span().end() : mention.span().end();
            if (ORGANISING.matcher(folded).region(after, text.length()).lookingAt()) {
                return Optional.of(mention);
            }
        }
        return mentions.stream().findFirst();
    }
}
