package dev.homeport.yang.editor;

import dev.homeport.yang.ide.SemanticToken;
import dev.homeport.yang.text.Document;
import dev.homeport.yang.text.Position;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

/**
 * Syntax colouring from the language core's semantic tokens: the presentation reconciler asks this scanner for
 * the tokens of a damaged region and gets those of the last analysis (offsets computed on the core thread from the
 * text they belong to). Typing shows the previous colours shifted until the next analysis, a fraction of a second.
 */
public final class SemanticHighlighting implements ITokenScanner {
    /** The colour of each token type. */
    public static final Map<SemanticToken.Type, TextAttribute> STYLES = new EnumMap<>(SemanticToken.Type.class);

    static {
        STYLES.put(SemanticToken.Type.KEYWORD, style(new RGB(127, 0, 85), SWT.BOLD));
        STYLES.put(SemanticToken.Type.EXTENSION, style(new RGB(128, 64, 0), SWT.BOLD));
        STYLES.put(SemanticToken.Type.PREFIX, style(new RGB(0, 110, 140), SWT.NORMAL));
        STYLES.put(SemanticToken.Type.TYPE, style(new RGB(0, 0, 192), SWT.NORMAL));
        STYLES.put(SemanticToken.Type.DEFINITION, style(new RGB(0, 0, 0), SWT.BOLD));
        STYLES.put(SemanticToken.Type.REFERENCE, style(new RGB(0, 80, 160), SWT.ITALIC));
        STYLES.put(SemanticToken.Type.STRING, style(new RGB(42, 0, 255), SWT.NORMAL));
        STYLES.put(SemanticToken.Type.NUMBER, style(new RGB(150, 100, 0), SWT.NORMAL));
        STYLES.put(SemanticToken.Type.COMMENT, style(new RGB(63, 127, 95), SWT.NORMAL));
        STYLES.put(SemanticToken.Type.OPERATOR, style(new RGB(90, 90, 90), SWT.NORMAL));
    }

    /** Tokens as offsets into the text of one version, in text order. */
    public record Highlights(int[] starts, int[] lengths, SemanticToken.Type[] types) {
        static final Highlights NONE = new Highlights(new int[0], new int[0], new SemanticToken.Type[0]);

        static Highlights of(Document document, List<SemanticToken> tokens) {
            int n = tokens.size();
            int[] starts = new int[n];
            int[] lengths = new int[n];
            SemanticToken.Type[] types = new SemanticToken.Type[n];
            for (int i = 0; i < n; i++) {
                SemanticToken t = tokens.get(i);
                starts[i] = document.offset(new Position(t.line(), t.character()));
                lengths[i] = t.length();
                types[i] = t.type();
            }
            return new Highlights(starts, lengths, types);
        }

        /** The type of the token at {@code offset}, or null. */
        public SemanticToken.Type typeAt(int offset) {
            for (int i = 0; i < starts.length; i++) {
                if (starts[i] <= offset && offset < starts[i] + lengths[i]) {
                    return types[i];
                }
            }
            return null;
        }
    }

    private static final IToken PLAIN = new Token(null);
    private volatile Highlights highlights = Highlights.NONE;
    private final Map<SemanticToken.Type, IToken> tokens = new EnumMap<>(SemanticToken.Type.class);
    // the scan in progress
    private Highlights scanning;
    private int index;
    private int cursor;
    private int end;
    private int tokenOffset;
    private int tokenLength;

    public SemanticHighlighting() {
        STYLES.forEach((type, attribute) -> tokens.put(type, new Token(attribute)));
    }

    void setHighlights(Highlights highlights) {
        this.highlights = highlights;
    }

    public Highlights highlights() {
        return highlights;
    }

    @Override
    public void setRange(IDocument document, int offset, int length) {
        scanning = highlights;
        cursor = offset;
        end = Math.min(offset + length, document.getLength());
        index = 0;
        while (index < scanning.starts().length && scanning.starts()[index] + scanning.lengths()[index] <= offset) {
            index++;
        }
    }

    @Override
    public IToken nextToken() {
        if (cursor >= end) {
            return Token.EOF;
        }
        tokenOffset = cursor;
        if (index >= scanning.starts().length || scanning.starts()[index] >= end) {
            tokenLength = end - cursor;
            cursor = end;
            return PLAIN;
        }
        int start = scanning.starts()[index];
        if (start > cursor) {
            tokenLength = start - cursor;
            cursor = start;
            return PLAIN;
        }
        int stop = Math.min(start + scanning.lengths()[index], end);
        SemanticToken.Type type = scanning.types()[index];
        index++;
        if (stop <= cursor) { // overlapping tokens: skip what is already covered
            return nextToken();
        }
        tokenLength = stop - cursor;
        cursor = stop;
        return tokens.get(type);
    }

    @Override
    public int getTokenOffset() {
        return tokenOffset;
    }

    @Override
    public int getTokenLength() {
        return tokenLength;
    }

    private static TextAttribute style(RGB rgb, int style) {
        return new TextAttribute(new Color(rgb), null, style);
    }
}
