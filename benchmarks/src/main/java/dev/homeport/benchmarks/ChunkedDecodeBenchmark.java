package dev.homeport.benchmarks;

import dev.homeport.netconf.framing.FrameDecoder;
import dev.homeport.netconf.framing.FrameEncoder;
import dev.homeport.netconf.framing.Framing;
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
 * RFC 6242 chunked decode throughput of the engine's {@link FrameDecoder}: one whole message per operation, fed in
 * transport-sized reads, one decoder for the run as a session keeps one. Score: messages/s; the {@code bytes}
 * secondary result is message bytes/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ChunkedDecodeBenchmark {
    @Param({"1048576", "10485760"})
    public int messageSize;

    @Param({"4096", "65536"})
    public int chunkSize;

    private byte[] stream;
    private FrameDecoder decoder;
    private byte[] last;

    @Setup(Level.Trial)
    public void setUp() {
        stream = FrameEncoder.chunked(Messages.xmlReply(messageSize), chunkSize);
        decoder = new FrameDecoder(SessionOptions.DEFAULT_MAX_MESSAGE_SIZE, m -> last = m);
        decoder.setFraming(Framing.CHUNKED);
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
