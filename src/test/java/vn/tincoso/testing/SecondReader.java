package vn.tincoso.testing;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.apptasticsoftware.rssreader.Item;
import com.apptasticsoftware.rssreader.RssReader;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;

/**
 * An RSS or Atom page read by two parsers that share no code, ROME and rssreader: each must find every item the XML
 * has, and rssreader each item's title, link and a date it can parse (Atom's published, or updated where an entry has
 * none), as a reader needs them to list it.
 */
final class SecondReader {

    /** One reader for every thread: it is configured once, and each read has a parser of its own. */
    private static final RssReader RSS_READER = new RssReader();

    private SecondReader() {
    }

    static List<String> violations(String xml, int itemsInXml) {
        List<String> violations = new ArrayList<>();
        romeViolation(xml, itemsInXml).ifPresent(violations::add);
        List<Item> items = RSS_READER.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).toList();
        if (items.size() != itemsInXml) {
            violations.add("rssreader reads " + items.size() + " items of the " + itemsInXml + " in the XML");
        }
        for (int i = 0; i < items.size(); i++) {
            String name = "item " + (i + 1) + " as rssreader reads it";
            Item item = items.get(i);
            if (item.getTitle().filter(title -> !title.isBlank()).isEmpty()) {
                violations.add(name + ": no title");
            }
            if (item.getLink().filter(link -> !link.isBlank()).isEmpty()) {
                violations.add(name + ": no link");
            }
            if (item.getPubDateAsZonedDateTime().or(item::getUpdatedAsZonedDateTime).isEmpty()) {
                violations.add(name + ": no date it can parse (pubDate " + item.getPubDate().orElse("none") + ", updated "
                        + item.getUpdated().orElse("none") + ")");
            }
        }
        return violations;
    }

    private static Optional<String> romeViolation(String xml, int itemsInXml) {
        try {
            int read = new SyndFeedInput().build(new StringReader(xml)).getEntries().size();
            return read == itemsInXml ? Optional.empty()
                    : Optional.of("ROME reads " + read + " items of the " + itemsInXml + " in the XML");
        } catch (FeedException | IllegalArgumentException e) {
            return Optional.of("ROME cannot read it: " + e.getMessage());
        }
    }
}
