package dev.homeport.netconf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.netconf.ops.Filter;
import dev.homeport.netconf.server.sim.Profile;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * A client's create-subscription filter applied to notifications it already has (the browser's views share one
 * subscription per session). The simulator's sending side is covered through the wire in NotificationsTest.
 */
class NotificationFilterTest {
    private static final String NCN = Namespaces.NETCONF_NOTIFICATIONS;
    private static EffectiveModelContext context;
    private static XmlDataCodec codec;

    @BeforeAll
    static void schema() throws Exception {
        context = Profile.named("home-router").context();
        codec = new XmlDataCodec(context);
    }

    private static ContainerNode sessionStart(String user) throws Exception {
        return codec.parseNotification(SafeXml.parse("<netconf-session-start xmlns=\"" + NCN + "\"><username>" + user
                + "</username><session-id>7</session-id><source-host>127.0.0.1</source-host></netconf-session-start>")
                .getDocumentElement());
    }

    private static ContainerNode sessionEnd() throws Exception {
        return codec.parseNotification(SafeXml.parse("<netconf-session-end xmlns=\"" + NCN + "\"><username>admin"
                + "</username><session-id>7</session-id><termination-reason>closed</termination-reason>"
                + "</netconf-session-end>").getDocumentElement());
    }

    @Test
    void aSubtreeFilterSelectsEventsByNameAndContent() throws Exception {
        NotificationFilter byName = NotificationFilter.of(context,
                Filter.subtree("<netconf-session-start xmlns=\"" + NCN + "\"/>"));
        assertThat(byName.passes(sessionStart("admin"))).isTrue();
        assertThat(byName.passes(sessionEnd())).isFalse();

        NotificationFilter byUser = NotificationFilter.of(context, Filter.subtree(
                "<netconf-session-start xmlns=\"" + NCN + "\"><username>admin</username></netconf-session-start>"));
        assertThat(byUser.passes(sessionStart("admin"))).isTrue();
        assertThat(byUser.passes(sessionStart("operator"))).isFalse();
        assertThat(byUser.passes(sessionEnd())).isFalse();

        NotificationFilter otherModule = NotificationFilter.of(context,
                Filter.subtree("<netconf-session-start xmlns=\"urn:example:not-a-module\"/>"));
        assertThat(otherModule.passes(sessionStart("admin"))).isFalse();
    }

    @Test
    void anXPathFilterSelectsEventsItFindsSomethingIn() throws Exception {
        NotificationFilter f = NotificationFilter.of(context,
                Filter.xpath("/ncn:netconf-session-start[ncn:username='operator']", Map.of("ncn", NCN)));
        assertThat(f.passes(sessionStart("operator"))).isTrue();
        assertThat(f.passes(sessionStart("admin"))).isFalse();
        assertThat(f.passes(sessionEnd())).isFalse();
    }

    @Test
    void anXPathFilterThatDoesNotCompileIsRefusedWithTheReason() {
        assertThatThrownBy(() -> NotificationFilter.of(context,
                Filter.xpath("/nope:netconf-session-start", Map.of())))
                .isInstanceOf(DataXPath.InvalidXPathException.class)
                .hasMessageContaining("nope");
    }
}
