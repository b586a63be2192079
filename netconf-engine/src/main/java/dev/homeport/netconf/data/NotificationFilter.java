package dev.homeport.netconf.data;

import dev.homeport.netconf.ops.Filter;
import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.SafeXml;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.w3c.dom.Element;

/**
 * The filter of an RFC 5277 create-subscription as a test on one notification: a subtree filter (section 3.6: its top
 * elements name the event) or an XPath filter (the event is selected when the expression finds something in it, the
 * notification being a top-level node). The simulator decides with it what a subscription is sent; a client that
 * shares one unfiltered subscription between several consumers (RFC 5277 allows one per session) applies a
 * consumer's filter with it instead of asking the device.
 */
public final class NotificationFilter {
    private final EffectiveModelContext context;
    private final SubtreeFilter subtreeFilter;
    private final Element subtree;
    private final DataXPath xpath;
    private final DataXPath.Query query;

    private NotificationFilter(EffectiveModelContext context, SubtreeFilter subtreeFilter, Element subtree,
            DataXPath xpath, DataXPath.Query query) {
        this.context = context;
        this.subtreeFilter = subtreeFilter;
        this.subtree = subtree;
        this.xpath = xpath;
        this.query = query;
    }

    /** A subtree filter; {@code selection} is the element holding it ({@code <filter>}). */
    public static NotificationFilter subtree(SubtreeFilter filter, Element selection) {
        return new NotificationFilter(filter.context(), filter, selection, null, null);
    }

    /** An XPath filter, compiled by {@code xpath}. */
    public static NotificationFilter xpath(EffectiveModelContext context, DataXPath xpath, DataXPath.Query query) {
        return new NotificationFilter(context, null, null, xpath, query);
    }

    /**
     * The filter of a client's {@link Filter}, for this schema. Fails with the reason when an XPath expression does not
     * compile against the schema.
     */
    public static NotificationFilter of(EffectiveModelContext context, Filter filter)
            throws DataXPath.InvalidXPathException {
        return switch (filter) {
            case Filter.Subtree s -> {
                try {
                    yield subtree(new SubtreeFilter(context), SafeXml.parse(s.toXml().toXml()).getDocumentElement());
                } catch (MalformedXmlException e) {
                    // Filter.subtree checked the selection already; the wrapper element adds nothing that can break
                    throw new IllegalStateException("the subtree filter is not well-formed: " + e.getMessage(), e);
                }
            }
            case Filter.XPath x -> {
                DataXPath xp = new DataXPath(context);
                yield xpath(context, xp, xp.compile(x.expression(), x.namespaces()));
            }
        };
    }

    /** Whether the notification {@code body} (a container named by the notification, as the codec parses it) passes. */
    public boolean passes(ContainerNode body) {
        if (subtree != null) {
            return context.findNotification(body.name().getNodeType())
                    .map(def -> subtreeFilter.matches(body, def, subtree)).orElse(false);
        }
        ContainerNode root = ImmutableNodes.newContainerBuilder().withNodeIdentifier(DataTrees.emptyData().name())
                .withChild(body).build();
        try {
            return !xpath.select(root, query).isEmpty();
        } catch (DataXPath.InvalidXPathException e) {
            return false; // the expression does not apply to this event's data
        }
    }
}
