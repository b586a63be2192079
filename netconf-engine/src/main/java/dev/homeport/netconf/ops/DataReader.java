package dev.homeport.netconf.ops;

import dev.homeport.netconf.NetconfException;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Element;

/**
 * Turns the {@code <data>} of a get, get-config or get-data reply into what the caller wants (the data layer's
 * {@code XmlDataCodec.reader} makes NormalizedNode), reading it straight from the message when it can.
 *
 * <p>{@link NetconfClient} first offers the reply to {@link #read(XMLStreamReader)}, on the session's worker, without
 * building a DOM; if that returns null (or the reply holds anything but one {@code <data>}, such as an rpc-error or a
 * warning), the reply is handled as usual and its data element goes to {@link #read(Element)}, which gives the
 * result or the error with full diagnostics.
 */
public interface DataReader<T> {
    /**
     * Reads the data element's content from a pull parser on its start tag, leaving the parser on its end tag.
     * Returns null, rather than throwing, for anything it cannot read: the DOM path then decides.
     */
    T read(XMLStreamReader data) throws XMLStreamException;

    /** Reads the data element of a reply that was parsed as DOM. */
    T read(Element data) throws NetconfException;
}
