package dev.homeport.netconf.message;

import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import dev.homeport.netconf.xml.XmlFragment;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** An rpc-reply: ok, data, or errors (warnings may come with ok or data). */
public final class RpcReply {
    private final Optional<String> messageId;
    private final Element element;
    private final List<RpcError> errors;
    private final int sizeBytes;
    private final Optional<Object> readContent;

    public RpcReply(Element element, int sizeBytes) {
        this(element, sizeBytes, Optional.empty());
    }

    private RpcReply(Element element, int sizeBytes, Optional<Object> readContent) {
        this.element = element;
        String id = element.getAttribute("message-id");
        this.messageId = id.isEmpty() ? Optional.empty() : Optional.of(id);
        this.errors = List.copyOf(RpcError.parseAll(element));
        this.sizeBytes = sizeBytes;
        this.readContent = readContent;
    }

    /**
     * A reply that a {@code ReplyReader} read from its bytes: {@link #readContent()} holds what it made, and
     * {@link #element()} is the rpc-reply element alone (its message-id, no children). The reader only accepts
     * replies without rpc-error, so there are no errors or warnings.
     */
    public static RpcReply read(String messageId, int sizeBytes, Object content) {
        StringBuilder xml = new StringBuilder("<rpc-reply xmlns=\"").append(Namespaces.BASE).append("\" message-id=\"");
        XmlFragment.escape(xml, messageId, true);
        try {
            Element root = SafeXml.parse(xml.append("\"/>").toString()).getDocumentElement();
            return new RpcReply(root, sizeBytes, Optional.of(content));
        } catch (MalformedXmlException e) {
            throw new IllegalStateException("cannot build an rpc-reply element", e);
        }
    }

    /** What the RPC's {@code ReplyReader} read from the reply; empty when the reply was parsed as DOM. */
    public Optional<Object> readContent() {
        return readContent;
    }

    public Optional<String> messageId() {
        return messageId;
    }

    /** The whole rpc-reply element. */
    public Element element() {
        return element;
    }

    public int sizeBytes() {
        return sizeBytes;
    }

    public boolean isOk() {
        return Dom.child(element, null, "ok").isPresent() && !hasErrors();
    }

    public boolean hasErrors() {
        return errors.stream().anyMatch(RpcError::isError);
    }

    /** All rpc-error elements, warnings included. */
    public List<RpcError> errors() {
        return errors;
    }

    /** The {@code <data>} element of get, get-config, get-schema and get-data replies (any namespace). */
    public Optional<Element> data() {
        return Dom.child(element, null, "data");
    }

    /** Reply content other than ok and rpc-error: the output of a custom RPC or action. */
    public List<Element> output() {
        return Dom.children(element).stream()
                .filter(e -> !"rpc-error".equals(e.getLocalName()) && !"ok".equals(e.getLocalName()))
                .toList();
    }

    public String toXml() {
        return SafeXml.toString(element);
    }

    @Override
    public String toString() {
        return toXml();
    }
}
