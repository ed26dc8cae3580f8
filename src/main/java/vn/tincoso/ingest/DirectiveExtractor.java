package vn.tincoso.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.tincoso.directives.DirectiveCode;
import vn.tincoso.directives.DocumentType;
import vn.tincoso.text.VietnameseText;

/**
 * Finds every directive a text cites: Party codes ("11-ĐA/TU", "35 - CT/TU", "19 –NQ/TU", "09 CT/TW"),
 * State codes ("30/2020/NĐ-CP", "202/2025/QH15"), the issue date and quoted title that follow a code, and bare mentions
 * ("Đề án số 11", "Chỉ thị 35") when the same text or the registry makes them unambiguous. Dates, phone
 * numbers and figures never become codes: a code needs a type and an issuer from the closed lists.
 * Patterns run on the text folded character by character, so every match is also a span of the original.
 */
public final class DirectiveExtractor {

    /** A directive the text cites, with every place it is cited and what the text says about it. */
    public record Found(DirectiveCode code, LocalDate issuedOn, String title, List<Span> spans) {
    }

    private static final String DASH = "[-\u2010-\u2015\u2212]";
    private static final Pattern STATE = Pattern.compile(
            "(?<![\\d/])\\d{1,4}\\s*/\\s*(?:19|20)\\d{2}\\s*/\\s*[a-z]{1,6}\\s*" + DASH + "\\s*[a-z]{1,8}\\d{0,2}(?![a-z\\d])");
    /** "202/2025/QH15", "35/2023/UBTVQH15": the National Assembly's laws and resolutions, numbered without a type. */
    private static final Pattern STATE_WITHOUT_TYPE = Pattern.compile(
            "(?<![\\d/])\\d{1,4}\\s*/\\s*(?:19|20)\\d{2}\\s*/\\s*(?:qh|ubtvqh)\\d{1,2}(?![a-z\\d])");
    /** "215/NQ-HĐND", "1234/NQ-UBTVQH15": a State document cited without its year. */
    private static final Pattern STATE_WITHOUT_YEAR = Pattern.compile(
            "(?<![\\p{L}\\d/.,])\\d{1,5}\\s*/\\s*[a-z]{1,6}\\s*" + DASH + "\\s*[a-z]{1,8}\\d{0,2}(?![a-z\\d/])");
    private static final Pattern PARTY = Pattern.compile(
            "(?<![\\p{L}\\d/.,])\\d{1,4}\\s*(?:" + DASH + "\\s*)?[a-z]{1,6}\\s*/\\s*[a-z]{1,8}(?![a-z\\d])");
    private static final Pattern ISSUE_DATE = Pattern.compile(
            "\\s*,?\\s*\\(?\\s*(?:ban hanh\\s+)?ngay\\s+(\\d{1,2})\\s*(?:/|\\s+thang\\s+)\\s*(\\d{1,2})\\s*(?:/|\\s+nam\\s+)\\s*(\\d{4})");
    private static final Pattern BARE = Pattern.compile(
            "(?<![\\p{L}])(de an|chi thi|nghi quyet|ket luan|huong dan|ke hoach|quyet dinh|quy dinh|chuong trinh|thong bao"
                    + "|nghi dinh|thong tu)\\s+(?:so\\s+)?(\\d{1,4})(?![\\d])(?!\\s*(?:" + DASH + "|/)\\s*[a-z\\d])");
    private static final Map<String, DocumentType> BARE_TYPES = Map.ofEntries(
            Map.entry("de an", DocumentType.DE_AN), Map.entry("chi thi", DocumentType.CHI_THI),
            Map.entry("nghi quyet", DocumentType.NGHI_QUYET), Map.entry("ket luan", DocumentType.KET_LUAN),
            Map.entry("huong dan", DocumentType.HUONG_DAN), Map.entry("ke hoach", DocumentType.KE_HOACH),
            Map.entry("quyet dinh", DocumentType.QUYET_DINH), Map.entry("quy dinh", DocumentType.QUY_DINH),
            Map.entry("chuong trinh", DocumentType.CHUONG_TRINH), Map.entry("thong bao", DocumentType.THONG_BAO),
            Map.entry("nghi dinh", DocumentType.NGHI_DINH), Map.entry("thong tu", DocumentType.THONG_TU));
    private static final int TITLE_WINDOW = 160;
    private static final String OPENING_QUOTES = "“\"«";
    private static final String CLOSING_QUOTES = "”\"»";

    private DirectiveExtractor() {
    }

    /**
     * @param regions  where to look (the article itself, not its headings or metadata)
     * @param registry the registered codes of a type and number, for bare mentions the text does not settle
     */
    public static List<Found> extract(String text, List<Span> regions,
            BiFunction<DocumentType, String, List<DirectiveCode>> registry) {
        String folded = VietnameseText.foldKeepingOffsets(text);
        Map<DirectiveCode, Builder> found = new LinkedHashMap<>();
        for (Span region : regions) {
            List<int[]> taken = new ArrayList<>();
            for (Pattern pattern : List.of(STATE, STATE_WITHOUT_TYPE, STATE_WITHOUT_YEAR, PARTY)) {
                Matcher m = pattern.matcher(folded).region(region.start(), region.end());
                while (m.find()) {
                    int start = m.start();
                    int end = m.end();
                    if (taken.stream().anyMatch(t -> start < t[1] && end > t[0])) {
                        continue;
                    }
                    Optional<DirectiveCode> code = DirectiveCode.parse(text.substring(start, end));
                    if (code.isPresent()) {
                        taken.add(new int[] {start, end});
                        Builder builder = found.computeIfAbsent(code.get(), Builder::new);
                        builder.spans.add(Span.of(text, start, end));
                        describe(builder, text, folded, end, region.end());
                    }
                }
            }
        }
        for (Span region : regions) {
            Matcher bare = BARE.matcher(folded).region(region.start(), region.end());
            while (bare.find()) {
                DocumentType type = BARE_TYPES.get(bare.group(1));
                String number = DirectiveCode.canonicalNumber(bare.group(2));
                if (number == null) {
                    continue;
                }
                resolve(type, number, found, registry).ifPresent(code ->
                        found.computeIfAbsent(code, Builder::new).spans.add(Span.of(text, bare.start(), bare.end())));
            }
        }
        return found.values().stream().map(Builder::build)
                .sorted(java.util.Comparator.comparingInt(f -> f.spans().get(0).start())).toList();
    }

    /** A bare "Đề án 11" is the one ĐA numbered 11 of this text, else of the registry; otherwise nothing. */
    private static Optional<DirectiveCode> resolve(DocumentType type, String number, Map<DirectiveCode, Builder> found,
            BiFunction<DocumentType, String, List<DirectiveCode>> registry) {
        List<DirectiveCode> inText = found.keySet().stream()
                .filter(code -> code.type() == type && code.number().equals(number)).toList();
        if (inText.size() == 1) {
            return Optional.of(inText.get(0));
        }
        if (!inText.isEmpty()) {
            return Optional.empty();
        }
        List<DirectiveCode> registered = registry.apply(type, number);
        return registered.size() == 1 ? Optional.of(registered.get(0)) : Optional.empty();
    }

    /** Reads the issue date and the quoted title that may follow a code, keeping the first seen of each. */
    private static void describe(Builder builder, String text, String folded, int from, int limit) {
        int position = from;
        Matcher date = ISSUE_DATE.matcher(folded).region(from, limit);
        if (date.lookingAt()) {
            position = date.end();
            if (builder.issuedOn == null) {
                builder.issuedOn = date(date.group(1), date.group(2), date.group(3));
            }
        }
        if (builder.title == null) {
            builder.title = quotedTitle(text, position, Math.min(limit, position + TITLE_WINDOW));
        }
    }

    /** The first quotation after {@code from}, unless a sentence or line ends before it. */
    private static String quotedTitle(String text, int from, int limit) {
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == ';' || c == '\n' || c == '!' || c == '?') {
                return null;
            }
            if (OPENING_QUOTES.indexOf(c) >= 0) {
                int close = indexOfAny(text, CLOSING_QUOTES, i + 1);
                if (close < 0 || close - i > 400) {
                    return null;
                }
                return titleCase(text.substring(i + 1, close));
            }
        }
        return null;
    }

    private static int indexOfAny(String text, String chars, int from) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** “Về nâng cao chất lượng …” → "Nâng cao chất lượng …": the preposition is the sentence's, not the title's. */
    private static String titleCase(String quoted) {
        String title = VietnameseText.clean(quoted).replaceAll("[.,;:]+$", "");
        if (VietnameseText.fold(title).startsWith("ve ")) {
            title = title.substring(3).strip();
        }
        if (title.isEmpty()) {
            return null;
        }
        return title.substring(0, 1).toUpperCase(new Locale("vi")) + title.substring(1);
    }

    private static LocalDate date(String day, String month, String year) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static final class Builder {
        final DirectiveCode code;
        final List<Span> spans = new ArrayList<>();
        LocalDate issuedOn;
        String title;

        Builder(DirectiveCode code) {
            this.code = code;
        }

        Found build() {
            return new Found(code, issuedOn, title, spans.stream().sorted(java.util.Comparator.comparingInt(Span::start)).toList());
        }
    }
}
