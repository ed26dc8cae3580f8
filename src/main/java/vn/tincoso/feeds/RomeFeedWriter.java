package vn.tincoso.feeds;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import vn.tincoso.config.VietnamTime;

/**
 * Atom 1.0 and RSS 2.0 through ROME. ROME prints every date in UTC; portals and readers here expect Hà
 * Nội time, so the generated document's dates are rewritten with their +07:00 offset before output.
 */
final class RomeFeedWriter {

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    private static final Namespace DUBLIN_CORE = Namespace.getNamespace("dc", "http://purl.org/dc/elements/1.1/");

    private RomeFeedWriter() {
    }

    /** @param romeType ROME's name of the format ("atom_1.0", "rss_2.0"), served as {@code mediaType} */
    static String write(ArticleFeed feed, String romeType, String mediaType) {
        SyndFeed syndFeed = new SyndFeedImpl();
        syndFeed.setFeedType(romeType);
        syndFeed.setUri(feed.id());
        syndFeed.setTitle(feed.title());
        syndFeed.setDescription(feed.title());
        syndFeed.setLanguage("vi");
        syndFeed.setLink(feed.home().toString());
        List<SyndLink> links = new ArrayList<>();
        links.add(link("self", feed.self().toString(), mediaType));
        links.add(link("alternate", feed.home().toString(), "application/json"));
        if (feed.next() != null) {
            links.add(link("next", feed.next().toString(), mediaType));
        }
        if (feed.hub() != null) {
            links.add(link("hub", feed.hub().toString(), null));
        }
        syndFeed.setLinks(links);
        syndFeed.setPublishedDate(date(feed.updated()));
        syndFeed.setEntries(feed.entries().stream().map(RomeFeedWriter::entry).toList());
        try {
            Document document = new SyndFeedOutput().outputJDom(syndFeed);
            inHanoiTime(document);
            forEveryReader(document, feed, mediaType);
            return new XMLOutputter(Format.getCompactFormat().setEncoding("UTF-8")).outputString(document);
        } catch (FeedException e) {
            throw new IllegalStateException("ROME could not write a feed it was given", e);
        }
    }

    private static SyndEntry entry(ArticleFeed.Entry article) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(article.id());
        entry.setLink(article.url().toString());
        entry.setTitle(article.title());
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue(article.summary());
        entry.setDescription(summary);
        SyndContent content = new SyndContentImpl();
        content.setType("html");
        content.setValue(article.contentHtml());
        entry.setContents(List.of(content));
        entry.setPublishedDate(date(article.published()));
        entry.setUpdatedDate(date(article.updated()));
        entry.setAuthor(article.author());
        List<SyndCategory> categories = new ArrayList<>();
        for (String term : FeedService.categories(article)) {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(term);
            categories.add(category);
        }
        entry.setCategories(categories);
        return entry;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static Date date(OffsetDateTime time) {
        return time == null ? null : Date.from(time.toInstant());
    }

    /**
     * What ROME leaves out or adds that readers trip on: Atom says its language (xml:lang), RSS gets the self and next
     * links as atom:link (RSS itself has none), and no dc:date beside the format's own dates, which readers take for the
     * update time although ROME writes the publication time there.
     */
    private static void forEveryReader(Document document, ArticleFeed feed, String mediaType) {
        Element root = document.getRootElement();
        if (root.getName().equals("feed")) {
            root.setAttribute("lang", "vi", Namespace.XML_NAMESPACE);
        }
        Element channel = root.getChild("channel");
        if (channel != null) {
            root.addNamespaceDeclaration(ATOM);
            channel.addContent(0, atomLink("self", feed.self().toString(), mediaType));
            if (feed.next() != null) {
                channel.addContent(1, atomLink("next", feed.next().toString(), mediaType));
            }
            if (feed.hub() != null) {
                channel.addContent(feed.next() != null ? 2 : 1, atomLink("hub", feed.hub().toString(), null));
            }
        }
        List<Element> dcDates = new ArrayList<>();
        document.getDescendants(Filters.element("date", DUBLIN_CORE)).forEach(dcDates::add);
        dcDates.forEach(Element::detach);
    }

    private static Element atomLink(String rel, String href, String type) {
        Element link = new Element("link", ATOM).setAttribute("rel", rel).setAttribute("href", href);
        return type == null ? link : link.setAttribute("type", type);
    }

    /** Atom's RFC 3339 dates and RSS's RFC 822 dates, each rewritten from UTC to +07:00. */
    private static void inHanoiTime(Document document) {
        List<Element> elements = new ArrayList<>();
        document.getDescendants(Filters.element()).forEach(elements::add);
        for (Element element : elements) {
            String text = element.getTextTrim();
            if (text.isEmpty()) {
                continue;
            }
            switch (element.getName()) {
                case "published", "updated", "date" -> element.setText(
                        Instant.parse(text).atZone(VietnamTime.ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                case "pubDate", "lastBuildDate" -> element.setText(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).withZoneSameInstant(VietnamTime.ZONE)));
                default -> {
                    // not a date
                }
            }
        }
    }
}
