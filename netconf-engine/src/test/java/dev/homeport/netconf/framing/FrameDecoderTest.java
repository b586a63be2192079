package dev.homeport.netconf.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private final List<String> out = new ArrayList<>();

    private FrameDecoder decoder(int max) {
        return new FrameDecoder(max, b -> out.add(new String(b, StandardCharsets.UTF_8)));
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void endOfMessageSplitAcrossReadsInsideTheDelimiter() throws Exception {
        FrameDecoder d = decoder(1000);
        d.decode(bytes("<a/>]]>]"));
        d.decode(bytes("]>\n<b/>]]>]]>"));
        assertThat(out).containsExactly("<a/>", "<b/>");
        assertThat(d.isIdle()).isTrue();
    }

    @Test
    void switchesToChunkedForBytesThatFollowTheHelloInTheSameRead() throws Exception {
        List<String> got = new ArrayList<>();
        FrameDecoder[] holder = new FrameDecoder[1];
        holder[0] = new FrameDecoder(1000, b -> {
            got.add(new String(b, StandardCharsets.UTF_8));
            holder[0].setFraming(Framing.CHUNKED);
        });
        holder[0].decode(bytes("<hello/>]]>]]>\n#3\n<a/\n#1\n>\n##\n"));
        assertThat(got).containsExactly("<hello/>", "<a/>");
    }

    @Test
    void chunkLargerThanTheMaximumIsRefusedBeforeAllocating() {
        FrameDecoder d = decoder(1024);
        d.setFraming(Framing.CHUNKED);
        assertThatThrownBy(() -> d.decode(bytes("\n#2147483648\n")))
                .isInstanceOf(FramingException.class)
                .hasMessageContaining("maximum message size of 1024");
    }

    @Test
    void chunkSizeWithLeadingZeroIsAGrammarError() {
        FrameDecoder d = decoder(1024);
        d.setFraming(Framing.CHUNKED);
        assertThatThrownBy(() -> d.decode(bytes("\n#012\n")))
                .isInstanceOf(FramingException.class)
                .hasMessageContaining("expected a digit 1-9");
    }

    @Test
    void endOfMessageWithoutDelimiterStopsAtTheMaximum() {
        FrameDecoder d = decoder(100);
        assertThatThrownBy(() -> d.decode(bytes("x".repeat(200))))
                .isInstanceOf(FramingException.class)
                .hasMessageContaining("maximum message size of 100");
    }

    @Test
    void encoderOutputDecodesToTheSameMessage() throws Exception {
        FrameDecoder d = decoder(1 << 20);
        d.setFraming(Framing.CHUNKED);
        String msg = "<rpc>" + "y".repeat(200_000) + "</rpc>";
        d.decode(ByteBuffer.wrap(FrameEncoder.chunked(msg.getBytes(StandardCharsets.UTF_8), 4096)));
        assertThat(out).containsExactly(msg);
    }
}
