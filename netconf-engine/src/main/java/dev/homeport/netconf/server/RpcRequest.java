package dev.homeport.netconf.server;

import java.util.Map;
import org.w3c.dom.Element;

/**
 * One received RPC.
 *
 * @param messageId  the message-id attribute
 * @param attributes every attribute of the rpc element, which the reply must echo (RFC 6241 section 4.2)
 * @param operation  the operation element (the rpc's only child)
 */
public record RpcRequest(String messageId, Map<String, String> attributes, Element operation) {

    public String name() {
        return operation.getLocalName();
    }

    public String namespace() {
        return operation.getNamespaceURI();
    }
}
