package dev.homeport.benchmarks;

import dev.homeport.netconf.framing.FrameDecoder;
import dev.homeport.netconf.framing.FrameEncoder;
import dev.homeport.netconf.framing.Framing;
import dev.homeport.netconf.framing.FramingException;
import dev.homeport.netconf.session.SessionOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A scripted companion to the JMH framing benchmarks for a shared, loaded machine: the same decode loop, timed by the
 * decoding thread's CPU time instead of the wall clock, so that other processes competing for the cores do not count.
 * It leaves out the garbage collector's own threads, so it is an upper bound next to the JMH figures.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.homeport.benchmarks.FrameDecodeCpuTime}
 */
public final class FrameDecodeCpuTime {
    private static final long ROUND_NANOS = 500_000_000L;
    private static final int WARMUP_ROUNDS = 3;
    private static final int MEASURED_ROUNDS = 5;

    private FrameDecodeCpuTime() {
    }

    public static void main(String[] args) throws FramingException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("%-16s %10s %10s  %s%n", "framing", "chunk", "message", "GB/s per CPU-second (median of "
                + MEASURED_ROUNDS + " rounds of 0.5 s CPU)");
        for (int size : new int[] {1 << 20, 10 << 20}) {
            byte[] message = Messages.xmlReply(size);
            for (int chunk : new int[] {4096, 65536, 0}) {
                byte[] stream = chunk == 0 ? FrameEncoder.endOfMessage(message) : FrameEncoder.chunked(message, chunk);
                FrameDecoder decoder = new FrameDecoder(SessionOptions.DEFAULT_MAX_MESSAGE_SIZE, m -> {
                    if (m.length != size) {
                        throw new IllegalStateException("decoded " + m.length + " bytes instead of " + size);
                    }
                });
                if (chunk != 0) {
                    decoder.setFraming(Framing.CHUNKED);
                }
                double[] rounds = new double[MEASURED_ROUNDS];
                for (int r = 0; r < WARMUP_ROUNDS + MEASURED_ROUNDS; r++) {
                    long start = threads.getCurrentThreadCpuTime();
                    long bytes = 0;
                    long used;
                    do {
                        Messages.feed(decoder, stream);
                        bytes += size;
                        used = threads.getCurrentThreadCpuTime() - start;
                    } while (used < ROUND_NANOS);
                    if (r >= WARMUP_ROUNDS) {
                        rounds[r - WARMUP_ROUNDS] = bytes / (used / 1e9) / 1e9;
                    }
                }
                java.util.Arrays.sort(rounds);
                System.out.printf("%-16s %10s %10d  %.2f (min %.2f, max %.2f)%n",
                        chunk == 0 ? "end-of-message" : "chunked", chunk == 0 ? "-" : Integer.toString(chunk), size,
                        rounds[MEASURED_ROUNDS / 2], rounds[0], rounds[MEASURED_ROUNDS - 1]);
            }
        }
    }
}
