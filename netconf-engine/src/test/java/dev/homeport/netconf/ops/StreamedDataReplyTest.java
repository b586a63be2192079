package dev.homeport.netconf.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.homeport.netconf.RpcErrorException;
import dev.homeport.netconf.SessionClosedException;
import dev.homeport.netconf.testing.DeviceSessions;
import dev.homeport.netconf.testing.ScriptedSshDevice;
import dev.homeport.netconf.testing.ScriptedSshDevice.ClientRpc;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.session.SessionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Data retrieval with a {@link DataReader} against a real SSH device: clean data is read straight from the reply;
 * everything else (warnings, errors, a reader that declines, malformed or hostile XML) takes the usual DOM path
 * with its usual outcome.
 */
class StreamedDataReplyTest {
    private static final String REPLY = "<rpc-reply xmlns=\"" + Namespaces.BASE + "\" message-id=\"%s\">%s</rpc-reply>";
    private static final String DATA = "<data><a xmlns='urn:x'>1</a><b xmlns='urn:x'/>\n<c xmlns='urn:x'>3</c></data>";
    private static final SessionOptions OPTIONS = SessionOptions.defaults().withRpcTimeout(Duration.ofSeconds(30));
    private static final AtomicInteger USERS = new AtomicInteger();

    private static ScriptedSshDevice device;
    private static SshConnector engine;

    @BeforeAll
    static void start() throws Exception {
        device = new ScriptedSshDevice();
        engine = new SshConnector();
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
        device.close();
    }

    /** Names the top-level data elements, and records which path it was given the data on. */
    private static final class NamingReader implements DataReader<List<String>> {
        final List<String> paths = new CopyOnWriteArrayList<>();
        final boolean decline;

        NamingReader(boolean decline) {
            this.decline = decline;
        }

        @Override
        public List<String> read(XMLStreamReader data) throws javax.xml.stream.XMLStreamException {
            paths.add("stream");
            if (decline) {
                return null;
            }
            List<String> names = new ArrayList<>();
            while (data.nextTag() == XMLStreamConstants.START_ELEMENT) {
                names.add(data.getLocalName());
                data.getElementText();
            }
            return names;
        }

        @Override
        public List<String> read(Element data) {
            paths.add("dom");
            return Dom.children(data).stream().map(Element::getLocalName).toList();
        }
    }

    /** Answers every RPC with the reply text for its message-id; close-session with ok. */
    private static NetconfClient clientOf(Function<String, String> reply) throws Exception {
        String user = "u" + USERS.incrementAndGet();
        device.on(user, c -> {
            c.hello();
            while (true) {
                ClientRpc rpc = c.nextRpc();
                if (rpc.operation().equals("close-session")) {
                    c.reply(rpc, "<ok/>");
                    return;
                }
                c.send(reply.apply(rpc.messageId()));
            }
        });
        return new NetconfClient(DeviceSessions.open(engine, device, user, OPTIONS));
    }

    @Test
    void cleanDataIsReadFromTheReplyBytes() throws Exception {
        NamingReader reader = new NamingReader(false);
        try (NetconfClient client = clientOf(id -> REPLY.formatted(id, DATA))) {
            assertThat(client.getConfig(Datastore.RUNNING, null, null, reader)).containsExactly("a", "b", "c");
            assertThat(client.get(null, null, reader)).containsExactly("a", "b", "c");
            assertThat(reader.paths).containsExactly("stream", "stream");
            // the session goes on as usual: other RPCs, and the DOM form of the same data
            assertThat(client.lock(Datastore.RUNNING).messageId()).isPresent();
            assertThat(client.getConfig(Datastore.RUNNING).roots()).hasSize(3);
        }
    }

    @Test
    void aReplyWithAWarningGoesTheDomWayAndKeepsItsData() throws Exception {
        NamingReader reader = new NamingReader(false);
        String warning = "<rpc-error><error-type>application</error-type><error-tag>operation-failed</error-tag>"
                + "<error-severity>warning</error-severity><error-message>partial</error-message></rpc-error>";
        try (NetconfClient client = clientOf(id -> REPLY.formatted(id, id.equals("1") ? DATA + warning
                : warning + DATA))) {
            // a warning after the data: the stream was read, then the reply went the DOM way all the same
            assertThat(client.getConfig(Datastore.RUNNING, null, null, reader)).containsExactly("a", "b", "c");
            assertThat(reader.paths).containsExactly("stream", "dom");
            // a warning before the data: the reader is not even asked
            assertThat(client.getConfig(Datastore.RUNNING, null, null, reader)).containsExactly("a", "b", "c");
            assertThat(reader.paths).containsExactly("stream", "dom", "dom");
        }
    }

    @Test
    void anRpcErrorIsThrownAsUsual() throws Exception {
        NamingReader reader = new NamingReader(false);
        String error = "<rpc-error><error-type>protocol</error-type><error-tag>access-denied</error-tag>"
                + "<error-severity>error</error-severity><error-message>no</error-message></rpc-error>";
        try (NetconfClient client = clientOf(id -> REPLY.formatted(id, error))) {
            RpcErrorException e = catchThrowableOfType(RpcErrorException.class,
                    () -> client.getConfig(Datastore.RUNNING, null, null, reader));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("access-denied");
            assertThat(reader.paths).isEmpty();
        }
    }

    @Test
    void aReaderThatDeclinesGetsTheDom() throws Exception {
        NamingReader reader = new NamingReader(true);
        try (NetconfClient client = clientOf(id -> REPLY.formatted(id, DATA))) {
            assertThat(client.getConfig(Datastore.RUNNING, null, null, reader)).containsExactly("a", "b", "c");
            assertThat(reader.paths).containsExactly("stream", "dom");
        }
    }

    @Test
    void malformedDataEndsTheSessionAsWithoutAReader() throws Exception {
        NamingReader reader = new NamingReader(false);
        for (String hostile : List.of(
                REPLY.formatted("%s", "<data><a xmlns='urn:x'>1</data>"),
                "<?xml version=\"1.0\"?><!DOCTYPE rpc-reply [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + REPLY.formatted("%s", "<data><a xmlns='urn:x'>&xxe;</a></data>"),
                REPLY.formatted("%s", DATA) + "<trailing/>")) {
            try (NetconfClient client = clientOf(id -> hostile.formatted(id))) {
                SessionClosedException e = catchThrowableOfType(SessionClosedException.class,
                        () -> client.getConfig(Datastore.RUNNING, null, null, reader));
                assertThat(e).as(hostile).isNotNull();
                assertThat(e.getMessage()).contains("sent a message that was refused").doesNotContain("root:");
                assertThat(client.session().isOpen()).isFalse();
            }
        }
        assertThat(reader.paths).doesNotContain("dom");
    }
}
