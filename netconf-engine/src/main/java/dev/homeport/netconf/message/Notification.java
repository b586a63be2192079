package dev.homeport.netconf.message;

import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.w3c.dom.Element;

/** An RFC 5277 notification: the eventTime and the event content element. */
public record Notification(String eventTimeText, Optional<OffsetDateTime> eventTime, Optional<Element> content,
                           Element element) {

    public static Notification parse(Element root) {
        String time = Dom.childText(root, Namespaces.NOTIFICATION, "eventTime").orElse("");
        Optional<OffsetDateTime> parsed;
        try {
            parsed = time.isEmpty() ? Optional.empty() : Optional.of(OffsetDateTime.parse(time));
        } catch (DateTimeParseException e) {
            parsed = Optional.empty();
        }
        Optional<Element> content = Dom.children(root).stream()
                .filter(e -> !Dom.is(e, Namespaces.NOTIFICATION, "eventTime"))
                .findFirst();
        return new Notification(time, parsed, content, root);
    }

    /** Local name of the event element, e.g. {@code netconf-config-change}. */
    public String eventName() {
        return content.map(Element::getLocalName).orElse("");
    }

    /** True for RFC 5277's replayComplete and notificationComplete markers. */
    public boolean isStreamMarker() {
        return content.map(e -> Namespaces.NOTIFICATION_STREAMS.equals(e.getNamespaceURI())).orElse(false);
    }

    public String toXml() {
        return SafeXml.toString(element);
    }
}
