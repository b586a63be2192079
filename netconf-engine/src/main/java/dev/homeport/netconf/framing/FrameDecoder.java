package dev.homeport.netconf.framing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A streaming RFC 6242 decoder. Bytes arrive in pieces of any size; each complete message is handed to the sink
 * as it ends. At most one message is buffered, and never more than {@code maxMessageSize} bytes of it: a peer that
 * claims a larger chunk or sends a longer message is stopped at once with a {@link FramingException}, before any
 * large allocation. After an exception the decoder is dead: framing errors are not recoverable.
 *
 * <p>The sink runs synchronously inside {@link #decode}, so a sink that sees the hello can call
 * {@link #setFraming} and the rest of the same input is decoded with the new framing.
 */
public final class FrameDecoder {
    private static final byte[] EOM = "]]>]]>".getBytes(StandardCharsets.US_ASCII);
    /** RFC 6242 section 4.2: chunk-size is at most 4294967295. */
    private static final long MAX_CHUNK_SIZE = 4294967295L;

    private enum ChunkState { LF, HASH, SIZE_FIRST, SIZE, DATA, END_LF }

    private final int maxMessageSize;
    private final Consumer<byte[]> sink;
    private Framing framing = Framing.END_OF_MESSAGE;
    private FramingException failure;

    private byte[] buf = new byte[8192];
    private int len;

    // chunked state
    private ChunkState state = ChunkState.LF;
    private long chunkRemaining;
    private long chunkSize;
    private int sizeDigits;
    private boolean sawChunk;

    public FrameDecoder(int maxMessageSize, Consumer<byte[]> sink) {
        if (maxMessageSize <= 0) {
            throw new IllegalArgumentException("maxMessageSize must be positive");
        }
        this.maxMessageSize = maxMessageSize;
        this.sink = sink;
    }

    public Framing framing() {
        return framing;
    }

    /** Switches framing between messages; called from the sink after the hello exchange. */
    public void setFraming(Framing framing) {
        if (len > 0) {
            throw new IllegalStateException("framing can only change between messages");
        }
        this.framing = framing;
        resetChunkState();
    }

    /** True when no partial message is held: the peer stopped at a message boundary. */
    public boolean isIdle() {
        return len == 0 && (framing == Framing.END_OF_MESSAGE || (state == ChunkState.LF && !sawChunk));
    }

    /** Bytes of the message being assembled. */
    public int bufferedBytes() {
        return len;
    }

    /** Feeds bytes; every complete message in them goes to the sink before this returns. */
    public void decode(ByteBuffer in) throws FramingException {
        if (failure != null) {
            throw failure;
        }
        try {
            while (in.hasRemaining()) {
                if (framing == Framing.END_OF_MESSAGE) {
                    decodeEndOfMessage(in);
                } else {
                    decodeChunked(in);
                }
            }
        } catch (FramingException e) {
            failure = e;
            buf = new byte[0];
            len = 0;
            throw e;
        }
    }

    private void decodeEndOfMessage(ByteBuffer in) throws FramingException {
        // Take input up to and including the first delimiter; what follows stays in 'in' for the next message,
        // decoded with whatever framing the sink has chosen by then.
        int pos = in.position();
        int limit = in.limit();
        int found = -1;
        for (int i = pos; i < limit; i++) {
            if (in.get(i) == '>' && delimiterEndsAt(in, pos, i)) {
                found = i;
                break;
            }
        }
        int n = (found >= 0 ? found + 1 : limit) - pos;
        long total = (long) len + n;
        if (found < 0 ? total > maxMessageSize + EOM.length - 1 : total - EOM.length > maxMessageSize) {
            throw tooLong();
        }
        ensureCapacity((int) total);
        in.get(buf, len, n);
        len = (int) total;
        if (found < 0) {
            return;
        }
        byte[] message = trimLeadingWhitespace(buf, 0, len - EOM.length);
        len = 0;
        shrinkIfHuge();
        if (message.length > 0) {
            sink.accept(message);
        }
    }

    /** Whether the six bytes ending at input index {@code i} (continuing the buffered bytes) are the delimiter. */
    private boolean delimiterEndsAt(ByteBuffer in, int pos, int i) {
        for (int k = 0; k < EOM.length; k++) {
            int idx = i - k;
            byte b;
            if (idx >= pos) {
                b = in.get(idx);
            } else {
                int bi = len - (pos - idx);
                if (bi < 0) {
                    return false;
                }
                b = buf[bi];
            }
            if (b != EOM[EOM.length - 1 - k]) {
                return false;
            }
        }
        return true;
    }

    private void decodeChunked(ByteBuffer in) throws FramingException {
        while (in.hasRemaining()) {
            switch (state) {
                case LF -> {
                    expect(in.get(), '\n', "a chunk must start with LF");
                    state = ChunkState.HASH;
                }
                case HASH -> {
                    expect(in.get(), '#', "expected '#' after LF in a chunk header");
                    state = ChunkState.SIZE_FIRST;
                }
                case SIZE_FIRST -> {
                    byte b = in.get();
                    if (b == '#') {
                        if (!sawChunk) {
                            throw new FramingException("end-of-chunks marker '\\n##\\n' before any chunk");
                        }
                        state = ChunkState.END_LF;
                    } else if (b >= '1' && b <= '9') {
                        chunkSize = b - '0';
                        sizeDigits = 1;
                        state = ChunkState.SIZE;
                    } else {
                        throw new FramingException("invalid chunk size: expected a digit 1-9, got " + describe(b));
                    }
                }
                case SIZE -> {
                    byte b = in.get();
                    if (b >= '0' && b <= '9') {
                        if (++sizeDigits > 10) {
                            throw new FramingException("chunk size has more than 10 digits");
                        }
                        chunkSize = chunkSize * 10 + (b - '0');
                        if (chunkSize > MAX_CHUNK_SIZE) {
                            throw new FramingException("chunk size " + chunkSize + " exceeds 4294967295 (RFC 6242)");
                        }
                    } else if (b == '\n') {
                        if ((long) len + chunkSize > maxMessageSize) {
                            throw new FramingException("chunk of " + chunkSize + " bytes would make the message exceed "
                                    + "the maximum message size of " + maxMessageSize + " bytes");
                        }
                        chunkRemaining = chunkSize;
                        sawChunk = true;
                        ensureCapacity((int) Math.min(maxMessageSize, len + Math.min(chunkSize, 1 << 20)));
                        state = ChunkState.DATA;
                    } else {
                        throw new FramingException("invalid character in chunk size: " + describe(b));
                    }
                }
                case DATA -> {
                    int n = (int) Math.min(chunkRemaining, in.remaining());
                    ensureCapacity(len + n);
                    in.get(buf, len, n);
                    len += n;
                    chunkRemaining -= n;
                    if (chunkRemaining == 0) {
                        state = ChunkState.LF;
                    }
                }
                case END_LF -> {
                    expect(in.get(), '\n', "end-of-chunks must be '\\n##\\n'");
                    byte[] message = Arrays.copyOf(buf, len);
                    len = 0;
                    resetChunkState();
                    shrinkIfHuge();
                    sink.accept(message);
                    if (framing != Framing.CHUNKED) {
                        return;
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private void resetChunkState() {
        state = ChunkState.LF;
        chunkRemaining = 0;
        chunkSize = 0;
        sizeDigits = 0;
        sawChunk = false;
    }

    private void ensureCapacity(int needed) {
        if (needed > buf.length) {
            int next = (int) Math.min(Math.max((long) buf.length * 2, needed), (long) maxMessageSize + EOM.length);
            buf = Arrays.copyOf(buf, Math.max(next, needed));
        }
    }

    private void shrinkIfHuge() {
        if (buf.length > (1 << 20)) {
            buf = new byte[8192];
        }
    }

    private FramingException tooLong() {
        return new FramingException("message exceeds the maximum message size of " + maxMessageSize
                + " bytes without an end-of-message delimiter");
    }

    private static void expect(byte actual, char expected, String what) throws FramingException {
        if (actual != expected) {
            throw new FramingException(what + " (got " + describe(actual) + ")");
        }
    }

    private static String describe(byte b) {
        int v = b & 0xff;
        return v >= 0x20 && v < 0x7f ? "'" + (char) v + "'" : String.format("byte 0x%02x", v);
    }


    private static byte[] trimLeadingWhitespace(byte[] data, int from, int to) {
        int start = from;
        while (start < to && isXmlSpace(data[start])) {
            start++;
        }
        return Arrays.copyOfRange(data, start, to);
    }

    private static boolean isXmlSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
