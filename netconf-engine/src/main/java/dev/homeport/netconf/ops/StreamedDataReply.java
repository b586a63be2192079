package dev.homeport.netconf.ops;

import dev.homeport.netconf.session.ReplyReader;
import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import dev.homeport.netconf.xml.XmlLimits;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The {@link ReplyReader} of a data retrieval: accepts a reply that is an rpc-reply holding exactly one
 * {@code <data>} and nothing after it but whitespace and comments, whose content the {@link DataReader} reads.
 * Declines everything else (rpc-error, ok, more children, malformed or unexpected XML) so that the session parses
 * it as usual.
 */
final class StreamedDataReply implements ReplyReader {
    private final DataReader<?> reader;
    private final XmlLimits limits;

    StreamedDataReply(DataReader<?> reader, XmlLimits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    @Override
    public Object read(byte[] message) {
        XMLStreamReader r = null;
        try {
            r = SafeXml.streamReader(message, limits);
            if (r.nextTag() != XMLStreamConstants.START_ELEMENT || !"rpc-reply".equals(r.getLocalName())
                    || !Namespaces.BASE.equals(r.getNamespaceURI())) {
                return null;
            }
            Object content = null;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                // any namespace, as RpcReply.data() accepts: some devices put <data> in the module's namespace
                if (content != null || !"data".equals(r.getLocalName())) {
                    return null;
                }
                content = reader.read(r);
                if (content == null || r.getEventType() != XMLStreamConstants.END_ELEMENT) {
                    return null;
                }
            }
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.CHARACTERS && !r.isWhiteSpace()
                        || event == XMLStreamConstants.START_ELEMENT) {
                    return null;
                }
            }
            return content;
        } catch (MalformedXmlException | XMLStreamException | RuntimeException e) {
            return null;
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release: the reader reads from memory
                }
            }
        }
    }
}
