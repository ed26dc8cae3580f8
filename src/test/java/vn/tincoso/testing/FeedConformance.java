package vn.tincoso.testing;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;

/**
 * Whether a feed page is what its format's specification says, checked by tools other than the ROME and Jackson that
 * wrote it: Atom against RFC 4287's RELAX NG schema ({@link AtomSchema}), RSS against the RSS 2.0 profile
 * ({@link RssProfile}), JSON Feed against a JSON Schema of version 1.1 ({@link JsonFeedSchema}), and RSS and Atom read
 * again by a second parser ({@link SecondReader}). Each assertion fails listing every violation, not the first.
 * Thread-safe: the schemas are compiled once and each call has its own parsers.
 */
public final class FeedConformance {

    /** How much of the document a failure shows. */
    private static final int SHOWN = 4000;

    private FeedConformance() {
    }

    public static void assertValidAtom(String xml) {
        List<String> violations = new ArrayList<>();
        Document document = parsed(xml, violations);
        if (document != null) {
            violations.addAll(AtomSchema.violations(xml, document));
            violations.addAll(SecondReader.violations(xml, FeedXml.elements(document, "/atom:feed/atom:entry").size()));
        }
        failOn("Atom 1.0 (RFC 4287)", violations, xml);
    }

    public static void assertValidRss(String xml) {
        List<String> violations = new ArrayList<>();
        Document document = parsed(xml, violations);
        if (document != null) {
            violations.addAll(RssProfile.violations(document));
            violations.addAll(SecondReader.violations(xml, FeedXml.elements(document, "/rss/channel/item").size()));
        }
        failOn("RSS 2.0", violations, xml);
    }

    public static void assertValidJsonFeed(String json) {
        failOn("JSON Feed 1.1", JsonFeedSchema.violations(json), json);
    }

    /** The document, or null with the reason among the violations. */
    private static Document parsed(String xml, List<String> violations) {
        try {
            return FeedXml.parse(xml);
        } catch (IllegalArgumentException e) {
            violations.add(e.getMessage());
            return null;
        }
    }

    private static void failOn(String format, List<String> violations, String document) {
        if (violations.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("not valid " + format + ", " + violations.size() + " violation(s):");
        violations.forEach(violation -> message.append("\n  - ").append(violation));
        message.append("\nin the document:\n").append(document.length() <= SHOWN ? document : document.substring(0, SHOWN) + "…");
        throw new AssertionError(message.toString());
    }
}
