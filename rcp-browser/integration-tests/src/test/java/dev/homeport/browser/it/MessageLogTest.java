package dev.homeport.browser.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.browser.core.MessageLog;
import dev.homeport.netconf.session.MessageTrace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Console view's message log without a window: masking of whatever reaches it, and its bounds. */
class MessageLogTest {
    private static final String PEER = "127.0.0.1:4334";

    @Test
    void secretLeavesAreMaskedInWhateverFormTheyCome() {
        MessageLog log = new MessageLog();
        log.trace().message(PEER, MessageTrace.Direction.OUT, "<rpc xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">"
                + "<user xmlns:s=\"x\"><s:password><![CDATA[cdata-secret-1]]></s:password>"
                + "<private-key>key-secret-2</private-key><name>alice</name></user></rpc>");
        // cut in the middle of a password, as a message longer than MAX_CHARS is: not XML any more
        log.trace().message(PEER, MessageTrace.Direction.IN, "<rpc-reply><user><name>bob</name><password>$0$cut-secr");
        List<MessageLog.Entry> entries = log.entries(PEER);
        assertThat(entries).hasSize(2);
        String shown = entries.get(0).format() + entries.get(1).format();
        assertThat(shown).contains("alice", "bob", "*****", ">>> to " + PEER, "<<< from " + PEER)
                .doesNotContain("cdata-secret-1", "key-secret-2", "cut-secr");
    }

    @Test
    void longMessagesAreCutAndTheLogIsBounded() {
        MessageLog log = new MessageLog();
        String big = "<data>" + "x".repeat(MessageLog.MAX_CHARS * 2) + "</data>";
        log.trace().message(PEER, MessageTrace.Direction.IN, big);
        MessageLog.Entry cut = log.entries(PEER).get(0);
        assertThat(cut.xml()).hasSize(MessageLog.MAX_CHARS);
        assertThat(cut.droppedChars()).isEqualTo(big.length() - MessageLog.MAX_CHARS);
        assertThat(cut.format()).contains("more characters not kept");

        int many = (int) (MessageLog.MAX_TOTAL_CHARS / MessageLog.MAX_CHARS) + 10;
        for (int i = 0; i < many; i++) {
            log.trace().message(PEER, MessageTrace.Direction.IN, big);
        }
        List<MessageLog.Entry> kept = log.entries(PEER);
        assertThat(kept.stream().mapToLong(e -> e.xml().length()).sum()).isLessThanOrEqualTo(MessageLog.MAX_TOTAL_CHARS);
        assertThat(kept.get(kept.size() - 1).seq()).as("the newest is kept").isEqualTo(many + 1);
        assertThat(log.entries(PEER, kept.get(kept.size() - 2).seq())).hasSize(1);
        assertThat(log.entries("127.0.0.2:1")).isEmpty();
    }
}
