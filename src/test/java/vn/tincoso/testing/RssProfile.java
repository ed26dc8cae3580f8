package vn.tincoso.testing;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * RSS 2.0 has no schema; these are the rules of its specification and of the RSS Advisory Board's Best Practices
 * Profile that a reader relies on, in XPath: the channel's title, link and description, its own URL as atom:link
 * rel="self", and per item a title or description, a guid (a URL unless isPermaLink="false"), an RFC 822 pubDate,
 * absolute links and, when there is an author, an e-mail address there.
 */
final class RssProfile {

    private RssProfile() {
    }

    static List<String> violations(Document document) {
        List<String> violations = new ArrayList<>();
        if (!FeedXml.holds(document, "/rss[@version='2.0']")) {
            violations.add("the root is not <rss version=\"2.0\">");
        }
        List<Element> channels = FeedXml.elements(document, "/rss/channel");
        if (channels.size() != 1) {
            violations.add("an RSS document has one channel, this one " + channels.size());
            return violations;
        }
        Element channel = channels.get(0);
        violations.addAll(channelViolations(channel));
        List<Element> items = FeedXml.elements(channel, "item");
        for (int i = 0; i < items.size(); i++) {
            String name = "item " + (i + 1) + " (" + nameOf(items.get(i)) + ")";
            itemViolations(items.get(i)).forEach(violation -> violations.add(name + ": " + violation));
        }
        return violations;
    }

    /** Its guid, or its title where it has none. */
    private static String nameOf(Element item) {
        String guid = FeedXml.text(item, "guid");
        return guid.isBlank() ? FeedXml.text(item, "title") : guid;
    }

    private static List<String> channelViolations(Element channel) {
        List<String> violations = new ArrayList<>();
        for (String required : List.of("title", "link", "description")) {
            if (FeedXml.elements(channel, required).size() != 1) {
                violations.add("channel: has no single <" + required + ">");
            }
        }
        if (!isAbsoluteUrl(FeedXml.text(channel, "link"))) {
            violations.add("channel: <link> '" + FeedXml.text(channel, "link") + "' is not an absolute URL");
        }
        List<Element> selves = FeedXml.elements(channel, "atom:link[@rel='self']");
        if (selves.size() != 1) {
            violations.add("channel: has " + selves.size() + " atom:link rel=\"self\", the profile asks for one");
        } else if (!isAbsoluteUrl(selves.get(0).getAttribute("href"))
                || !selves.get(0).getAttribute("type").equals("application/rss+xml")) {
            violations.add("channel: atom:link rel=\"self\" needs an absolute href and type=\"application/rss+xml\"");
        }
        for (Element date : FeedXml.elements(channel, "pubDate | lastBuildDate")) {
            if (!isRfc822(date.getTextContent())) {
                violations.add("channel: <" + date.getLocalName() + "> '" + date.getTextContent() + "' is not an RFC 822 date");
            }
        }
        return violations;
    }

    private static List<String> itemViolations(Element item) {
        List<String> violations = new ArrayList<>();
        if (!FeedXml.holds(item, "title or description")) {
            violations.add("has neither <title> nor <description>");
        }
        List<Element> guids = FeedXml.elements(item, "guid");
        if (guids.size() != 1) {
            violations.add("has no single <guid>");
        } else if (!guids.get(0).getAttribute("isPermaLink").equals("false") && !isAbsoluteUrl(guids.get(0).getTextContent())) {
            violations.add("<guid> '" + guids.get(0).getTextContent() + "' is no URL, so it needs isPermaLink=\"false\"");
        }
        for (Element link : FeedXml.elements(item, "link")) {
            if (!isAbsoluteUrl(link.getTextContent())) {
                violations.add("<link> '" + link.getTextContent() + "' is not an absolute URL");
            }
        }
        List<Element> dates = FeedXml.elements(item, "pubDate");
        if (dates.size() != 1) {
            violations.add("has no single <pubDate>");
        } else if (!isRfc822(dates.get(0).getTextContent())) {
            violations.add("<pubDate> '" + dates.get(0).getTextContent() + "' is not an RFC 822 date");
        }
        for (Element author : FeedXml.elements(item, "author")) {
            if (!author.getTextContent().contains("@")) {
                violations.add("<author> '" + author.getTextContent() + "' is no e-mail address (a name goes in dc:creator)");
            }
        }
        return violations;
    }

    /** RFC 822 as the profile reads it: four-digit years, the day of the week (if any) the date's own. */
    private static boolean isRfc822(String text) {
        try {
            DateTimeFormatter.RFC_1123_DATE_TIME.parse(text.strip());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isAbsoluteUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            return uri.isAbsolute() && (uri.getScheme().equals("http") || uri.getScheme().equals("https"));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
