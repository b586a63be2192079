package dev.homeport.netconf.message;

import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.SafeXml;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** An rpc-reply: ok, data, or errors (warnings may come with ok or data). */
public final class RpcReply {
    private final Optional<String> messageId;
    private final Element element;
    private final List<RpcError> errors;
    private final int sizeBytes;

    public RpcReply(Element element, int sizeBytes) {
        this.element = element;
        String id = element.getAttribute("message-id");
        this.messageId = id.isEmpty() ? Optional.empty() : Optional.of(id);
        this.errors = List.copyOf(RpcError.parseAll(element));
        this.sizeBytes = sizeBytes;
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
