package dev.homeport.netconf.framing;

import java.nio.ByteBuffer;

/**
 * The bytes of the one message a {@link FrameDecoder} is assembling, held in segments so that growing never copies
 * what is already held: each byte is copied once in and once out, into an array of the message's exact size.
 * Segments double from 8 KiB to 256 KiB (below half of G1's smallest region, where arrays become "humongous"). The
 * segments of the first 1.24 MiB are kept between messages, so replies up to that size allocate only themselves; a
 * larger reply's extra segments are dropped once it is out, so an idle session holds at most that much.
 */
final class MessageBuffer {
    private static final int FIRST_SEGMENT = 8 * 1024;
    private static final int MAX_SEGMENT = 256 * 1024;
    /** Segments kept between messages: 8 + 16 + ... + 256 KiB + 3 x 256 KiB = 1272 KiB, room for a 1 MiB reply. */
    private static final int RETAINED_SEGMENTS = 9;

    private byte[][] segments = new byte[8][];
    /** Segments holding data; the last one may be partly filled. */
    private int count;
    /** Bytes used in {@code segments[count - 1]}. */
    private int lastUsed;
    private int size;

    int size() {
        return size;
    }

    private static int capacityOf(int segment) {
        return segment >= 5 ? MAX_SEGMENT : FIRST_SEGMENT << segment;
    }

    /** Appends {@code n} bytes from {@code in}'s position on, advancing it. */
    void append(ByteBuffer in, int n) {
        int left = n;
        while (left > 0) {
            if (count == 0 || lastUsed == segments[count - 1].length) {
                nextSegment();
            }
            byte[] seg = segments[count - 1];
            int k = Math.min(left, seg.length - lastUsed);
            in.get(seg, lastUsed, k);
            lastUsed += k;
            left -= k;
        }
        size += n;
    }

    private void nextSegment() {
        if (count == segments.length) {
            segments = java.util.Arrays.copyOf(segments, count * 2);
        }
        if (segments[count] == null) {
            segments[count] = new byte[capacityOf(count)];
        }
        count++;
        lastUsed = 0;
    }

    /** The byte {@code k} places before the end: {@code byteFromEnd(0)} is the last one. Requires k < size. */
    byte byteFromEnd(int k) {
        int seg = count - 1;
        int idx = lastUsed - 1 - k;
        while (idx < 0) {
            seg--;
            idx += segments[seg].length;
        }
        return segments[seg][idx];
    }

    /** Index of the first byte that is not XML whitespace, at most {@code limit}. */
    int skipXmlSpace(int limit) {
        int index = 0;
        for (int s = 0; s < count && index < limit; s++) {
            byte[] seg = segments[s];
            int used = s == count - 1 ? lastUsed : seg.length;
            for (int i = 0; i < used && index < limit; i++, index++) {
                if (!FrameDecoder.isXmlSpace(seg[i])) {
                    return index;
                }
            }
        }
        return index;
    }

    /** Copies the bytes {@code [from, from + n)} into {@code dst} at {@code dstOffset}. */
    void copyTo(int from, int n, byte[] dst, int dstOffset) {
        int skip = from;
        int out = dstOffset;
        int left = n;
        for (int s = 0; s < count && left > 0; s++) {
            byte[] seg = segments[s];
            int used = s == count - 1 ? lastUsed : seg.length;
            if (skip >= used) {
                skip -= used;
                continue;
            }
            int k = Math.min(left, used - skip);
            System.arraycopy(seg, skip, dst, out, k);
            out += k;
            left -= k;
            skip = 0;
        }
    }

    /** Forgets the content; keeps the first segments for the next message. */
    void clear() {
        for (int s = RETAINED_SEGMENTS; s < segments.length && segments[s] != null; s++) {
            segments[s] = null;
        }
        count = 0;
        lastUsed = 0;
        size = 0;
    }

    /** Forgets the content and every segment: the decoder is dead. */
    void release() {
        segments = new byte[1][];
        count = 0;
        lastUsed = 0;
        size = 0;
    }
}
