package dev.homeport.yang.ide;

import dev.homeport.yang.model.SourceTrees;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.syntax.Token;
import dev.homeport.yang.text.LineMap;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Folding ranges: every statement whose block spans lines folds from its first line to the line before its
 * {@code }} (so the brace stays visible), a statement without block whose argument spans lines (a long
 * description) folds whole, and so does every multi-line block comment. An unclosed block folds to the end.
 */
public final class FoldingRangesFeature {
    private final SourceTrees trees;

    public FoldingRangesFeature(SourceTrees trees) {
        this.trees = trees;
    }

    public List<FoldingRange> foldingRanges(URI uri) {
        Snapshot snapshot = new Snapshot(trees);
        SyntaxTree tree = snapshot.tree(snapshot.source(uri));
        if (tree == null) {
            return List.of();
        }
        LineMap lines = tree.lines();
        List<FoldingRange> out = new ArrayList<>();
        for (Statement s : tree.allStatements()) {
            int start = lines.line(s.span().start());
            int end;
            if (s.hasBlock()) {
                Token close = s.closeBrace();
                end = close == null ? lines.line(Math.max(s.span().start(), s.span().end() - 1)) : lines.line(close.start()) - 1;
            } else {
                end = lines.line(Math.max(s.span().start(), s.span().end() - 1));
            }
            if (end > start) {
                out.add(new FoldingRange(start, end, FoldingRange.Kind.REGION));
            }
        }
        for (Token t : tree.tokens()) {
            if (t.kind() == dev.homeport.yang.syntax.TokenKind.BLOCK_COMMENT) {
                int start = lines.line(t.start());
                int end = lines.line(Math.max(t.start(), t.end() - 1));
                if (end > start) {
                    out.add(new FoldingRange(start, end, FoldingRange.Kind.COMMENT));
                }
            }
        }
        out.sort(Comparator.comparingInt(FoldingRange::startLine).thenComparingInt(FoldingRange::endLine));
        return out;
    }
}
