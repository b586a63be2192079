package dev.homeport.netconf.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * A decoder with an oversize handler (what a server uses to answer too-big requests): in either framing and under any
 * split of the input, messages up to the limit come out whole and in order, each longer one is reported once, in its
 * place in the sequence, with its first bytes, and never more than the limit is held.
 */
class OversizePropertiesTest {
    private static final int MAX = 2000;

    private record Event(boolean oversize, byte[] bytes) {
    }

    @Property(tries = 300)
    @Label("chunked: small messages delivered, large ones skipped and reported in order")
    void chunked(@ForAll("messages") List<String> messages, @ForAll("splits") List<Integer> splits) throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (String m : messages) {
            stream.writeBytes(FrameEncoder.chunked(m.getBytes(StandardCharsets.UTF_8), 700));
        }
        check(Framing.CHUNKED, messages, stream.toByteArray(), splits);
    }

    @Property(tries = 300)
    @Label("end-of-message: small messages delivered, large ones skipped and reported in order")
    void endOfMessage(@ForAll("messages") List<String> messages, @ForAll("splits") List<Integer> splits)
            throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (String m : messages) {
            stream.writeBytes(FrameEncoder.endOfMessage(m.getBytes(StandardCharsets.UTF_8)));
        }
        check(Framing.END_OF_MESSAGE, messages, stream.toByteArray(), splits);
    }

    private static void check(Framing framing, List<String> messages, byte[] stream, List<Integer> splits)
            throws Exception {
        List<Event> events = new ArrayList<>();
        FrameDecoder d = new FrameDecoder(MAX, m -> events.add(new Event(false, m)));
        d.onOversize(p -> events.add(new Event(true, p)));
        d.setFraming(framing);
        int pos = 0;
        int i = 0;
        while (pos < stream.length) {
            int n = Math.min(stream.length - pos, splits.get(i++ % splits.size()));
            d.decode(ByteBuffer.wrap(stream, pos, n));
            assertThat(d.bufferedBytes()).isLessThanOrEqualTo(MAX + 5);
            pos += n;
        }
        assertThat(events).hasSameSizeAs(messages);
        for (int k = 0; k < messages.size(); k++) {
            byte[] m = messages.get(k).getBytes(StandardCharsets.UTF_8);
            Event e = events.get(k);
            if (m.length > MAX) {
                assertThat(e.oversize()).as("message %d (%d bytes) is reported as oversize", k, m.length).isTrue();
                int n = Math.min(FrameDecoder.OVERSIZE_PREFIX, m.length);
                assertThat(e.bytes()).as("prefix of message %d", k).isEqualTo(Arrays.copyOf(m, n));
            } else {
                assertThat(e.oversize()).as("message %d (%d bytes) is delivered", k, m.length).isFalse();
                assertThat(e.bytes()).isEqualTo(m);
            }
        }
        assertThat(d.isIdle()).isTrue();
    }

    @Provide
    Arbitrary<List<String>> messages() {
        Arbitrary<String> small = Arbitraries.strings().withChars("<>/]ab =\"x").ofMinLength(1).ofMaxLength(300)
                .map(s -> "<" + s.replace("]]>]]>", "]]>x]]>") + "x"); // ends in x: no delimiter across the end
        Arbitrary<String> large = Arbitraries.integers().between(MAX + 1, 6 * MAX)
                .map(n -> "<rpc message-id=\"" + n + "\">" + "]>y".repeat(n / 3));
        return Arbitraries.frequencyOf(Tuple.of(3, small), Tuple.of(1, large)).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Integer>> splits() {
        return Arbitraries.frequencyOf(
                        Tuple.of(5, Arbitraries.integers().between(1, 7)),
                        Tuple.of(3, Arbitraries.integers().between(1, 300)),
                        Tuple.of(1, Arbitraries.integers().between(1, 20_000)))
                .list().ofMinSize(1).ofMaxSize(40);
    }
}
