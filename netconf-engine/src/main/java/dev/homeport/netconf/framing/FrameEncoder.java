package dev.homeport.netconf.framing;

import java.nio.charset.StandardCharsets;

/** Frames outgoing messages (RFC 6242). Stateless; large messages are split into chunks of at most {@code maxChunk}. */
public final class FrameEncoder {
    private static final byte[] EOM = "]]>]]>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_CHUNKS = "\n##\n".getBytes(StandardCharsets.US_ASCII);
    public static final int DEFAULT_MAX_CHUNK = 65536;

    private FrameEncoder() {
    }

    public static byte[] encode(Framing framing, byte[] message) {
        return framing == Framing.CHUNKED ? chunked(message, DEFAULT_MAX_CHUNK) : endOfMessage(message);
    }

    public static byte[] endOfMessage(byte[] message) {
        byte[] out = new byte[message.length + EOM.length];
        System.arraycopy(message, 0, out, 0, message.length);
        System.arraycopy(EOM, 0, out, message.length, EOM.length);
        return out;
    }

    public static byte[] chunked(byte[] message, int maxChunk) {
        if (message.length == 0) {
            throw new IllegalArgumentException("RFC 6242 has no empty chunked message");
        }
        int chunks = (message.length + maxChunk - 1) / maxChunk;
        byte[] full = header(maxChunk);
        int fullChunks = message.length / maxChunk;
        int lastSize = message.length - fullChunks * maxChunk;
        byte[] last = lastSize > 0 ? header(lastSize) : new byte[0];
        byte[] out = new byte[message.length + fullChunks * full.length + last.length + END_OF_CHUNKS.length];
        int pos = 0;
        for (int i = 0; i < chunks; i++) {
            int off = i * maxChunk;
            int size = Math.min(maxChunk, message.length - off);
            byte[] h = size == maxChunk ? full : last;
            System.arraycopy(h, 0, out, pos, h.length);
            pos += h.length;
            System.arraycopy(message, off, out, pos, size);
            pos += size;
        }
        System.arraycopy(END_OF_CHUNKS, 0, out, pos, END_OF_CHUNKS.length);
        return out;
    }

    private static byte[] header(int size) {
        return ("\n#" + size + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
