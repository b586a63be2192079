package dev.homeport.netconf.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.ProtocolException;
import dev.homeport.netconf.SessionClosedException;
import dev.homeport.netconf.message.RpcReply;
import dev.homeport.netconf.testing.DeviceSessions;
import dev.homeport.netconf.testing.ResourceCensus;
import dev.homeport.netconf.testing.ScriptedSshDevice;
import dev.homeport.netconf.testing.Scripts;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.transport.ssh.SshSettings;
import dev.homeport.netconf.xml.Namespaces;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile replies from a real SSH device: each must end the hostile session with an error that names the problem,
 * while a session to a well-behaved device on the same engine carries on, its in-flight RPC included, and the
 * hostile session's socket is really closed.
 */
class HostileDeviceTest {
    private static final String REPLY_OPEN = "<rpc-reply xmlns=\"" + Namespaces.BASE + "\" message-id=\"";
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final SessionOptions OPTIONS = SessionOptions.defaults()
            .withHelloTimeout(Duration.ofSeconds(20)).withRpcTimeout(Duration.ofSeconds(30));

    private static ScriptedSshDevice device;
    private static SshConnector engine;

    @BeforeAll
    static void start() throws Exception {
        device = new ScriptedSshDevice();
        engine = new SshConnector(SshSettings.defaults());
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
        device.close();
    }

    @Test
    void replyWithADtdIsRefused() throws Exception {
        String message = hostileReplyClosesOnlyItsSession(Scripts.answerFirstRpcWith(id ->
                "<?xml version=\"1.0\"?><!DOCTYPE rpc-reply [<!ELEMENT rpc-reply ANY>]>"
                        + REPLY_OPEN + id + "\"><ok/></rpc-reply>"));
        assertThat(message).contains("DTD (DOCTYPE) is refused");
    }

    @Test
    void externalEntityIsNeverRead() throws Exception {
        String message = hostileReplyClosesOnlyItsSession(Scripts.answerFirstRpcWith(id ->
                "<?xml version=\"1.0\"?><!DOCTYPE rpc-reply [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + REPLY_OPEN + id + "\"><data>&xxe;</data></rpc-reply>"));
        assertThat(message).contains("DTD (DOCTYPE) is refused").doesNotContain("root:");
    }

    @Test
    void entityExpansionBombIsRefusedBeforeExpanding() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rpc-reply [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String prev = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">");
        }
        dtd.append("]>");
        String message = hostileReplyClosesOnlyItsSession(Scripts.answerFirstRpcWith(id ->
                "<?xml version=\"1.0\"?>" + dtd + REPLY_OPEN + id + "\"><data>&lol9;</data></rpc-reply>"));
        assertThat(message).contains("DTD (DOCTYPE) is refused");
    }

    @Test
    void undeclaredEntityReferenceIsRefused() throws Exception {
        String message = hostileReplyClosesOnlyItsSession(Scripts.answerFirstRpcWith(id ->
                REPLY_OPEN + id + "\"><data>&xxe;</data></rpc-reply>"));
        assertThat(message).contains("entity").contains("xxe");
    }

    @Test
    void nesting100kDeepIsRefused() throws Exception {
        int depth = 100_000;
        String message = hostileReplyClosesOnlyItsSession(Scripts.answerFirstRpcWith(id ->
                REPLY_OPEN + id + "\"><data>" + "<a>".repeat(depth) + "</a>".repeat(depth) + "</data></rpc-reply>"));
        assertThat(message).contains("nesting exceeds the limit").contains("512");
    }

    @Test
    void claimedTwoGigabyteChunkIsRefusedWithoutBufferingIt() throws Exception {
        byte[] raw = ("\n#2147483648\n" + REPLY_OPEN + "1\">").getBytes(StandardCharsets.US_ASCII);
        String message = hostileReplyClosesOnlyItsSession(Scripts.answerFirstRpcRaw(raw));
        assertThat(message).contains("framing error").contains("chunk of 2147483648 bytes")
                .contains("maximum message size of " + SessionOptions.DEFAULT_MAX_MESSAGE_SIZE);
    }

    @Test
    void binaryGarbageInsteadOfAChunkHeaderIsAFramingError() throws Exception {
        byte[] raw = {0x00, (byte) 0xff, 0x13, 0x37, '\n', '#', '5'};
        String message = hostileReplyClosesOnlyItsSession(Scripts.answerFirstRpcRaw(raw));
        assertThat(message).contains("framing error").contains("chunk must start with LF").contains("byte 0x00");
    }

    @Test
    void helloWithADtdFailsTheOpenAndClosesTheConnection() throws Exception {
        String hello = ScriptedSshDevice.helloXml(true, 1).replaceFirst("^<\\?xml[^>]*\\?>", "");
        device.on("dtdHello", c -> {
            c.sendRaw("<?xml version=\"1.0\"?><!DOCTYPE hello [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + hello
                    + "]]>]]>");
            c.stallUntilClientLeaves();
        }).on("goodBesideDtdHello", Scripts.wellBehaved());
        try (NetconfSession good = DeviceSessions.open(engine, device, "goodBesideDtdHello", OPTIONS)) {
            int socketsBefore = ResourceCensus.openSockets();
            ProtocolException e = catchThrowableOfType(ProtocolException.class,
                    () -> DeviceSessions.open(engine, device, "dtdHello", OPTIONS));
            assertThat(e).isNotNull();
            System.out.println("hostile hello -> " + e.getMessage());
            assertThat(e.getMessage()).startsWith("bad hello from 127.0.0.1:" + device.port()
                    + ": XML with a DTD (DOCTYPE) is refused");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(ResourceCensus.openSockets()).isLessThanOrEqualTo(socketsBefore));
            assertThat(good.rpc("<get/>").isOk()).isTrue();
        }
    }

    /**
     * Opens a good session with an RPC in flight, then a hostile one; the hostile RPC must fail and its session
     * close (socket included); the good RPC is then answered and the good session keeps working.
     *
     * @return the error message of the hostile session's RPC
     */
    private static String hostileReplyClosesOnlyItsSession(ScriptedSshDevice.Script hostile) throws Exception {
        int n = USERS.incrementAndGet();
        CountDownLatch releaseGoodReply = new CountDownLatch(1);
        device.on("good" + n, Scripts.wellBehaved(releaseGoodReply)).on("hostile" + n, hostile);

        try (NetconfSession good = DeviceSessions.open(engine, device, "good" + n, OPTIONS)) {
            CompletableFuture<RpcReply> inFlight = good.rpcAsync("<get/>", Duration.ofSeconds(30));
            int socketsBefore = ResourceCensus.openSockets();

            NetconfSession hostileSession = DeviceSessions.open(engine, device, "hostile" + n, OPTIONS);
            SessionClosedException e = catchThrowableOfType(SessionClosedException.class,
                    () -> hostileSession.rpc("<get/>"));
            assertThat(e).as("the hostile reply must fail the RPC").isNotNull();
            System.out.println("hostile device -> " + e.getMessage());
            assertThat(e.getMessage()).startsWith("<get> to 127.0.0.1:" + device.port() + " failed: ");
            assertThat(hostileSession.isOpen()).isFalse();
            String reason = hostileSession.closeFuture().toCompletableFuture().get(5, TimeUnit.SECONDS).description();
            assertThat(e.getMessage()).endsWith(reason);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(ResourceCensus.openSockets()).as("sockets after the hostile session closed")
                            .isLessThanOrEqualTo(socketsBefore));

            assertThat(good.isOpen()).as("the good session survives").isTrue();
            releaseGoodReply.countDown();
            assertThat(inFlight.get(10, TimeUnit.SECONDS).isOk()).isTrue();
            assertThat(good.rpc("<get-config><source><running/></source></get-config>").isOk()).isTrue();
            assertThat(good.isOpen()).isTrue();
            return e.getMessage();
        } finally {
            assertThat(device.scriptFailures()).isEmpty();
        }
    }
}
