package dev.homeport.benchmarks;

import dev.homeport.netconf.framing.FrameDecoder;
import dev.homeport.netconf.framing.FramingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Inputs shared by the framing benchmarks. */
public final class Messages {
    /** The SSH transport's read size (SshTransport.READ_SIZE): the decoder gets its input in pieces of this size. */
    static final int READ_SIZE = 64 * 1024;

    private Messages() {
    }

    /** Message bytes decoded; with {@link AuxCounters.Type#OPERATIONS} JMH reports it per second, i.e. bytes/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
    }

    /** A get reply of the given size made of interface entries, as dense in '<' and '>' as real NETCONF data. */
    static byte[] xmlReply(int size) {
        String head = "<rpc-reply xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"1\"><data>";
        String tail = "</data></rpc-reply>";
        StringBuilder sb = new StringBuilder(size).append(head);
        for (int i = 0; sb.length() < size - tail.length() - 200; i++) {
            sb.append("<interface xmlns=\"urn:ietf:params:xml:ns:yang:ietf-interfaces\"><name>eth").append(i)
                    .append("</name><enabled>true</enabled><oper-status>up</oper-status><statistics>")
                    .append("<in-octets>").append(i * 7919L).append("</in-octets></statistics></interface>");
        }
        while (sb.length() < size - tail.length()) {
            sb.append(' ');
        }
        byte[] bytes = sb.append(tail).toString().getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != size) {
            throw new IllegalStateException("built " + bytes.length + " bytes instead of " + size);
        }
        return bytes;
    }

    /** Feeds a framed stream in transport-sized reads. */
    static void feed(FrameDecoder decoder, byte[] stream) throws FramingException {
        for (int pos = 0; pos < stream.length; pos += READ_SIZE) {
            decoder.decode(ByteBuffer.wrap(stream, pos, Math.min(READ_SIZE, stream.length - pos)));
        }
    }
}
