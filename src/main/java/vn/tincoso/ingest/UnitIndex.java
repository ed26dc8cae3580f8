package vn.tincoso.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.tincoso.articles.OrganisingBody;
import vn.tincoso.organisations.Level;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * Every unit of the tree down to the communes, by the words a text names it with: its name ("phường Mỹ Đình 1"),
 * its kind abbreviated ("TP. Hải Phòng", "Q.3"), its Party or Youth Union committee ("Quận ủy Hai Bà Trưng",
 * "Thành đoàn Hà Nội") and, for provinces, the bare name ("Quảng Ninh"). The words are kept in a trie, so a text is
 * matched in one pass whatever the size of the tree: at each word, the longest name that starts there.
 */
public final class UnitIndex {

    /** A unit as the matcher knows it. */
    @RecordBuilder
    public record Known(long id, String slug, String name, String kind, Level level, Long parentId, LocalDate validFrom,
            LocalDate validTo) {

        public boolean validOn(LocalDate day) {
            return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
        }
    }

    /**
     * A way of naming units: the units so named, how many of its words are the kind ("phường", "Quận ủy"), the body
     * those words name (a Party committee for "Quận ủy"), and whether it is a bare name (context, never an organiser).
     */
    public record Phrase(List<Known> units, int kindWords, OrganisingBody body, boolean bare) {
    }

    /**
     * A name found in a text: words [from, to) of its {@link Tokens}.
     */
    public record Match(Phrase phrase, int from, int to, Span span) {

        public List<Known> units() {
            return phrase.units();
        }
    }

    /** The ways each kind is written before a name, and the body a committee's form names. */
    private record Form(String words, OrganisingBody body) {
    }

    private static final Map<String, List<Form>> FORMS = Map.ofEntries(
            Map.entry("tỉnh", List.of(new Form("tinh", null), new Form("tinh uy", OrganisingBody.PARTY),
                    new Form("tinh doan", OrganisingBody.FRONT))),
            Map.entry("thành phố", List.of(new Form("thanh pho", null), new Form("tp", null), new Form("thanh uy", OrganisingBody.PARTY),
                    new Form("thanh doan", OrganisingBody.FRONT))),
            Map.entry("thành phố thuộc tỉnh", List.of(new Form("thanh pho", null), new Form("tp", null),
                    new Form("thanh uy", OrganisingBody.PARTY), new Form("thanh doan", OrganisingBody.FRONT))),
            Map.entry("quận", List.of(new Form("quan", null), new Form("q", null), new Form("quan uy", OrganisingBody.PARTY),
                    new Form("quan doan", OrganisingBody.FRONT))),
            Map.entry("huyện", List.of(new Form("huyen", null), new Form("huyen uy", OrganisingBody.PARTY),
                    new Form("huyen doan", OrganisingBody.FRONT))),
            Map.entry("thị xã", List.of(new Form("thi xa", null), new Form("tx", null), new Form("thi uy", OrganisingBody.PARTY),
                    new Form("thi doan", OrganisingBody.FRONT))),
            Map.entry("phường", List.of(new Form("phuong", null), new Form("p", null))),
            Map.entry("xã", List.of(new Form("xa", null))),
            Map.entry("thị trấn", List.of(new Form("thi tran", null), new Form("tt", null))),
            Map.entry("đặc khu", List.of(new Form("dac khu", null))));
    /** Other names of provinces, written without a kind. */
    private static final Map<String, List<String>> ALIASES = Map.of(
            "thanh-pho-ho-chi-minh", List.of("tp hcm", "tphcm", "thanh pho hcm"));
    /** Bare province names that also name other things ("tư tưởng Hồ Chí Minh", "Đoàn TNCS Hồ Chí Minh"). */
    private static final List<String> NOT_BARE = List.of("ho chi minh");

    private final Node root = new Node();
    private final Map<Long, Known> byId = new HashMap<>();
    private final Map<String, List<Known>> byAddressName = new HashMap<>();

    private static final class Node {
        final Map<String, Node> next = new HashMap<>();
        final List<Phrase> phrases = new ArrayList<>();
    }

    public UnitIndex(Collection<Known> units) {
        Map<String, Map<OrganisingBody, List<Known>>> named = new HashMap<>();
        Map<String, Integer> kindWords = new HashMap<>();
        Map<String, List<Known>> bare = new HashMap<>();
        for (Known unit : units) {
            byId.put(unit.id(), unit);
            List<String> words = Tokens.words(unit.name());
            List<Form> forms = FORMS.get(unit.kind());
            if (forms == null) {
                continue;
            }
            int kindLength = forms.get(0).words().split(" ").length;
            List<String> name = words.subList(Math.min(kindLength, words.size()), words.size());
            if (name.isEmpty()) {
                continue;
            }
            for (Form form : forms) {
                String phrase = form.words() + " " + String.join(" ", name);
                named.computeIfAbsent(phrase, key -> new HashMap<>()).computeIfAbsent(form.body(), key -> new ArrayList<>()).add(unit);
                kindWords.put(phrase, form.words().split(" ").length);
            }
            byAddressName.computeIfAbsent(forms.get(0).words().replace(" ", "") + String.join("", name), key -> new ArrayList<>()).add(unit);
            if (unit.level() == Level.CITY && !NOT_BARE.contains(String.join(" ", name))) {
                bare.computeIfAbsent(String.join(" ", name), key -> new ArrayList<>()).add(unit);
            }
            for (String alias : ALIASES.getOrDefault(unit.slug(), List.of())) {
                named.computeIfAbsent(alias, key -> new HashMap<>()).computeIfAbsent(null, key -> new ArrayList<>()).add(unit);
                kindWords.put(alias, 0);
            }
        }
        named.forEach((phrase, byBody) -> byBody.forEach((body, known) ->
                add(phrase, new Phrase(List.copyOf(known), kindWords.get(phrase), body, false))));
        bare.forEach((phrase, known) -> add(phrase, new Phrase(List.copyOf(known), 0, null, true)));
    }

    private void add(String phrase, Phrase meaning) {
        Node node = root;
        for (String word : phrase.split(" ")) {
            node = node.next.computeIfAbsent(word, key -> new Node());
        }
        node.phrases.add(meaning);
    }

    public Known unit(long id) {
        return byId.get(id);
    }

    public Collection<Known> units() {
        return byId.values();
    }

    /** The units a part of a web address names, written as portals' hosts and paths write them: "phuongnghiado", "xa-bat-trang". */
    public List<Known> namedByAddress(String compactWord) {
        return byAddressName.getOrDefault(compactWord, List.of());
    }

    /**
     * Every name in the text: at each word the longest that starts there, whose proper name (after the kind words) is
     * capitalised as names are ("xã hội" is no commune), leaving out those inside a longer one.
     */
    public List<Match> find(Tokens tokens) {
        List<Match> found = new ArrayList<>();
        int coveredTo = 0;
        for (int start = 0; start < tokens.size(); start++) {
            Node node = root;
            List<Phrase> longest = null;
            int longestEnd = -1;
            for (int i = start; i < tokens.size(); i++) {
                node = node.next.get(tokens.get(i).word());
                if (node == null) {
                    break;
                }
                if (!node.phrases.isEmpty()) {
                    longest = node.phrases;
                    longestEnd = i + 1;
                }
            }
            if (longest == null || longestEnd <= coveredTo) {
                continue;
            }
            for (Phrase phrase : longest) {
                int firstNameWord = start + phrase.kindWords();
                if (firstNameWord < longestEnd && tokens.get(firstNameWord).capitalised() || phrase.kindWords() == 0 && !phrase.bare()) {
                    found.add(new Match(phrase, start, longestEnd, tokens.span(start, longestEnd)));
                    coveredTo = Math.max(coveredTo, longestEnd);
                }
            }
        }
        return found;
    }
}
