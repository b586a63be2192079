package dev.homeport.netconf.framing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A streaming RFC 6242 decoder. Bytes arrive in pieces of any size; each complete message is handed to the sink
 * as it ends. At most one message is buffered, and never more than {@code maxMessageSize} bytes of it (in
 * end-of-message framing up to five more, which may be the start of the delimiter): a peer that claims a larger chunk
 * or sends a longer message is stopped at once with a {@link FramingException}, before any large allocation: space
 * is taken only as bytes arrive, whatever a chunk header claims. After an exception the decoder is dead: framing
 * errors are not recoverable.
 *
 * <p>The sink runs synchronously inside {@link #decode}, so a sink that sees the hello can call
 * {@link #setFraming} and the rest of the same input is decoded with the new framing.
 *
 * <p>A server that must answer oversize requests with an rpc-error rather than drop the session sets an
 * {@linkplain #onOversize oversize handler}: a message that grows past the limit is then read to its end without being
 * kept (its first {@value #OVERSIZE_PREFIX} bytes excepted, so that the handler can find its message-id), the handler
 * gets those bytes, and decoding goes on with the next message. Broken framing still ends the decoder.
 */
public final class FrameDecoder {
    private static final byte[] EOM = "]]>]]>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_CHUNKS = "\n##\n".getBytes(StandardCharsets.US_ASCII);
    /** RFC 6242 section 4.2: chunk-size is at most 4294967295. */
    private static final long MAX_CHUNK_SIZE = 4294967295L;

    private enum ChunkState { LF, HASH, SIZE_FIRST, SIZE, DATA, END_LF }

    /** How much of an oversize message is kept for its handler. */
    public static final int OVERSIZE_PREFIX = 1024;

    private final int maxMessageSize;
    private final Consumer<byte[]> sink;
    private Consumer<byte[]> oversize;
    /** Reading an oversize message to its end; what of it is kept. */
    private boolean discarding;
    private byte[] discardPrefix;
    private Framing framing = Framing.END_OF_MESSAGE;
    private FramingException failure;

    /** The message being assembled (for end-of-message framing: with any bytes that may begin the delimiter). */
    private final MessageBuffer buffer = new MessageBuffer();

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

    /**
     * Skips messages longer than the maximum instead of failing: {@code handler} gets the first
     * {@value #OVERSIZE_PREFIX} bytes of each skipped message, when it has ended.
     */
    public void onOversize(Consumer<byte[]> handler) {
        this.oversize = handler;
    }

    /** Switches framing between messages; called from the sink after the hello exchange. */
    public void setFraming(Framing framing) {
        if (buffer.size() > 0 || discarding) {
            throw new IllegalStateException("framing can only change between messages");
        }
        this.framing = framing;
        resetChunkState();
    }

    /** True when no partial message is held: the peer stopped at a message boundary. */
    public boolean isIdle() {
        return buffer.size() == 0 && !discarding
                && (framing == Framing.END_OF_MESSAGE || (state == ChunkState.LF && !sawChunk));
    }

    /** Bytes of the message being assembled. */
    public int bufferedBytes() {
        return buffer.size();
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
            buffer.release();
            throw e;
        }
    }

    private void decodeEndOfMessage(ByteBuffer in) throws FramingException {
        // Take input up to and including the first delimiter; what follows stays in 'in' for the next message,
        // decoded with whatever framing the sink has chosen by then. Transports hand over heap buffers; others are
        // copied once so that the search runs over an array.
        byte[] a;
        int base;
        if (in.hasArray()) {
            a = in.array();
            base = in.arrayOffset();
        } else {
            a = new byte[in.remaining()];
            in.duplicate().get(a);
            base = -in.position();
        }
        int from = base + in.position();
        int to = base + in.limit();
        int end = findDelimiterEnd(a, from, to);
        int held = buffer.size();
        if (discarding) {
            skipToDelimiter(in, a, base, from, to, end);
            return;
        }
        if (end < 0) {
            // long arithmetic: a limit near Integer.MAX_VALUE must not overflow into "everything is too long"
            if ((long) held + (to - from) > (long) maxMessageSize + EOM.length - 1) {
                if (oversize == null) {
                    throw tooLong();
                }
                startDiscarding(a, from, to);
                skipToDelimiter(in, a, base, from, to, -1);
                return;
            }
            buffer.append(in, to - from);
            return;
        }
        long messageLength = (long) held + (end - from) - EOM.length;
        if (messageLength > maxMessageSize) {
            if (oversize == null) {
                throw tooLong();
            }
            startDiscarding(a, from, end - EOM.length);
            skipToDelimiter(in, a, base, from, to, end);
            return;
        }
        int length = (int) messageLength;
        byte[] message;
        if (held == 0) {
            int start = from;
            while (start < from + length && isXmlSpace(a[start])) {
                start++;
            }
            message = Arrays.copyOfRange(a, start, from + length);
        } else {
            int start = buffer.skipXmlSpace(length);
            if (start < held) {
                message = new byte[length - start];
                int fromBuffer = Math.min(held, length) - start;
                buffer.copyTo(start, fromBuffer, message, 0);
                System.arraycopy(a, from, message, fromBuffer, message.length - fromBuffer);
            } else {
                int inputStart = from + (start - held);
                while (inputStart < from + (length - held) && isXmlSpace(a[inputStart])) {
                    inputStart++;
                }
                message = Arrays.copyOfRange(a, inputStart, from + (length - held));
            }
            buffer.clear();
        }
        in.position(end - base);
        if (message.length > 0) {
            sink.accept(message);
        }
    }

    /** Keeps the start of the message being dropped (held bytes first, then input) and forgets the rest. */
    private void startDiscarding(byte[] a, int from, int to) {
        int held = buffer.size();
        int n = (int) Math.max(0, Math.min(OVERSIZE_PREFIX, (long) held + (to - from)));
        byte[] prefix = new byte[n];
        int fromBuffer = Math.min(held, n);
        buffer.copyTo(0, fromBuffer, prefix, 0);
        System.arraycopy(a, from, prefix, fromBuffer, n - fromBuffer);
        discardPrefix = prefix;
        discarding = true;
        // the last bytes held may begin the delimiter: keep at most those
        int keep = Math.min(held, EOM.length - 1);
        byte[] tail = new byte[keep];
        buffer.copyTo(held - keep, keep, tail, 0);
        buffer.clear();
        buffer.append(ByteBuffer.wrap(tail), keep);
    }

    /**
     * End-of-message framing, dropping an oversize message: on to its delimiter ({@code end}, or -1 when it is not
     * in this input, where the last bytes are kept in case the delimiter begins there).
     */
    private void skipToDelimiter(ByteBuffer in, byte[] a, int base, int from, int to, int end) {
        if (end < 0) {
            // the delimiter may begin in the last bytes seen: keep up to five of them, held ones included
            int fromInput = Math.min(to - from, EOM.length - 1);
            int fromHeld = Math.min(buffer.size(), EOM.length - 1 - fromInput);
            byte[] tail = new byte[fromHeld + fromInput];
            buffer.copyTo(buffer.size() - fromHeld, fromHeld, tail, 0);
            System.arraycopy(a, to - fromInput, tail, fromHeld, fromInput);
            buffer.clear();
            buffer.append(ByteBuffer.wrap(tail), tail.length);
            in.position(to - base);
            return;
        }
        buffer.clear();
        in.position(end - base);
        finishDiscarding();
    }

    private void finishDiscarding() {
        byte[] prefix = discardPrefix;
        discarding = false;
        discardPrefix = null;
        oversize.accept(prefix);
    }

    /**
     * Where the first delimiter ends (the array index after its last byte), counting a delimiter that starts in the
     * buffered bytes and ends in {@code a[from, to)}; -1 if there is none.
     */
    private int findDelimiterEnd(byte[] a, int from, int to) {
        // Begun in the buffer: the last s buffered bytes are the delimiter's first s. Larger s ends earlier.
        for (int s = Math.min(EOM.length - 1, buffer.size()); s >= 1; s--) {
            if (to - from >= EOM.length - s && bufferEndsWith(s) && inputStartsWith(a, from, s)) {
                return from + EOM.length - s;
            }
        }
        // Wholly in the input: Horspool search on the window's last byte. In XML most bytes are neither ']' nor
        // '>', so the window usually moves six bytes at a time.
        int i = from;
        int last = to - EOM.length;
        while (i <= last) {
            byte b = a[i + 5];
            if (b == '>') {
                if (a[i] == ']' && a[i + 1] == ']' && a[i + 2] == '>' && a[i + 3] == ']' && a[i + 4] == ']') {
                    return i + EOM.length;
                }
                i += 3;
            } else if (b == ']') {
                i += 1;
            } else {
                i += 6;
            }
        }
        return -1;
    }

    /** Whether the last {@code s} buffered bytes are the first {@code s} bytes of the delimiter. */
    private boolean bufferEndsWith(int s) {
        for (int j = 0; j < s; j++) {
            if (buffer.byteFromEnd(s - 1 - j) != EOM[j]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the input starts with the delimiter's bytes from index {@code s} on. */
    private static boolean inputStartsWith(byte[] a, int from, int s) {
        for (int j = s; j < EOM.length; j++) {
            if (a[from + j - s] != EOM[j]) {
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
                        // Checked before any byte of the chunk is held; space is taken only as data arrives.
                        if (!discarding && (long) buffer.size() + chunkSize > maxMessageSize) {
                            if (oversize == null) {
                                throw new FramingException("chunk of " + chunkSize + " bytes would make the message "
                                        + "exceed the maximum message size of " + maxMessageSize + " bytes");
                            }
                            discarding = true;
                            discardPrefix = new byte[Math.min(OVERSIZE_PREFIX, buffer.size())];
                            buffer.copyTo(0, discardPrefix.length, discardPrefix, 0);
                            buffer.clear();
                        }
                        chunkRemaining = chunkSize;
                        sawChunk = true;
                        state = ChunkState.DATA;
                    } else {
                        throw new FramingException("invalid character in chunk size: " + describe(b));
                    }
                }
                case DATA -> {
                    if (discarding) {
                        int n = (int) Math.min(chunkRemaining, in.remaining());
                        if (discardPrefix.length < OVERSIZE_PREFIX) {
                            int k = Math.min(n, OVERSIZE_PREFIX - discardPrefix.length);
                            byte[] p = Arrays.copyOf(discardPrefix, discardPrefix.length + k);
                            in.duplicate().get(p, discardPrefix.length, k);
                            discardPrefix = p;
                        }
                        in.position(in.position() + n);
                        chunkRemaining -= n;
                        if (chunkRemaining == 0) {
                            state = ChunkState.LF;
                        }
                        continue;
                    }
                    if (buffer.size() == 0 && wholeMessageIsThisChunk(in)) {
                        // One chunk, then end-of-chunks, all in this input: copy it out directly.
                        int from = in.position();
                        byte[] message = new byte[(int) chunkRemaining];
                        in.get(message);
                        in.position(from + message.length + END_OF_CHUNKS.length);
                        resetChunkState();
                        sink.accept(message);
                        if (framing != Framing.CHUNKED) {
                            return;
                        }
                        continue;
                    }
                    int n = (int) Math.min(chunkRemaining, in.remaining());
                    buffer.append(in, n);
                    chunkRemaining -= n;
                    if (chunkRemaining == 0) {
                        state = ChunkState.LF;
                    }
                }
                case END_LF -> {
                    expect(in.get(), '\n', "end-of-chunks must be '\\n##\\n'");
                    if (discarding) {
                        resetChunkState();
                        finishDiscarding();
                        if (framing != Framing.CHUNKED) {
                            return;
                        }
                        continue;
                    }
                    byte[] message = new byte[buffer.size()];
                    buffer.copyTo(0, message.length, message, 0);
                    buffer.clear();
                    resetChunkState();
                    sink.accept(message);
                    if (framing != Framing.CHUNKED) {
                        return;
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    /** Whether the rest of the current chunk and then {@code \n##\n} are all in {@code in}. */
    private boolean wholeMessageIsThisChunk(ByteBuffer in) {
        if (in.remaining() < chunkRemaining + END_OF_CHUNKS.length) {
            return false;
        }
        int at = in.position() + (int) chunkRemaining;
        for (int j = 0; j < END_OF_CHUNKS.length; j++) {
            if (in.get(at + j) != END_OF_CHUNKS[j]) {
                return false;
            }
        }
        return true;
    }

    private void resetChunkState() {
        state = ChunkState.LF;
        chunkRemaining = 0;
        chunkSize = 0;
        sizeDigits = 0;
        sawChunk = false;
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
        if (v == '\n') {
            return "LF";
        }
        return v >= 0x20 && v < 0x7f ? "'" + (char) v + "'" : String.format("byte 0x%02x", v);
    }

    static boolean isXmlSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
