package vn.tincoso.ingest;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.tincoso.text.VietnameseText;

/**
 * Reads one article as portals print it: optional section headings (sometimes printed twice on one line),
 * the title, a metadata line ("Ngày đăng 03/06/2024 | 14:35 | Lượt xem: 178", or "Thứ Hai, 12/08/2024
 * 08:30" with words around it), body paragraphs, photo captions and a closing byline; the portal chrome
 * after the article (share and print widgets, QR blocks, "Tin khác" lists) is dropped. It never throws
 * on odd text: what it does not recognise stays in the body.
 */
public final class ArticleTextParser {

    private static final Pattern SPACES = Pattern.compile("[\\t\\x0B\\f\\u00A0\\u1680\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF ]+");
    private static final Pattern TIME = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*[:hg]\\s*(\\d{2})(?!\\d)");
    private static final Pattern VIEWS = Pattern.compile("luot xem\\s*:?\\s*(\\d[\\d.,]*)");
    private static final int SHORT_DATE_LINE = 24;
    private static final Pattern METADATA_WORDS = Pattern.compile(
            "ngay dang|cap nhat|luot xem|dang luc|thu (hai|ba|tu|nam|sau|bay)|chu nhat|\\bthu [2-7]\\b|\\bcn\\b");
    /** Where the portal's own lists begin: everything from here on is not the article. */
    private static final Pattern CHROME_START = Pattern.compile(
            "(tin khac|cac tin khac|tin lien quan|cac tin lien quan|tin cung chuyen muc|bai viet lien quan|cac bai viet khac"
                    + "|cac tin da dua|tin da dua|xem them|tin moi nhat|tin doc nhieu)\\b.{0,40}");
    /** Single widget lines: share, print, QR. */
    private static final Pattern CHROME_LINE = Pattern.compile(
            "(chia se|chia se bai viet|in bai|in bai viet|in trang|ban in|gui email|gui bai|gui cho ban be|luu bai|luu tin"
                    + "|facebook|zalo|twitter|tweet|like|share|print|email|quet ma qr.*|ma qr.*|qr code.*|len dau trang|ve dau trang"
                    + "|tro ve|quay lai|binh luan|y kien ban doc|[|/•·\\-–—_=*\\s]+)[\\s:|/•·]*");
    private static final Pattern BYLINE = Pattern.compile(
            "(?:(?iu:theo|nguồn|tin|ảnh|bài|tin, ảnh|bài, ảnh|tin và ảnh|bài và ảnh)\\s*:\\s*)?"
                    + "[\\p{Lu}\\p{Lt}][\\p{L}.]*(?:\\s+[\\p{Lu}\\d][\\p{L}\\d.]*){0,5}"
                    + "(?:\\s*[-–—,]\\s*[\\p{L}\\d. ]{1,30})?(?:\\s*\\([^)]{1,40}\\))?");
    private static final int MAX_CAPTION_WORDS = 30;
    private static final int MAX_HEADER_LINES = 8;

    private ArticleTextParser() {
    }

    /** One line of the cleaned text and where it starts. */
    private record Line(String text, int start) {
        int end() {
            return start + text.length();
        }

        boolean blank() {
            return text.isEmpty();
        }
    }

    public static ParsedArticle parse(String raw) {
        String text = clean(raw == null ? "" : raw);
        List<Line> lines = lines(text);
        int end = chromeStart(lines);
        int metadataIndex = metadataLine(lines, end);
        int titleIndex = titleLine(lines, metadataIndex, end);

        List<String> sections = new ArrayList<>();
        int firstHeader = titleIndex >= 0 ? titleIndex : end;
        for (int i = 0; i < Math.min(firstHeader, end); i++) {
            if (!lines.get(i).blank() && i != metadataIndex) {
                sections.add(undoubled(lines.get(i).text()));
            }
        }
        int bodyStart = Math.max(titleIndex, metadataIndex) + 1;
        List<Line> bodyLines = lines.subList(Math.min(bodyStart, end), end).stream()
                .filter(line -> !CHROME_LINE.matcher(key(line.text())).matches() || line.blank())
                .toList();
        List<List<Line>> paragraphs = paragraphs(bodyLines);

        Span byline = null;
        if (!paragraphs.isEmpty() && isByline(paragraphs.get(paragraphs.size() - 1))) {
            List<Line> last = paragraphs.remove(paragraphs.size() - 1);
            byline = Span.of(text, last.get(0).start(), last.get(last.size() - 1).end());
        }

        List<String> body = new ArrayList<>();
        List<ParsedArticle.Caption> captions = new ArrayList<>();
        List<Span> content = new ArrayList<>();
        if (titleIndex >= 0) {
            content.add(Span.of(text, lines.get(titleIndex).start(), lines.get(titleIndex).end()));
        }
        for (List<Line> paragraph : paragraphs) {
            String joined = String.join(" ", paragraph.stream().map(Line::text).toList());
            content.add(Span.of(text, paragraph.get(0).start(), paragraph.get(paragraph.size() - 1).end()));
            if (!body.isEmpty() && isCaption(joined)) {
                captions.add(new ParsedArticle.Caption(body.size(), joined));
            } else {
                body.add(joined);
            }
        }

        Span title = titleIndex < 0 ? null : Span.of(text, lines.get(titleIndex).start(), lines.get(titleIndex).end());
        Span metadata = metadataIndex < 0 ? null : Span.of(text, lines.get(metadataIndex).start(), lines.get(metadataIndex).end());
        return ParsedArticleBuilder.builder()
                .text(text).sections(sections).title(title).metadata(metadata)
                .publishedAt(metadata == null ? null : dateTime(metadata.text()))
                .viewCount(metadata == null ? null : views(metadata.text()))
                .body(body).captions(captions).byline(byline).content(content)
                .build();
    }

    /** NFC, one kind of line break, every other space a plain space, runs collapsed, lines trimmed. */
    static String clean(String raw) {
        String nfc = VietnameseText.nfc(raw).replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u2028', '\n').replace('\u2029', '\n');
        StringBuilder out = new StringBuilder(nfc.length());
        for (String line : nfc.split("\n", -1)) {
            out.append(SPACES.matcher(line).replaceAll(" ").strip()).append('\n');
        }
        return out.toString().strip();
    }

    private static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (String line : text.split("\n", -1)) {
            lines.add(new Line(line, start));
            start += line.length() + 1;
        }
        return lines;
    }

    /** Folded, for matching keywords without caring for diacritics or case. */
    private static String key(String line) {
        return VietnameseText.fold(line).strip();
    }

    private static int chromeStart(List<Line> lines) {
        for (int i = 1; i < lines.size(); i++) {
            if (CHROME_START.matcher(key(lines.get(i).text())).matches()) {
                return i;
            }
        }
        return lines.size();
    }

    /** The first short line near the top that has a date and either a time or a metadata word. */
    private static int metadataLine(List<Line> lines, int end) {
        int seen = 0;
        for (int i = 0; i < end && seen < MAX_HEADER_LINES; i++) {
            Line line = lines.get(i);
            if (line.blank()) {
                continue;
            }
            seen++;
            String key = key(line.text());
            // A date with a time or a word of the metadata ("Ngày đăng", a weekday), or a short line that is little more
            // than a date ("23/05/2025", "Ngày 23/05/2025").
            if (key.length() <= 120 && PrintedDates.first(key).isPresent()
                    && (TIME.matcher(key).find() || METADATA_WORDS.matcher(key).find() || key.length() <= SHORT_DATE_LINE)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The title is the line right above the metadata line; when the metadata comes first (or an all-caps
     * heading stands right above it), the first line below it. Without metadata: the first line that is not an all-caps
     * heading followed by more text.
     */
    private static int titleLine(List<Line> lines, int metadataIndex, int end) {
        if (metadataIndex >= 0) {
            int above = previousNonBlank(lines, metadataIndex);
            return above >= 0 && !isHeading(lines.get(above).text()) ? above : nextNonBlank(lines, metadataIndex, end);
        }
        int first = nextNonBlank(lines, -1, end);
        while (first >= 0 && isHeading(lines.get(first).text()) && nextNonBlank(lines, first, end) >= 0) {
            first = nextNonBlank(lines, first, end);
        }
        return first;
    }

    private static int previousNonBlank(List<Line> lines, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!lines.get(i).blank()) {
                return i;
            }
        }
        return -1;
    }

    private static int nextNonBlank(List<Line> lines, int index, int end) {
        for (int i = index + 1; i < end; i++) {
            if (!lines.get(i).blank()) {
                return i;
            }
        }
        return -1;
    }

    /** A section heading: all capitals, short. */
    private static boolean isHeading(String line) {
        return line.length() <= 160 && line.equals(line.toUpperCase(Locale.ROOT)) && line.chars().anyMatch(Character::isLetter);
    }

    /** "HOẠT ĐỘNG CÁC PHƯỜNG HOẠT ĐỘNG CÁC PHƯỜNG" → "HOẠT ĐỘNG CÁC PHƯỜNG". */
    static String undoubled(String heading) {
        int middle = heading.length() / 2;
        if (heading.length() % 2 == 1 && heading.charAt(middle) == ' '
                && heading.substring(0, middle).equals(heading.substring(middle + 1))) {
            return heading.substring(0, middle);
        }
        return heading;
    }

    /**
     * Paragraphs: blank lines separate them; inside a block, every line is a paragraph (portals that print
     * one paragraph a line) unless it visibly wraps onto the next (a caption broken after a comma).
     */
    private static List<List<Line>> paragraphs(List<Line> lines) {
        List<List<Line>> paragraphs = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.blank()) {
                flush(current, paragraphs);
                current = new ArrayList<>();
                continue;
            }
            current.add(line);
            Line next = i + 1 < lines.size() ? lines.get(i + 1) : null;
            if (next == null || next.blank() || !continuesOnNextLine(line.text(), next.text())) {
                flush(current, paragraphs);
                current = new ArrayList<>();
            }
        }
        flush(current, paragraphs);
        return paragraphs;
    }

    /** A line wraps onto the next when it stops mid-clause (comma, dash) or the next one starts in lower case. */
    private static boolean continuesOnNextLine(String line, String next) {
        if (endsSentence(line)) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        return last == ',' || last == '-' || last == '–' || Character.isLowerCase(next.codePointAt(0));
    }

    private static void flush(List<Line> paragraph, List<List<Line>> into) {
        if (!paragraph.isEmpty()) {
            into.add(paragraph);
        }
    }

    private static boolean endsSentence(String line) {
        String bare = line.replaceAll("[”\"’'»)\\]]+$", "");
        return !bare.isEmpty() && ".!?…;:".indexOf(bare.charAt(bare.length() - 1)) >= 0;
    }

    private static boolean isCaption(String paragraph) {
        return !endsSentence(paragraph) && paragraph.split(" ").length <= MAX_CAPTION_WORDS;
    }

    private static boolean isByline(List<Line> paragraph) {
        String text = String.join(" ", paragraph.stream().map(Line::text).toList());
        return text.length() <= 60 && !endsSentence(text) && BYLINE.matcher(text).matches();
    }

    /** The date and, when printed, the time of the metadata line; null if it has no real date. */
    private static LocalDateTime dateTime(String line) {
        Optional<PrintedDates.Found> found = PrintedDates.first(line);
        if (found.isEmpty()) {
            return null;
        }
        PrintedDates.Found date = found.get();
        if (date.time() != null) {
            return date.date().atTime(date.time());
        }
        Matcher time = TIME.matcher(line.substring(0, date.start()) + " " + line.substring(date.end()));
        try {
            return time.find() ? date.date().atTime(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2))) : date.date().atStartOfDay();
        } catch (DateTimeException e) {
            return date.date().atStartOfDay(); // "25:70" is no time
        }
    }

    private static Integer views(String line) {
        Matcher views = VIEWS.matcher(key(line));
        if (!views.find()) {
            return null;
        }
        try {
            return Integer.valueOf(views.group(1).replaceAll("[.,]", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
