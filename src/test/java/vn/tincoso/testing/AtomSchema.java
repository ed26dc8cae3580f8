package vn.tincoso.testing;

import java.io.IOException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.IncorrectSchemaException;
import com.thaiopensource.validate.Schema;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.Validator;
import com.thaiopensource.validate.rng.CompactSchemaReader;

/**
 * RFC 4287 as far as a test can check it: the RELAX NG grammar of its Appendix B (feeds/atom.rnc) through Jing, the
 * Schematron rules that grammar carries as annotations (RELAX NG validators skip them, so they are XPath here), and
 * two MUSTs of the prose that no grammar says.
 */
final class AtomSchema {

    /** Compiled once: a Jing schema is immutable and makes a validator of its own for each document. */
    private static final Schema GRAMMAR = compile("/feeds/atom.rnc");

    /** RFC 3339's date-time (RFC 4287 §3.3): seconds, an offset, upper-case T and Z; xsd:dateTime allows no offset. */
    private static final Pattern RFC_3339 = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private AtomSchema() {
    }

    static List<String> violations(String xml, Document document) {
        List<String> violations = new ArrayList<>(grammarViolations(xml));
        violations.addAll(schematronViolations(document));
        violations.addAll(proseViolations(document));
        return violations;
    }

    private static List<String> grammarViolations(String xml) {
        Collector collector = new Collector(new ArrayList<>());
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collector);
        Validator validator = GRAMMAR.createValidator(properties.toPropertyMap());
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setContentHandler(validator.getContentHandler());
            reader.setErrorHandler(collector);
            reader.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            // A fatal error: the collector has it already.
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
        return collector.violations();
    }

    /** The s:rule annotations of the RFC's atomFeed and atomEntry patterns, each message as the RFC words it. */
    private static List<String> schematronViolations(Document document) {
        List<String> violations = new ArrayList<>();
        for (Element feed : FeedXml.elements(document, "/atom:feed")) {
            if (!FeedXml.holds(feed, "atom:author or not(atom:entry[not(atom:author)])")) {
                violations.add("feed: An atom:feed must have an atom:author unless all of its atom:entry children have an atom:author.");
            }
        }
        for (Element entry : FeedXml.elements(document, "//atom:entry")) {
            if (!FeedXml.holds(entry, "atom:link[@rel='alternate'] or atom:link[not(@rel)] or atom:content")) {
                violations.add(name(entry) + ": An atom:entry must have at least one atom:link element with a rel attribute of"
                        + " 'alternate' or an atom:content.");
            }
            if (!FeedXml.holds(entry, "atom:author or ../atom:author or atom:source/atom:author")) {
                violations.add(name(entry) + ": An atom:entry must have an atom:author if its feed does not.");
            }
        }
        return violations;
    }

    /** §3.3: dates are RFC 3339 date-times; §4.1.1, §4.1.2: one alternate link per type and hreflang. */
    private static List<String> proseViolations(Document document) {
        List<String> violations = new ArrayList<>();
        for (Element date : FeedXml.elements(document, "//atom:updated | //atom:published")) {
            if (!isRfc3339(date.getTextContent())) {
                violations.add(name((Element) date.getParentNode()) + ": atom:" + date.getLocalName() + " '" + date.getTextContent()
                        + "' is not an RFC 3339 date-time (RFC 4287 §3.3)");
            }
        }
        for (Element owner : FeedXml.elements(document, "/atom:feed | //atom:entry")) {
            Set<String> alternates = new HashSet<>();
            for (Element link : FeedXml.elements(owner, "atom:link[@rel='alternate' or not(@rel)]")) {
                if (!alternates.add(link.getAttribute("type") + " " + link.getAttribute("hreflang"))) {
                    violations.add(name(owner) + ": a second alternate atom:link of type '" + link.getAttribute("type")
                            + "' and hreflang '" + link.getAttribute("hreflang") + "' (RFC 4287 §4.1.1, §4.1.2)");
                }
            }
        }
        return violations;
    }

    private static boolean isRfc3339(String text) {
        if (!RFC_3339.matcher(text).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** "feed", or "entry 2 (tag:…)" counting from 1 and naming its id, for messages a reader can find. */
    private static String name(Element element) {
        if (!element.getLocalName().equals("entry")) {
            return element.getLocalName();
        }
        int position = FeedXml.elements(element, "preceding-sibling::atom:entry").size() + 1;
        return "entry " + position + " (" + FeedXml.text(element, "atom:id") + ")";
    }

    private static Schema compile(String resource) {
        Collector collector = new Collector(new ArrayList<>());
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collector);
        try {
            return CompactSchemaReader.getInstance()
                    .createSchema(new InputSource(AtomSchema.class.getResource(resource).toString()), properties.toPropertyMap());
        } catch (IOException | SAXException | IncorrectSchemaException e) {
            throw new IllegalStateException("the Atom schema " + resource + " does not compile: " + collector.violations(), e);
        }
    }

    /** Every error Jing or the XML parser reports, with where it is. */
    private record Collector(List<String> violations) implements ErrorHandler {

        @Override
        public void warning(SAXParseException e) {
            // Warnings are no violations.
        }

        @Override
        public void error(SAXParseException e) {
            violations.add("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            error(e);
            throw e;
        }
    }
}
