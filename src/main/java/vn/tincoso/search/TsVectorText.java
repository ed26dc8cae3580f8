package vn.tincoso.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's text form of a tsvector ({@code 'bo':13C,15C 'chi':12C 'de':1A}) read back into the words of each
 * weight, with their positions. The search index takes its words from the article's stored {@code search} column
 * (V4), so a word matches in the index exactly when it matches there: the folding and word splitting are
 * PostgreSQL's, in one place.
 */
public final class TsVectorText {

    /** Which part of the article a position is in: V4 weighs the title A, the summary B and the body C. */
    public enum Part {
        TITLE, SUMMARY, BODY
    }

    /** One occurrence of a word. */
    public record Occurrence(String word, int position) {
    }

    private TsVectorText() {
    }

    /** The occurrences of each part, in no particular order; a position without a weight letter is D (none of ours). */
    public static Map<Part, List<Occurrence>> parse(String text) {
        Map<Part, List<Occurrence>> parts = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            parts.put(part, new ArrayList<>());
        }
        int at = 0;
        int length = text.length();
        while (at < length) {
            if (text.charAt(at) == ' ') {
                at++;
                continue;
            }
            StringBuilder word = new StringBuilder();
            at = TsQueryText.readQuoted(text, at, word);
            if (at >= length || text.charAt(at) != ':') {
                continue; // A word without positions (a stripped vector): nothing to index.
            }
            at++;
            while (at < length && text.charAt(at) != ' ') {
                int start = at;
                while (at < length && Character.isDigit(text.charAt(at))) {
                    at++;
                }
                int position = Integer.parseInt(text, start, at, 10);
                char weight = at < length && Character.isLetter(text.charAt(at)) ? text.charAt(at++) : 'D';
                Part part = switch (weight) {
                    case 'A' -> Part.TITLE;
                    case 'B' -> Part.SUMMARY;
                    default -> Part.BODY;
                };
                parts.get(part).add(new Occurrence(word.toString(), position));
                if (at < length && text.charAt(at) == ',') {
                    at++;
                }
            }
        }
        return parts;
    }
}
