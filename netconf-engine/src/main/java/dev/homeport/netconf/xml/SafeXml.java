package dev.homeport.netconf.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The only way the engine turns peer bytes into DOM. NETCONF never needs a DTD, so any DOCTYPE is refused; that
 * alone stops external entities and entity-expansion bombs. Nesting depth is bounded so that a hostile peer cannot
 * exhaust the stack of whatever walks the tree later.
 */
public final class SafeXml {
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private static final EntityResolver NO_ENTITIES = (publicId, systemId) -> {
        throw new SAXParseException("external entities are not allowed: " + systemId, null);
    };

    /**
     * Configured parsers, reset and reused, per nesting limit. Building one (factory lookup, parser configuration)
     * costs ten times a small parse, and the engine parses on virtual threads, a new one per task, so a per-thread
     * cache built a new parser for nearly every message. A few idle parsers are kept; extra ones are dropped.
     */
    private static final Map<Integer, BlockingQueue<DocumentBuilder>> IDLE = new ConcurrentHashMap<>();
    private static final int IDLE_MAX = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private SafeXml() {
    }

    public static Document parse(byte[] xml) throws MalformedXmlException {
        return parse(xml, XmlLimits.DEFAULT);
    }

    public static Document parse(byte[] xml, XmlLimits limits) throws MalformedXmlException {
        return parse(new InputSource(new ByteArrayInputStream(xml)), limits);
    }

    public static Document parse(String xml) throws MalformedXmlException {
        return parse(new InputSource(new StringReader(xml)), XmlLimits.DEFAULT);
    }

    /**
     * Parses XML text that may hold several top-level elements (a fragment, such as the content of
     * {@code <config>}) with the same safety rules. Returns a wrapper element, in no namespace, whose children are the
     * fragment's nodes; a leading XML declaration is dropped. Line numbers in errors stay those of the text.
     */
    public static Element parseFragment(String xml) throws MalformedXmlException {
        String s = xml;
        if (s.stripLeading().startsWith("<?xml")) {
            int end = s.indexOf("?>");
            if (end < 0) {
                throw new MalformedXmlException("malformed XML: unterminated XML declaration");
            }
            // keep the declaration's line breaks so that reported line numbers stay right
            s = s.substring(0, end).replaceAll("[^\n]", "") + s.substring(end + 2);
        }
        return parse(FRAGMENT_OPEN + s + FRAGMENT_CLOSE).getDocumentElement();
    }

    private static final String FRAGMENT_OPEN = "<homeport-fragment>";
    private static final String FRAGMENT_CLOSE = "</homeport-fragment>";

    private static Document parse(InputSource source, XmlLimits limits) throws MalformedXmlException {
        BlockingQueue<DocumentBuilder> idle = IDLE.computeIfAbsent(limits.maxDepth(),
                d -> new ArrayBlockingQueue<>(IDLE_MAX));
        DocumentBuilder builder = idle.poll();
        boolean reusable = false;
        try {
            if (builder == null) {
                builder = newFactory(limits).newDocumentBuilder();
            }
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver(NO_ENTITIES);
            Document doc = builder.parse(source);
            reusable = true;
            return doc;
        } catch (SAXParseException e) {
            throw new MalformedXmlException(describe(e), e);
        } catch (org.xml.sax.SAXException | IOException | ParserConfigurationException e) {
            throw new MalformedXmlException("malformed XML: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new MalformedXmlException("XML nesting too deep to parse");
        } finally {
            // a parser that failed is dropped rather than trusted to reset cleanly
            if (reusable) {
                builder.reset();
                idle.offer(builder);
            }
        }
    }

    private static String describe(SAXParseException e) {
        String msg = String.valueOf(e.getMessage());
        String what;
        if (msg.contains("DOCTYPE")) {
            what = "XML with a DTD (DOCTYPE) is refused: NETCONF does not use DTDs and they enable entity attacks";
        } else if (msg.contains("maxElementDepth") || msg.contains("depth")) {
            what = "XML nesting exceeds the limit: " + msg;
        } else if (msg.contains("entity")) {
            what = "XML entity refused: " + msg;
        } else {
            what = "malformed XML: " + msg;
        }
        return e.getLineNumber() > 0 ? what + " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")"
                : what;
    }

    private static DocumentBuilderFactory newFactory(XmlLimits limits) throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setAttribute("jdk.xml.maxElementDepth", limits.maxDepth());
        return f;
    }

    /** Serializes a node without an XML declaration, as it appears inside a NETCONF message. */
    public static String toString(Node node) {
        return write(node, false);
    }

    /** Indented form for people: CLI output, console views. */
    public static String pretty(Node node) {
        return write(node, true);
    }

    public static String pretty(String xml) throws MalformedXmlException {
        return pretty(parse(xml));
    }

    private static String write(Node node, boolean indent) {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            if (indent) {
                stripWhitespaceText(node);
                t.setOutputProperty(OutputKeys.INDENT, "yes");
                t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            }
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toString().strip();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize XML", e);
        }
    }

    /** Removes whitespace-only text between elements so that indentation starts from a clean tree. */
    private static void stripWhitespaceText(Node node) {
        Node child = node.getFirstChild();
        boolean hasElement = false;
        for (Node c = child; c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                hasElement = true;
                break;
            }
        }
        while (child != null) {
            Node next = child.getNextSibling();
            // whitespace between elements, or indentation left inside an empty container, is layout, not data
            if (child.getNodeType() == Node.TEXT_NODE && child.getNodeValue().isBlank()
                    && (hasElement || child.getNodeValue().indexOf('\n') >= 0)) {
                node.removeChild(child);
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                stripWhitespaceText(child);
            }
            child = next;
        }
    }
}
