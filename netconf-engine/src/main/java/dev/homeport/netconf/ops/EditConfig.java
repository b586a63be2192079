package dev.homeport.netconf.ops;

import dev.homeport.netconf.data.XmlDataCodec;
import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.XmlFragment;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.SafeXml;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Element;

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

    /**
     * Config content from a yangtools tree: the data root's children, written by the codec in schema order (a whole
     * configuration to merge or replace; for the smallest change between two trees see {@code DataDelta}).
     */
    public EditConfig config(ContainerNode data, XmlDataCodec codec) {
        this.config = codec.toFragment(data);
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
     * bare content (one or several top-level elements): the wrapper is dropped so it is not nested twice.
     */
    static String stripConfigWrapper(String xml) throws MalformedXmlException {
        Element wrapper = SafeXml.parseFragment(xml);
        List<Element> top = Dom.children(wrapper);
        if (top.size() == 1 && Dom.is(top.get(0), null, "config")
                && (top.get(0).getNamespaceURI() == null || Namespaces.BASE.equals(top.get(0).getNamespaceURI()))) {
            top = Dom.children(top.get(0));
        }
        StringBuilder sb = new StringBuilder();
        for (Element e : top) {
            sb.append(SafeXml.toString(e));
        }
        return sb.toString();
    }
}
