package vn.tincoso.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.tincoso.articles.OrganisingBody;
import vn.tincoso.organisations.Level;
import vn.tincoso.text.VietnameseText;

/**
 * Finds who held the event a text reports: the unit (a territory of the tree, or a group below a commune) and its
 * body (the Party committee, the People's Committee …). Units are the names the {@link UnitIndex} knows; the
 * organiser is the first of them, in the title and then the first paragraphs, that a body's name precedes ("Đảng ủy
 * phường Mỹ Đình 1", "UBND xã Tân Tiến", "Quận ủy Hai Bà Trưng") or a verb of organising follows ("… tổ chức", "sơ
 * kết"), and that does not merely say where another is ("… thuộc quận Hai Bà Trưng"); failing that, the first named
 * that does not (a text that only locates an unknown unit in a known one has no organiser: it needs review).
 * Nothing is invented: units at commune level and above come from the index only; a group is read only as a kind
 * and a number or a capitalised name ("tổ dân phố số 7", "thôn Đông Hạ").
 */
public final class OrganisationDetector {

    /**
     * A group below a commune the text names: "Tổ dân phố số 7", "Thôn Đông Hạ", "Chi bộ số 5".
     *
     * @param commune the commune named right after it ("…, Đảng bộ phường Ngọc Lâm"), if any
     */
    public record Group(String name, Span span, Optional<UnitIndex.Match> commune) {
    }

    /**
     * Who held the event.
     *
     * @param unit     the unit named, or for a group the commune it belongs to (when the text names it)
     * @param group    the group below the commune that held it, if any
     * @param bodySpan where the body is named; null when no body is named
     */
    public record Organiser(Optional<UnitIndex.Match> unit, Optional<Group> group, OrganisingBody body, Span bodySpan) {
    }

    /**
     * What the text says: the organiser, every unit named anywhere (headers included) for context, and the first body
     * its title and first paragraphs name (the body of a text that names no unit: "Đảng ủy phường tổ chức …").
     */
    public record Detection(Optional<Organiser> organiser, List<UnitIndex.Match> named, Optional<Body> firstBody) {
    }

    /** A body the text names, and where. */
    public record Body(OrganisingBody body, Span span) {
    }

    /** Names of bodies, as the words before a unit's name: "Đảng ủy", "UBND", "Ủy ban MTTQ Việt Nam" … */
    private static final Map<String, OrganisingBody> BODIES = Map.ofEntries(
            Map.entry("dang uy", OrganisingBody.PARTY), Map.entry("dang bo", OrganisingBody.PARTY),
            Map.entry("ban thuong vu", OrganisingBody.PARTY), Map.entry("ban chap hanh", OrganisingBody.PARTY),
            Map.entry("btv", OrganisingBody.PARTY), Map.entry("bch", OrganisingBody.PARTY), Map.entry("chi bo", OrganisingBody.PARTY),
            Map.entry("cap uy", OrganisingBody.PARTY), Map.entry("thuong truc", OrganisingBody.PARTY),
            Map.entry("tinh uy", OrganisingBody.PARTY), Map.entry("thanh uy", OrganisingBody.PARTY), Map.entry("quan uy", OrganisingBody.PARTY),
            Map.entry("huyen uy", OrganisingBody.PARTY), Map.entry("thi uy", OrganisingBody.PARTY),
            Map.entry("bo chinh tri", OrganisingBody.PARTY), Map.entry("ban bi thu", OrganisingBody.PARTY),
            Map.entry("ban tuyen giao", OrganisingBody.PARTY), Map.entry("ban to chuc", OrganisingBody.PARTY),
            Map.entry("ban dan van", OrganisingBody.PARTY), Map.entry("uy ban kiem tra", OrganisingBody.PARTY),
            Map.entry("ubkt", OrganisingBody.PARTY), Map.entry("dang uy khoi", OrganisingBody.PARTY),
            Map.entry("uy ban nhan dan", OrganisingBody.GOVERNMENT), Map.entry("ubnd", OrganisingBody.GOVERNMENT),
            Map.entry("hoi dong nhan dan", OrganisingBody.COUNCIL), Map.entry("hdnd", OrganisingBody.COUNCIL),
            Map.entry("uy ban mat tran to quoc", OrganisingBody.FRONT), Map.entry("mat tran to quoc", OrganisingBody.FRONT),
            Map.entry("uy ban mttq", OrganisingBody.FRONT), Map.entry("mttq", OrganisingBody.FRONT),
            Map.entry("doan thanh nien", OrganisingBody.FRONT), Map.entry("doan tncs", OrganisingBody.FRONT),
            Map.entry("doan tn", OrganisingBody.FRONT), Map.entry("doan", OrganisingBody.FRONT),
            Map.entry("tinh doan", OrganisingBody.FRONT), Map.entry("thanh doan", OrganisingBody.FRONT),
            Map.entry("quan doan", OrganisingBody.FRONT), Map.entry("huyen doan", OrganisingBody.FRONT),
            Map.entry("thi doan", OrganisingBody.FRONT), Map.entry("ban cong tac mat tran", OrganisingBody.FRONT),
            Map.entry("ban chap hanh doan", OrganisingBody.FRONT), Map.entry("bch doan", OrganisingBody.FRONT),
            Map.entry("ban thuong vu doan", OrganisingBody.FRONT), Map.entry("btv doan", OrganisingBody.FRONT),
            Map.entry("hoi lien hiep phu nu", OrganisingBody.FRONT),
            Map.entry("hoi lhpn", OrganisingBody.FRONT), Map.entry("hoi phu nu", OrganisingBody.FRONT),
            Map.entry("hoi cuu chien binh", OrganisingBody.FRONT), Map.entry("hoi ccb", OrganisingBody.FRONT),
            Map.entry("hoi nong dan", OrganisingBody.FRONT), Map.entry("cong doan", OrganisingBody.FRONT),
            Map.entry("lien doan lao dong", OrganisingBody.FRONT), Map.entry("hoi chu thap do", OrganisingBody.FRONT),
            Map.entry("hoi nguoi cao tuoi", OrganisingBody.FRONT), Map.entry("hoi khuyen hoc", OrganisingBody.FRONT),
            Map.entry("ban chi huy quan su", OrganisingBody.SECURITY), Map.entry("bchqs", OrganisingBody.SECURITY),
            Map.entry("ban chqs", OrganisingBody.SECURITY), Map.entry("cong an", OrganisingBody.SECURITY),
            Map.entry("bo doi bien phong", OrganisingBody.SECURITY), Map.entry("don bien phong", OrganisingBody.SECURITY),
            Map.entry("quan su", OrganisingBody.SECURITY));
    private static final int LONGEST_BODY = 5;
    /** Bodies named by a word that means other things too ("Đoàn kiểm tra", "đoàn đại biểu"): only right before a unit's name. */
    private static final List<String> ONLY_BEFORE_A_NAME = List.of("doan");
    /**
     * Words of an instruction or a document that, followed by "của", make the unit after them the one that instructs,
     * not the one that acts: "Thực hiện chỉ đạo của UBND huyện …", "Kế hoạch số 12/KH-UBND ngày 5/3 của UBND quận …".
     */
    private static final int INSTRUCTION_REACH = 120;
    private static final Pattern INSTRUCTED_BY = Pattern.compile(
            "\\b(?:chi dao|huong dan|ke hoach|cong van|van ban|quyet dinh|nghi quyet|chi thi|ket luan|thong bao|de an|chuong trinh"
                    + "|yeu cau|de nghi)\\b[^.;:\\n]{0,80}\\bcua\\s*$");
    /** Words that may stand between a body's name and its unit's: "Ủy ban MTTQ Việt Nam phường …", "HĐND huyện khóa XX". */
    private static final int BODY_GAP = 4;
    /** "… thuộc quận Hai Bà Trưng", "… của thành phố": the unit after these only locates another. */
    private static final List<String> LOCATORS = List.of("thuoc", "cua", "dia ban", "ve");
    private static final Pattern ORGANISING = Pattern.compile(
            "\\s*(?:[,(]\\s*)?(?:(?:da|vua|se|long trong|chinh thuc|phoi hop|cung|dong loat|nhiet liet)\\s+)*"
                    + "(?:to chuc|so ket|tong ket|trien khai|hop|ra quan|phat dong|khai mac|be mac|quan triet|hoc tap|gap mat"
                    + "|ky niem|thuc hien|ban hanh|kiem tra|giam sat|trao|tham hoi|tiep|khanh thanh|ra mat|dang cai|ky ket"
                    + "|lanh dao|chi dao|xay dung|danh gia|thong qua|bau|doi thoai|tuyen truyen|cong bo|khen thuong|ton vinh"
                    + "|chuc mung|phoi hop|vinh danh|phat dong|mo lop|khoi cong|gan bien)(?![\\p{L}])");
    /** A group: its kind, then a number ("số 7", "7", "7A") or a capitalised name. "bản" is matched on the original. */
    private static final Pattern GROUP = Pattern.compile(
            "(?<![\\p{L}\\d])(?:chi bo\\s+)?(to dan pho|tdp|khu dan cu|kdc|khu pho|to dan cu|thon|xom|ap|ban|to|chi bo)\\s+");
    private static final Pattern GROUP_NUMBER = Pattern.compile("(?:so\\s*)?(\\d{1,3}[a-z]?)(?![\\p{L}\\d])");
    private static final Pattern ROMAN = Pattern.compile("[IVXLC]+");
    private static final Map<String, String> GROUP_KINDS = Map.ofEntries(
            Map.entry("to dan pho", "Tổ dân phố"), Map.entry("tdp", "Tổ dân phố"), Map.entry("khu dan cu", "Khu dân cư"),
            Map.entry("kdc", "Khu dân cư"), Map.entry("khu pho", "Khu phố"), Map.entry("to dan cu", "Tổ dân cư"),
            Map.entry("thon", "Thôn"), Map.entry("xom", "Xóm"), Map.entry("ap", "Ấp"), Map.entry("ban", "Bản"),
            Map.entry("to", "Tổ"), Map.entry("chi bo", "Chi bộ"));
    /** Kinds whose groups are numbered only: "tổ 5", "chi bộ số 3" (a capitalised word after them is something else). */
    private static final List<String> NUMBERED_ONLY = List.of("to", "chi bo", "tdp", "to dan pho", "to dan cu");
    private static final int COMMUNE_WINDOW = 60;
    private static final int MAX_GROUP_NAME_WORDS = 3;

    private OrganisationDetector() {
    }

    /** @param regions the title first, then the body paragraphs (as {@link ParsedArticle#content()}); the first three are read */
    public static Detection detect(String text, List<Span> regions, UnitIndex index) {
        Tokens tokens = Tokens.of(text);
        String folded = VietnameseText.foldKeepingOffsets(text);
        List<UnitIndex.Match> named = index.find(tokens);
        List<Span> first = regions.subList(0, Math.min(3, regions.size()));
        Optional<Organiser> organiser = organiser(tokens, folded, named, first);
        // Only a text that names no organiser needs its first body (most name one: no scan for them).
        return new Detection(organiser, named, organiser.isPresent() ? Optional.empty() : firstBody(tokens, first));
    }

    /** The first body the regions name, the longest name where several start at one word. */
    private static Optional<Body> firstBody(Tokens tokens, List<Span> regions) {
        for (Span region : regions) {
            for (int from = tokens.indexAt(region.start()); from < tokens.size() && tokens.get(from).end() <= region.end(); from++) {
                for (int to = Math.min(tokens.size(), from + LONGEST_BODY); to > from; to--) {
                    String words = words(tokens, from, to);
                    if (BODIES.containsKey(words) && !ONLY_BEFORE_A_NAME.contains(words) && tokens.get(to - 1).end() <= region.end()) {
                        return Optional.of(new Body(BODIES.get(words), tokens.span(from, to)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A unit or group the text names in its first regions, in reading order. */
    private record Candidate(int start, UnitIndex.Match unit, Group group) {
        int end() {
            return unit != null ? unit.span().end() : group.commune().map(commune -> commune.span().end()).orElse(group.span().end());
        }
    }

    private static Optional<Organiser> organiser(Tokens tokens, String folded, List<UnitIndex.Match> named, List<Span> regions) {
        List<Candidate> first = new ArrayList<>();
        List<Candidate> mentions = new ArrayList<>();
        // The title and the first two paragraphs say who held the event; later ones say what was done.
        for (Span region : regions) {
            List<Candidate> inRegion = new ArrayList<>();
            named.stream().filter(match -> !match.phrase().bare() && within(match.span(), region))
                    .forEach(match -> inRegion.add(new Candidate(match.span().start(), match, null)));
            groups(tokens.text(), folded, region, named).forEach(group -> inRegion.add(new Candidate(group.span().start(), null, group)));
            inRegion.sort(java.util.Comparator.comparingInt(Candidate::start));
            mentions.addAll(inRegion);
            first.addAll(withoutGroupsCommunes(inRegion));
        }
        // Neither locating another unit nor instructing the one that acts; computed once for both passes below.
        List<Candidate> acting = first.stream()
                .filter(candidate -> !locating(tokens, candidate, first) && !instructing(tokens, folded, candidate)).toList();
        Optional<Candidate> chosen = acting.stream()
                .filter(candidate -> body(tokens, candidate).isPresent() || ORGANISING.matcher(folded).region(candidate.end(), folded.length()).lookingAt())
                .findFirst()
                .or(() -> acting.stream().findFirst())
                // The title and paragraphs name no unit ("Đảng ủy phường tổ chức …"): the portal's header lines do.
                .or(() -> first.isEmpty() ? named.stream().filter(match -> !match.phrase().bare()).findFirst()
                        .map(match -> new Candidate(match.span().start(), match, null)) : Optional.empty());
        return chosen.map(candidate -> {
            Optional<Body> body = body(tokens, candidate).or(() -> bodyElsewhere(tokens, candidate, mentions));
            return new Organiser(candidate.unit() != null ? Optional.of(candidate.unit()) : candidate.group().commune(),
                    Optional.ofNullable(candidate.group()), body.map(Body::body).orElse(OrganisingBody.OTHER),
                    body.map(Body::span).orElse(null));
        });
    }

    /** A group's commune is part of the group's mention, not a candidate of its own. */
    private static List<Candidate> withoutGroupsCommunes(List<Candidate> candidates) {
        List<Candidate> kept = new ArrayList<>();
        for (Candidate candidate : candidates) {
            boolean communeOfAGroup = candidate.unit() != null && kept.stream().anyMatch(other -> other.group() != null
                    && other.group().commune().filter(commune -> commune == candidate.unit()).isPresent());
            if (!communeOfAGroup) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    private static boolean within(Span span, Span region) {
        return span.start() >= region.start() && span.end() <= region.end();
    }

    /** The body named right before the candidate (or by its own words: "Quận ủy …"); a group's is its chi bộ or the body before it. */
    private static Optional<Body> body(Tokens tokens, Candidate candidate) {
        if (candidate.unit() != null && candidate.unit().phrase().body() != null) {
            UnitIndex.Match unit = candidate.unit();
            return Optional.of(new Body(unit.phrase().body(), tokens.span(unit.from(), unit.from() + unit.phrase().kindWords())));
        }
        int start = tokens.indexAt(candidate.start());
        if (candidate.group() != null && tokens.get(start).word().equals("chi") && start + 1 < tokens.size()
                && tokens.get(start + 1).word().equals("bo")) {
            return Optional.of(new Body(OrganisingBody.PARTY, tokens.span(start, start + 2)));
        }
        return bodyBefore(tokens, start);
    }

    /**
     * The nearest body's name ending at most {@link #BODY_GAP} words before word {@code start}, in the same sentence; of
     * bodies named together ("Đảng ủy, HĐND, UBND xã …", "Đảng ủy và UBND phường …") the first, as protocol names the
     * leading one first.
     */
    private static Optional<Body> bodyBefore(Tokens tokens, int start) {
        for (int end = start; end >= Math.max(0, start - BODY_GAP); end--) {
            Optional<Body> nearest = bodyEndingAt(tokens, end, start);
            if (nearest.isPresent()) {
                Body first = nearest.get();
                int from = tokens.indexAt(first.span().start());
                for (Optional<Body> earlier = listedBefore(tokens, from, start); earlier.isPresent(); earlier = listedBefore(tokens, from, start)) {
                    first = earlier.get();
                    from = tokens.indexAt(first.span().start());
                }
                return Optional.of(first);
            }
        }
        return Optional.empty();
    }

    /** A body whose name ends right before word {@code from} (or before an "và" there), listed with the one at {@code from}. */
    private static Optional<Body> listedBefore(Tokens tokens, int from, int start) {
        int end = from > 0 && tokens.get(from - 1).word().equals("va") ? from - 1 : from;
        return bodyEndingAt(tokens, end, start);
    }

    private static Optional<Body> bodyEndingAt(Tokens tokens, int end, int start) {
        for (int from = Math.max(0, end - LONGEST_BODY); from < end; from++) {
            String words = words(tokens, from, end);
            OrganisingBody body = BODIES.get(words);
            if (body != null && (end == start || !ONLY_BEFORE_A_NAME.contains(words) && !tokens.sentenceBreakBetween(end - 1, start))) {
                return Optional.of(new Body(body, tokens.span(from, end)));
            }
        }
        return Optional.empty();
    }

    /**
     * Else the body named before another mention of the same unit in the first regions ("Phường X sơ kết …", then
     * "Đảng ủy phường X …"), a group's commune included.
     */
    private static Optional<Body> bodyElsewhere(Tokens tokens, Candidate chosen, List<Candidate> mentions) {
        if (chosen.unit() == null) {
            return Optional.empty();
        }
        return mentions.stream().filter(other -> other.unit() != null && other != chosen && other.unit().units().equals(chosen.unit().units()))
                .map(other -> body(tokens, other)).flatMap(Optional::stream).findFirst();
    }

    private static String words(Tokens tokens, int from, int to) {
        StringBuilder words = new StringBuilder();
        for (int i = from; i < to; i++) {
            words.append(i == from ? "" : " ").append(tokens.get(i).word());
        }
        return words.toString();
    }

    /**
     * Whether the candidate only says where something is: after "thuộc", "của", "địa bàn" …, or right after another
     * unit's name that it qualifies ("phường Cái Khế, quận Ninh Kiều", "Phường 1, thành phố Đà Lạt").
     */
    private static boolean locating(Tokens tokens, Candidate candidate, List<Candidate> candidates) {
        boolean qualifies = candidates.stream().filter(other -> other != candidate && other.end() <= candidate.start())
                .anyMatch(other -> tokens.text().substring(other.end(), candidate.start()).matches("\\s*[,(–-]\\s*"));
        return qualifies || locatedByWord(tokens, candidate);
    }

    /** Whether the unit, with its body, is named as the one that instructs: "Thực hiện chỉ đạo của UBND huyện Gia Lâm, …". */
    private static boolean instructing(Tokens tokens, String folded, Candidate candidate) {
        int mention = body(tokens, candidate).map(named -> named.span().start()).orElse(candidate.start());
        return INSTRUCTED_BY.matcher(folded.substring(Math.max(0, mention - INSTRUCTION_REACH), mention)).find();
    }

    private static boolean locatedByWord(Tokens tokens, Candidate candidate) {
        int start = tokens.indexAt(candidate.start());
        for (String locator : LOCATORS) {
            int length = locator.split(" ").length;
            if (start - length >= 0 && words(tokens, start - length, start).equals(locator)) {
                return true;
            }
        }
        return false;
    }

    /** The groups a region names, each with the commune named right after it. */
    static List<Group> groups(String text, String folded, Span region, List<UnitIndex.Match> named) {
        List<Group> groups = new ArrayList<>();
        Matcher kind = GROUP.matcher(folded).region(region.start(), region.end());
        while (kind.find()) {
            String key = kind.group(1);
            if (key.equals("ban") && !text.regionMatches(true, kind.start(1), "bản", 0, 3)) {
                continue; // "Ban Thường vụ" is a committee, "bản Mường" a village
            }
            int nameStart = kind.end();
            String name = null;
            int end = -1;
            Matcher number = GROUP_NUMBER.matcher(folded).region(nameStart, region.end());
            if (number.lookingAt()) {
                name = GROUP_KINDS.get(key) + " số " + text.substring(number.start(1), number.end(1)).toUpperCase(java.util.Locale.ROOT);
                end = number.end();
            } else if (!NUMBERED_ONLY.contains(key)) {
                int[] words = properName(text, nameStart, region.end());
                if (words != null) {
                    name = GROUP_KINDS.get(key) + " " + text.substring(nameStart, words[1]);
                    end = words[1];
                }
            }
            if (name == null || startsAUnit(named, kind.start())) {
                continue;
            }
            int groupEnd = end;
            Optional<UnitIndex.Match> commune = named.stream()
                    .filter(match -> match.span().start() >= groupEnd && match.span().start() - groupEnd <= COMMUNE_WINDOW
                            && match.units().stream().anyMatch(unit -> unit.level() == Level.WARD))
                    .findFirst();
            groups.add(new Group(VietnameseText.clean(name), Span.of(text, kind.start(), end), commune));
        }
        return groups;
    }

    /** "Xã Tân Tiến" is a commune the index knows, not the group "Xóm …": a unit's name wins where both could start. */
    private static boolean startsAUnit(List<UnitIndex.Match> named, int offset) {
        return named.stream().anyMatch(match -> match.span().start() <= offset && match.span().end() > offset);
    }

    /** [start, end) of up to three capitalised words that are not a Roman numeral (a council's "khóa XII"). */
    private static int[] properName(String text, int from, int limit) {
        int position = from;
        int end = -1;
        for (int word = 0; word < MAX_GROUP_NAME_WORDS && position < limit; word++) {
            int wordEnd = position;
            while (wordEnd < limit && Character.isLetterOrDigit(text.charAt(wordEnd))) {
                wordEnd++;
            }
            if (wordEnd == position || !Character.isUpperCase(text.charAt(position)) || ROMAN.matcher(text.substring(position, wordEnd)).matches()) {
                break;
            }
            end = wordEnd;
            if (wordEnd >= limit || text.charAt(wordEnd) != ' ') {
                break;
            }
            position = wordEnd + 1;
        }
        return end < 0 ? null : new int[] {from, end};
    }
}
