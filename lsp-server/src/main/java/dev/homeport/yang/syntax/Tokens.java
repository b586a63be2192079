package dev.homeport.yang.syntax;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The token list of one text, in columns of primitives so that a multi-megabyte file does not cost an object
 * per token. {@link #get(int)} makes a {@link Token} view on demand.
 */
final class Tokens extends AbstractList<Token> implements RandomAccess {
    private static final TokenKind[] KINDS = TokenKind.values();
    private byte[] kinds = new byte[256];
    private int[] starts = new int[256];
    private int[] ends = new int[256];
    private boolean[] unterminated = new boolean[256];
    private int size;

    int add(TokenKind kind, int start, int end, boolean open) {
        if (size == kinds.length) {
            int n = size * 2;
            kinds = Arrays.copyOf(kinds, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            unterminated = Arrays.copyOf(unterminated, n);
        }
        kinds[size] = (byte) kind.ordinal();
        starts[size] = start;
        ends[size] = end;
        unterminated[size] = open;
        return size++;
    }

    TokenKind kind(int i) {
        return KINDS[kinds[i]];
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    boolean isUnterminated(int i) {
        return unterminated[i];
    }

    @Override
    public Token get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return new Token(i, KINDS[kinds[i]], starts[i], ends[i], unterminated[i]);
    }

    @Override
    public int size() {
        return size;
    }

    /** Index of the token that contains {@code offset} (end excluded), or -1 when it falls between tokens. */
    int indexAt(int offset) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= offset) {
                lo = mid + 1;
            } else if (starts[mid] > offset) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
