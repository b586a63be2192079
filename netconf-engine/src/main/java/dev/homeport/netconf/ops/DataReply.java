package dev.homeport.netconf.ops;

import dev.homeport.netconf.message.RpcReply;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.SafeXml;
import java.util.List;
import org.w3c.dom.Element;

/** The {@code <data>} of a get, get-config or get-data reply, as XML; the data layer turns it into NormalizedNode. */
public final class DataReply {
    private final RpcReply reply;
    private final Element data;

    DataReply(RpcReply reply, Element data) {
        this.reply = reply;
        this.data = data;
    }

    public RpcReply reply() {
        return reply;
    }

    /** The data element itself. */
    public Element data() {
        return data;
    }

    /** Top-level data nodes (children of data). */
    public List<Element> roots() {
        return Dom.children(data);
    }

    public String toXml() {
        return SafeXml.toString(data);
    }

    public String toPrettyXml() {
        return SafeXml.pretty(data);
    }
}
