package dev.homeport.yang.ide;

/** A foldable range of lines (zero-based, both included): a statement block, or a multi-line comment or string. */
public record FoldingRange(int startLine, int endLine, Kind kind) {
    public enum Kind { REGION, COMMENT }
}
