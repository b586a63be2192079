package dev.homeport.benchmarks;

import dev.homeport.netconf.framing.FrameDecoder;
import dev.homeport.netconf.framing.FrameEncoder;
import dev.homeport.netconf.framing.FramingException;
import dev.homeport.netconf.session.SessionOptions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * RFC 6242 end-of-message ({@code ]]>]]>}) decode throughput of the engine's {@link FrameDecoder}, as
 * {@link ChunkedDecodeBenchmark} measures chunked framing. Score: messages/s; {@code bytes}: message bytes/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EndOfMessageDecodeBenchmark {
    @Param({"1048576", "10485760"})
    public int messageSize;

    private byte[] stream;
    private FrameDecoder decoder;
    private byte[] last;

    @Setup(Level.Trial)
    public void setUp() {
        stream = FrameEncoder.endOfMessage(Messages.xmlReply(messageSize));
        decoder = new FrameDecoder(SessionOptions.DEFAULT_MAX_MESSAGE_SIZE, m -> last = m);
    }

    @Benchmark
    public byte[] decode(Messages.Bytes counter) throws FramingException {
        Messages.feed(decoder, stream);
        if (last.length != messageSize) {
            throw new IllegalStateException("decoded " + last.length + " bytes instead of " + messageSize);
        }
        counter.bytes += messageSize;
        return last;
    }
}
