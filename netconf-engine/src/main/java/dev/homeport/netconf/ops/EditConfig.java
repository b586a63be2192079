package dev.homeport.netconf.ops;

import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.XmlFragment;
import java.util.Optional;

/**
 * An edit-config request (RFC 6241 section 7.2). The config is the content of {@code <config>}: elements of the
 * device's modules, with {@code nc:operation} attributes where needed; or a URL (the :url capability).
 */
public final class EditConfig {
    public enum DefaultOperation { MERGE, REPLACE, NONE }

    public enum TestOption { TEST_THEN_SET, SET, TEST_ONLY }

    public enum ErrorOption { STOP_ON_ERROR, CONTINUE_ON_ERROR, ROLLBACK_ON_ERROR }

    /** Values of the {@code nc:operation} attribute. */
    public enum Operation { MERGE, REPLACE, CREATE, DELETE, REMOVE, NONE;
        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Datastore target;
    private XmlFragment config;
    private String url;
    private DefaultOperation defaultOperation;
    private TestOption testOption;
    private ErrorOption errorOption;

    private EditConfig(Datastore target) {
        this.target = target;
    }

    public static EditConfig to(Datastore target) {
        return new EditConfig(target);
    }

    /** Config content; the XML text is checked for well-formedness. */
    public EditConfig config(String xml) throws MalformedXmlException {
        this.config = XmlFragment.parsed(stripConfigWrapper(xml));
        return this;
    }

    public EditConfig config(XmlFragment content) {
        this.config = content;
        return this;
    }

    /** The :url form: the device reads the config from this URL. */
    public EditConfig url(String configUrl) {
        this.url = configUrl;
        return this;
    }

    public EditConfig defaultOperation(DefaultOperation op) {
        this.defaultOperation = op;
        return this;
    }

    public EditConfig testOption(TestOption t) {
        this.testOption = t;
        return this;
    }

    public EditConfig errorOption(ErrorOption e) {
        this.errorOption = e;
        return this;
    }

    public Datastore target() {
        return target;
    }

    public Optional<TestOption> testOption() {
        return Optional.ofNullable(testOption);
    }

    public Optional<ErrorOption> errorOption() {
        return Optional.ofNullable(errorOption);
    }

    public XmlFragment toXml() {
        if (config == null && url == null) {
            throw new IllegalStateException("edit-config needs config content or a url");
        }
        var e = XmlFragment.element(Namespaces.BASE, "edit-config")
                .child(XmlFragment.element(Namespaces.BASE, "target").child(target.toXml()));
        if (defaultOperation != null) {
            e.leaf("default-operation", keyword(defaultOperation));
        }
        if (testOption != null) {
            e.leaf("test-option", keyword(testOption));
        }
        if (errorOption != null) {
            e.leaf("error-option", keyword(errorOption));
        }
        if (url != null) {
            e.leaf("url", url);
        } else {
            e.child(XmlFragment.element(Namespaces.BASE, "config").child(config));
        }
        return e;
    }

    static String keyword(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * Accepts a file whose root is {@code <config>} (as netconf-console and ncclient users write them) as well as
     * bare content: the wrapper is dropped so it is not nested twice.
     */
    static String stripConfigWrapper(String xml) throws MalformedXmlException {
        // the text may hold several sibling elements, so it is parsed inside a wrapper of our own
        var wrap = dev.homeport.netconf.xml.SafeXml.parse(wrapIfFragment(xml)).getDocumentElement();
        var top = dev.homeport.netconf.xml.Dom.children(wrap);
        var content = wrap;
        if (top.size() == 1 && "config".equals(top.get(0).getLocalName())
                && (top.get(0).getNamespaceURI() == null || Namespaces.BASE.equals(top.get(0).getNamespaceURI()))) {
            content = top.get(0);
        }
        StringBuilder sb = new StringBuilder();
        for (var c = content.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
                sb.append(dev.homeport.netconf.xml.SafeXml.toString(c));
            }
        }
        return sb.toString();
    }

    private static String wrapIfFragment(String xml) {
        String s = xml.strip();
        if (s.startsWith("<?xml")) {
            s = s.substring(s.indexOf("?>") + 2).strip();
        }
        return "<homeport-wrap>" + s + "</homeport-wrap>";
    }
}
