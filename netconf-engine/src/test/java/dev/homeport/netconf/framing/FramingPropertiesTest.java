package dev.homeport.netconf.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of both RFC 6242 decoders under arbitrary input: any split of a valid stream decodes to the same
 * messages; any broken or hostile stream ends in a {@link FramingException} whose message names the problem, with
 * no other exception, no hang, and never more than {@code maxMessageSize} bytes buffered.
 */
class FramingPropertiesTest {
    private static final int MAX = 64 * 1024;

    // ------------------------------------------------------------------ valid streams, split anywhere

    @Property(tries = 300)
    @Label("chunked: any split of a valid stream decodes to the same messages")
    void chunkedRandomSplits(@ForAll("binaryMessages") List<byte[]> messages,
                             @ForAll @IntRange(min = 1, max = 3000) int chunkSize,
                             @ForAll("splits") List<Integer> splits) throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (byte[] m : messages) {
            stream.writeBytes(FrameEncoder.chunked(m, chunkSize));
        }
        Collector got = new Collector();
        FrameDecoder d = new FrameDecoder(MAX, got);
        d.setFraming(Framing.CHUNKED);
        feed(d, stream.toByteArray(), splits);
        assertThat(got.messages).hasSize(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            assertThat(got.messages.get(i)).as("message %d", i).isEqualTo(messages.get(i));
        }
        assertThat(d.isIdle()).isTrue();
    }

    @Property(tries = 300)
    @Label("end-of-message: any split of a valid stream decodes to the same messages")
    void endOfMessageRandomSplits(@ForAll("eomMessages") List<String> messages,
                                  @ForAll("splits") List<Integer> splits) throws Exception {
        StringBuilder stream = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (String m : messages) {
            stream.append(m).append("]]>]]>");
            String trimmed = m.replaceFirst("^[ \\t\\r\\n]+", "");
            if (!trimmed.isEmpty()) {
                expected.add(trimmed); // whitespace between messages is not a message
            }
        }
        Collector got = new Collector();
        FrameDecoder d = new FrameDecoder(MAX, got);
        feed(d, stream.toString().getBytes(StandardCharsets.UTF_8), splits);
        assertThat(got.texts()).containsExactlyElementsOf(expected);
        assertThat(d.isIdle()).isTrue();
    }

    @Property(tries = 100)
    @Label("the hello in end-of-message framing, then chunked, split anywhere")
    void helloThenChunkedRandomSplits(@ForAll("binaryMessages") List<byte[]> messages,
                                      @ForAll("splits") List<Integer> splits) throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(FrameEncoder.endOfMessage("<hello/>".getBytes(StandardCharsets.US_ASCII)));
        for (byte[] m : messages) {
            stream.writeBytes(FrameEncoder.chunked(m, 100));
        }
        List<byte[]> got = new ArrayList<>();
        FrameDecoder[] d = new FrameDecoder[1];
        d[0] = new FrameDecoder(MAX, m -> {
            if (got.isEmpty()) {
                d[0].setFraming(Framing.CHUNKED);
            }
            got.add(m);
        });
        feed(d[0], stream.toByteArray(), splits);
        assertThat(got).hasSize(messages.size() + 1);
        assertThat(new String(got.get(0), StandardCharsets.US_ASCII)).isEqualTo("<hello/>");
        for (int i = 0; i < messages.size(); i++) {
            assertThat(got.get(i + 1)).isEqualTo(messages.get(i));
        }
    }

    // ------------------------------------------------------------------ arbitrary bytes

    @Property(tries = 1000)
    @Label("chunked: arbitrary bytes give messages or a FramingException, never more than the maximum buffered")
    void chunkedArbitraryBytes(@ForAll("headerishBytes") byte[] input, @ForAll("splits") List<Integer> splits) {
        arbitraryBytesAreSafe(Framing.CHUNKED, input, splits);
    }

    @Property(tries = 1000)
    @Label("end-of-message: arbitrary bytes give messages or a FramingException, never more than the maximum buffered")
    void endOfMessageArbitraryBytes(@ForAll("headerishBytes") byte[] input, @ForAll("splits") List<Integer> splits) {
        arbitraryBytesAreSafe(Framing.END_OF_MESSAGE, input, splits);
    }

    private static void arbitraryBytesAreSafe(Framing framing, byte[] input, List<Integer> splits) {
        int max = 256; // small, so that random sizes and long runs without a delimiter reach it
        Collector got = new Collector();
        FrameDecoder d = new FrameDecoder(max, got);
        d.setFraming(framing);
        int pos = 0;
        int i = 0;
        FramingException failure = null;
        // End-of-message framing may hold five more bytes: they could begin the delimiter, so they are not yet known
        // to belong to the message.
        int maxBuffered = framing == Framing.CHUNKED ? max : max + 5;
        while (pos < input.length) {
            int n = Math.min(input.length - pos, splits.get(i++ % splits.size()));
            try {
                d.decode(ByteBuffer.wrap(input, pos, n));
            } catch (FramingException e) {
                failure = e;
                break;
            }
            pos += n;
            assertThat(d.bufferedBytes()).isLessThanOrEqualTo(maxBuffered);
        }
        for (byte[] m : got.messages) {
            assertThat(m.length).isBetween(1, max);
        }
        if (failure != null) {
            assertThat(failure.getMessage()).isNotBlank();
            // a dead decoder stays dead: the message boundaries are lost for good
            FramingException first = failure;
            assertThatThrownBy(() -> d.decode(ByteBuffer.wrap(new byte[] {'\n'}))).isSameAs(first);
            assertThat(d.bufferedBytes()).isZero();
        }
    }

    // ------------------------------------------------------------------ broken chunk headers, by name

    @Example
    void claimedTwoGigabyteChunk() {
        assertChunkedError("\n#2147483648\n", "chunk of 2147483648 bytes would make the message exceed the maximum"
                + " message size of 65536 bytes");
    }

    @Example
    void chunkSizeAboveTheRfcMaximum() {
        assertChunkedError("\n#4294967296\n", "chunk size 4294967296 exceeds 4294967295 (RFC 6242)");
    }

    @Example
    void chunkSizeOfElevenDigits() {
        assertChunkedError("\n#10000000000\n", "chunk size has more than 10 digits");
    }

    @Example
    void chunkSizeOfManyNines() {
        assertChunkedError("\n#99999999999999999999\n", "chunk size 9999999999 exceeds 4294967295 (RFC 6242)");
    }

    @Example
    void chunkSizeWithLeadingZero() {
        assertChunkedError("\n#012\nabcdefghijkl\n##\n", "invalid chunk size: expected a digit 1-9, got '0'");
    }

    @Example
    void chunkSizeZero() {
        assertChunkedError("\n#0\n", "invalid chunk size: expected a digit 1-9, got '0'");
    }

    @Example
    void negativeChunkSize() {
        assertChunkedError("\n#-5\n", "invalid chunk size: expected a digit 1-9, got '-'");
    }

    @Example
    void emptyChunkSize() {
        assertChunkedError("\n#\n", "invalid chunk size: expected a digit 1-9, got LF");
    }

    @Example
    void missingLfAfterTheChunkSize() {
        assertChunkedError("\n#3abc\n##\n", "invalid character in chunk size: 'a'");
    }

    @Example
    void missingLeadingLf() {
        assertChunkedError("#3\nabc\n##\n", "a chunk must start with LF (got '#')");
    }

    @Example
    void missingHash() {
        assertChunkedError("\n3\nabc\n##\n", "expected '#' after LF in a chunk header (got '3')");
    }

    @Example
    void missingEndOfChunksBeforeTheNextMessage() {
        assertChunkedError("\n#3\nabc<rpc/>", "a chunk must start with LF (got '<')");
    }

    @Example
    void chunkLongerThanItsHeaderSays() {
        assertChunkedError("\n#3\nabcd\n##\n", "a chunk must start with LF (got 'd')");
    }

    @Example
    void missingLfAfterEndOfChunks() {
        assertChunkedError("\n#3\nabc\n##<rpc/>", "end-of-chunks must be '\\n##\\n' (got '<')");
    }

    @Example
    void endOfChunksBeforeAnyChunk() {
        assertChunkedError("\n##\n", "end-of-chunks marker '\\n##\\n' before any chunk");
    }

    @Example
    void binaryGarbage() {
        assertChunkedError("\u0000\u0001\u00ff", "a chunk must start with LF (got byte 0x00)");
    }

    @Example
    void endOfMessageFramingInAChunkedSession() {
        assertChunkedError("<rpc-reply/>]]>]]>", "a chunk must start with LF (got '<')");
    }

    @Example
    void endOfMessageWithoutDelimiterStopsAtTheMaximum() {
        FrameDecoder d = new FrameDecoder(MAX, new Collector());
        byte[] big = new byte[MAX + 100];
        Arrays.fill(big, (byte) 'x');
        FramingException e = catchThrowableOfType(FramingException.class, () -> d.decode(ByteBuffer.wrap(big)));
        assertThat(e).hasMessage("message exceeds the maximum message size of 65536 bytes without an end-of-message"
                + " delimiter");
    }

    @Example
    void endOfMessageOfExactlyTheMaximumIsAccepted() throws Exception {
        Collector got = new Collector();
        FrameDecoder d = new FrameDecoder(MAX, got);
        byte[] max = new byte[MAX];
        Arrays.fill(max, (byte) 'x');
        d.decode(ByteBuffer.wrap(FrameEncoder.endOfMessage(max)));
        assertThat(got.messages).hasSize(1);
        assertThat(got.messages.get(0)).hasSize(MAX);
    }

    @Example
    void chunkedMessageOfExactlyTheMaximumIsAcceptedAndOneByteMoreIsNot() throws Exception {
        Collector got = new Collector();
        FrameDecoder d = new FrameDecoder(MAX, got);
        d.setFraming(Framing.CHUNKED);
        d.decode(ByteBuffer.wrap(FrameEncoder.chunked(new byte[MAX], 1000)));
        assertThat(got.messages).hasSize(1);
        assertThat(got.messages.get(0)).hasSize(MAX);
        byte[] tooBig = FrameEncoder.chunked(new byte[MAX + 1], 1000);
        assertThatThrownBy(() -> d.decode(ByteBuffer.wrap(tooBig))).isInstanceOf(FramingException.class)
                .hasMessage("chunk of 537 bytes would make the message exceed the maximum message size of 65536 bytes");
    }

    @Example
    void theLargestPossibleLimitWorks() throws Exception {
        Collector got = new Collector();
        FrameDecoder eom = new FrameDecoder(Integer.MAX_VALUE, got);
        eom.decode(ByteBuffer.wrap("<a/>]]".getBytes(StandardCharsets.US_ASCII))); // no delimiter yet
        eom.decode(ByteBuffer.wrap(">]]>".getBytes(StandardCharsets.US_ASCII)));
        FrameDecoder chunked = new FrameDecoder(Integer.MAX_VALUE, got);
        chunked.setFraming(Framing.CHUNKED);
        chunked.decode(ByteBuffer.wrap("\n#4\n<b/>\n##\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(got.texts()).containsExactly("<a/>", "<b/>");
    }

    @Example
    void claimedHugeChunkAllocatesOnlyAsDataArrives() throws Exception {
        // Even when the limit allows a 2 GB message, a header alone must not make the decoder reserve 2 GB.
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        FrameDecoder d = new FrameDecoder(Integer.MAX_VALUE, new Collector());
        d.setFraming(Framing.CHUNKED);
        long before = threads.getCurrentThreadAllocatedBytes();
        d.decode(ByteBuffer.wrap("\n#2147483000\n<rpc-reply>".getBytes(StandardCharsets.US_ASCII)));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated for a 2 GB chunk header and 11 bytes of data")
                .isLessThan(4L * 1024 * 1024);
        assertThat(d.bufferedBytes()).isEqualTo(11);
        assertThat(d.isIdle()).isFalse();
    }

    @Example
    void manyTinyMessagesInOneBuffer() throws Exception {
        // One read holding a million messages: each is handed out in turn, without recursion or re-scanning.
        int count = 1_000_000;
        byte[] one = "\n#1\nx\n##\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[one.length * count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(one, 0, all, i * one.length, one.length);
        }
        int[] seen = {0};
        FrameDecoder d = new FrameDecoder(MAX, m -> seen[0]++);
        d.setFraming(Framing.CHUNKED);
        d.decode(ByteBuffer.wrap(all));
        assertThat(seen[0]).isEqualTo(count);

        byte[] eomOne = "x]]>]]>".getBytes(StandardCharsets.US_ASCII);
        byte[] eomAll = new byte[eomOne.length * count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(eomOne, 0, eomAll, i * eomOne.length, eomOne.length);
        }
        int[] eomSeen = {0};
        FrameDecoder e = new FrameDecoder(MAX, m -> eomSeen[0]++);
        e.decode(ByteBuffer.wrap(eomAll));
        assertThat(eomSeen[0]).isEqualTo(count);
    }

    private static void assertChunkedError(String stream, String expectedMessage) {
        byte[] bytes = stream.getBytes(StandardCharsets.ISO_8859_1);
        // the same error whether the bytes come at once or one by one
        for (int step : new int[] {bytes.length, 1}) {
            Collector got = new Collector();
            FrameDecoder d = new FrameDecoder(MAX, got);
            d.setFraming(Framing.CHUNKED);
            FramingException e = catchThrowableOfType(FramingException.class, () -> {
                for (int pos = 0; pos < bytes.length; pos += step) {
                    d.decode(ByteBuffer.wrap(bytes, pos, Math.min(step, bytes.length - pos)));
                    assertThat(d.bufferedBytes()).isLessThanOrEqualTo(MAX);
                }
            });
            assertThat(e).as("a FramingException for %s", stream.replace("\n", "\\n")).isNotNull();
            System.out.println("framing error -> " + e.getMessage());
            assertThat(e).hasMessage(expectedMessage);
        }
    }

    // ------------------------------------------------------------------ generators and helpers

    @Provide
    Arbitrary<List<byte[]>> binaryMessages() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(5000).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<String>> eomMessages() {
        // rich in the delimiter's characters, so that partial delimiters straddle the splits
        Arbitrary<String> text = Arbitraries.strings().withChars("]]>]]><a/ \n\tü").ofMinLength(0).ofMaxLength(400)
                .filter(s -> (s + "]]>]]>").indexOf("]]>]]>") == s.length()); // no delimiter inside or across its end
        return text.list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    @SuppressWarnings("unchecked")
    Arbitrary<List<Integer>> splits() {
        // mostly tiny pieces (splitting headers and delimiters), some medium, a few larger than any message
        return Arbitraries.frequencyOf(
                        Tuple.of(5, Arbitraries.integers().between(1, 7)),
                        Tuple.of(3, Arbitraries.integers().between(1, 300)),
                        Tuple.of(1, Arbitraries.integers().between(1, 70_000)))
                .list().ofMinSize(1).ofMaxSize(50);
    }

    /** Random bytes biased towards the characters of chunk headers and delimiters. */
    @Provide
    @SuppressWarnings("unchecked")
    Arbitrary<byte[]> headerishBytes() {
        Arbitrary<Byte> b = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of((byte) '\n', (byte) '#', (byte) ']', (byte) '>')),
                Tuple.of(4, Arbitraries.bytes().between((byte) '0', (byte) '9')),
                Tuple.of(2, Arbitraries.bytes()));
        return b.array(byte[].class).ofMinSize(0).ofMaxSize(2000);
    }

    private static void feed(FrameDecoder d, byte[] stream, List<Integer> splits) throws FramingException {
        int pos = 0;
        int i = 0;
        while (pos < stream.length) {
            int n = Math.min(stream.length - pos, splits.get(i++ % splits.size()));
            d.decode(ByteBuffer.wrap(stream, pos, n));
            assertThat(d.bufferedBytes()).isLessThanOrEqualTo(MAX);
            pos += n;
        }
    }

    private static final class Collector implements java.util.function.Consumer<byte[]> {
        final List<byte[]> messages = new ArrayList<>();

        @Override
        public void accept(byte[] m) {
            messages.add(m);
        }

        List<String> texts() {
            return messages.stream().map(m -> new String(m, StandardCharsets.UTF_8)).toList();
        }
    }
}
