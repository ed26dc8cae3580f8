package vn.tincoso.testing;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** A feed document as DOM, and XPath over it with the feed formats' prefixes (atom, content, dc). */
final class FeedXml {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    private static final Map<String, String> PREFIXES = Map.of("atom", ATOM,
            "content", "http://purl.org/rss/1.0/modules/content/", "dc", "http://purl.org/dc/elements/1.1/");

    private static final NamespaceContext NAMESPACES = new NamespaceContext() {
        @Override
        public String getNamespaceURI(String prefix) {
            return PREFIXES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
        }

        @Override
        public String getPrefix(String namespaceUri) {
            return null;
        }

        @Override
        public Iterator<String> getPrefixes(String namespaceUri) {
            return List.<String>of().iterator();
        }
    };

    private FeedXml() {
    }

    /** @throws IllegalArgumentException naming where the text stops being well-formed XML */
    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws the fatal errors, prints nothing
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Element> elements(Node context, String xpath) {
        NodeList nodes = (NodeList) evaluate(context, xpath, XPathConstants.NODESET);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** The string value of the expression: "" for no node. */
    static String text(Node context, String xpath) {
        return (String) evaluate(context, xpath, XPathConstants.STRING);
    }

    static boolean holds(Node context, String xpath) {
        return (Boolean) evaluate(context, xpath, XPathConstants.BOOLEAN);
    }

    /** A fresh XPath per call: XPath objects are not thread-safe, and a filter may run on many threads. */
    private static Object evaluate(Node context, String expression, QName type) {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(NAMESPACES);
        try {
            return xpath.evaluate(expression, context, type);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }
}
