package dev.homeport.netconf.ops;

import dev.homeport.netconf.data.InvalidDataException;
import dev.homeport.netconf.data.XmlDataCodec;
import dev.homeport.netconf.message.RpcReply;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.SafeXml;
import java.util.List;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.w3c.dom.Element;

/**
 * The {@code <data>} of a get, get-config or get-data reply: raw XML always (nothing is lost when the schema is not
 * known), and a yangtools NormalizedNode tree through {@link #normalized} when it is.
 */
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

    /**
     * The data as a yangtools tree (the data root, {@code (urn:ietf:params:xml:ns:netconf:base:1.0)data}), parsed
     * leniently: elements no module of the schema defines there are skipped and listed in the result, so a device that
     * sends data of modules the schema lacks still yields the rest. A value that does not fit its type fails with
     * its path.
     */
    public XmlDataCodec.Result normalized(XmlDataCodec codec) throws InvalidDataException {
        return codec.parse(data, XmlDataCodec.Mode.LENIENT);
    }

    /** {@link #normalized(XmlDataCodec)} with a codec for this schema (make one codec to parse many replies). */
    public XmlDataCodec.Result normalized(EffectiveModelContext schema) throws InvalidDataException {
        return normalized(new XmlDataCodec(schema));
    }

    public String toXml() {
        return SafeXml.toString(data);
    }

    public String toPrettyXml() {
        return SafeXml.pretty(data);
    }
}
