package dev.homeport.netconf.transport.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * Just enough DER (X.690) to write an X.509 certificate: the JDK parses and validates certificates but has no public
 * API to make one, and Bouncy Castle on the engine's runtime class path would change MINA SSHD's preferred key
 * exchange (see docs/benchmarks.md). What is written here is checked by the JDK's own parser and PKIX validator
 * and, in the tests, by OpenSSL.
 */
final class Der {
    static final int BOOLEAN = 0x01;
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int SEQUENCE = 0x30;

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private Der() {
    }

    /** Tag, definite length, content. */
    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            content.writeBytes(p);
        }
        int n = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 6);
        out.write(tag);
        if (n < 0x80) {
            out.write(n);
        } else {
            byte[] len = BigInteger.valueOf(n).toByteArray();
            int skip = len[0] == 0 ? 1 : 0;
            out.write(0x80 | (len.length - skip));
            out.write(len, skip, len.length - skip);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... parts) {
        return tlv(SEQUENCE, parts);
    }

    static byte[] integer(BigInteger value) {
        return tlv(INTEGER, value.toByteArray());
    }

    static byte[] bool(boolean value) {
        return tlv(BOOLEAN, new byte[] {(byte) (value ? 0xFF : 0x00)});
    }

    static byte[] octets(byte[] value) {
        return tlv(OCTET_STRING, value);
    }

    static byte[] nul() {
        return tlv(NULL);
    }

    /** A BIT STRING of whole bytes. */
    static byte[] bits(byte[] value) {
        byte[] c = new byte[value.length + 1];
        System.arraycopy(value, 0, c, 1, value.length);
        return tlv(BIT_STRING, c);
    }

    /** A named-bit BIT STRING (such as KeyUsage) whose bits 0..7 are set as in {@code bits} (bit 0 = 0x80). */
    static byte[] namedBits(int bits) {
        if (bits == 0) {
            return tlv(BIT_STRING, new byte[] {0});
        }
        return tlv(BIT_STRING, new byte[] {(byte) Integer.numberOfTrailingZeros(bits), (byte) bits});
    }

    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(out, Long.parseLong(arcs[i]));
        }
        return tlv(OID, out.toByteArray());
    }

    private static void base128(ByteArrayOutputStream out, long v) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(v) + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            int b = (int) (v >>> (7 * i)) & 0x7F;
            out.write(i > 0 ? b | 0x80 : b);
        }
    }

    /** RFC 5280 section 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
    static byte[] time(ZonedDateTime t) {
        ZonedDateTime utc = t.withZoneSameInstant(ZoneOffset.UTC).withNano(0);
        return utc.getYear() < 2050
                ? tlv(UTC_TIME, UTC.format(utc).getBytes(StandardCharsets.US_ASCII))
                : tlv(GENERALIZED_TIME, GENERALIZED.format(utc).getBytes(StandardCharsets.US_ASCII));
    }

    /** A context-specific tag: {@code [n]}, constructed (explicit) or primitive (implicit on a primitive type). */
    static int context(int n, boolean constructed) {
        return 0x80 | (constructed ? 0x20 : 0) | n;
    }

    /**
     * The content of the {@code index}-th element (0-based) of a SEQUENCE, e.g. the subjectPublicKey BIT STRING of a
     * SubjectPublicKeyInfo (index 1).
     */
    static byte[] element(byte[] sequence, int index) {
        int[] outer = header(sequence, 0);
        int pos = outer[0];
        for (int i = 0; ; i++) {
            int[] h = header(sequence, pos);
            if (i == index) {
                return Arrays.copyOfRange(sequence, h[0], h[0] + h[1]);
            }
            pos = h[0] + h[1];
        }
    }

    /** The content of the outermost element (e.g. what an OCTET STRING wraps). */
    static byte[] content(byte[] der) {
        int[] h = header(der, 0);
        return Arrays.copyOfRange(der, h[0], h[0] + h[1]);
    }

    /** {content offset, content length} of the element at {@code pos}. */
    private static int[] header(byte[] der, int pos) {
        int len = der[pos + 1] & 0xFF;
        int start = pos + 2;
        if (len >= 0x80) {
            int n = len & 0x7F;
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (der[start + i] & 0xFF);
            }
            start += n;
        }
        if (start + len > der.length) {
            throw new IllegalArgumentException("truncated DER");
        }
        return new int[] {start, len};
    }
}
