package dev.homeport.yang.semantic;

import com.google.common.collect.ImmutableList;
import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.Revision;
import dev.homeport.yang.model.StatementPatch;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.text.LineMap;
import dev.homeport.yang.text.Position;
import java.util.HashMap;
import java.util.Map;
import org.opendaylight.yangtools.yang.ir.IRArgument;
import org.opendaylight.yangtools.yang.ir.IRKeyword;
import org.opendaylight.yangtools.yang.ir.IRStatement;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.spi.source.YangIRSource;

/**
 * Builds yangtools' intermediate representation of a source straight from our syntax tree, instead of letting
 * yangtools parse the text again: our parser is already known to agree with yangtools' on every corpus file
 * (CorpusOracleTest), it recovers from syntax errors (so a file with a typo still gets semantic checks), and it lets
 * us leave out or replace single statements ({@link StatementPatch}).
 *
 * <p>Arguments are handed over already unquoted and unescaped (as single-quoted strings, which yangtools takes
 * literally). Positions are the statement starts: 1-based line, 0-based column, which yangtools reports back as
 * 1-based {@code startLine()}/{@code startColumn()} so that {@link #statementAt} finds the statement again.
 */
final class IrBuilder {
    /** The built source and a lookup from reported positions back to our statements. */
    record Built(YangIRSource source, Map<Long, Statement> byPosition) {
        Statement statementAt(int line, int reportedColumn) {
            return byPosition.get(key(line, reportedColumn - 1));
        }
    }

    private IrBuilder() {
    }

    static long key(int line, int column) {
        return ((long) line << 32) | (column & 0xffffffffL);
    }

    /** Null when the tree has no module statement. */
    static Built build(IndexedSource source, SyntaxTree tree, Map<Statement, StatementPatch.Action> patches, String symbolicName) {
        Statement root = tree.moduleStatement().orElse(null);
        if (root == null || source.name() == null) {
            return null;
        }
        Map<Long, Statement> byPosition = new HashMap<>();
        IRStatement ir = convert(root, tree.lines(), patches, byPosition);
        Revision revision = latestRevision(root, patches);
        SourceIdentifier id = new SourceIdentifier(source.name(), revision == null ? null : revision.date());
        return new Built(new YangIRSource(id, ir, symbolicName), byPosition);
    }

    private static Revision latestRevision(Statement root, Map<Statement, StatementPatch.Action> patches) {
        Revision latest = null;
        for (Statement r : root.children("revision")) {
            Revision rev = patches.containsKey(r) || r.argument() == null ? null : Revision.parse(r.argument().trim());
            if (rev != null && (latest == null || rev.compareTo(latest) > 0)) {
                latest = rev;
            }
        }
        return latest;
    }

    private static IRStatement convert(Statement s, LineMap lines, Map<Statement, StatementPatch.Action> patches,
            Map<Long, Statement> byPosition) {
        Position p = lines.position(s.span().start());
        byPosition.put(key(p.line() + 1, p.character()), s);
        IRKeyword keyword = s.prefix() == null ? IRKeyword.Unqualified.of(s.keyword())
                : IRKeyword.Qualified.of(s.prefix(), s.identifier());
        if (patches.get(s) == StatementPatch.Action.REPLACE_TYPE) {
            return IRStatement.of(keyword, IRArgument.singleQuoted("string"), p.line() + 1, p.character(), ImmutableList.of());
        }
        ImmutableList.Builder<IRStatement> children = ImmutableList.builderWithExpectedSize(s.children().size());
        for (Statement c : s.children()) {
            // statements the parser could not make sense of are syntax errors already; yangtools gets the rest
            if (!c.hasValidKeyword() || patches.get(c) == StatementPatch.Action.REMOVE) {
                continue;
            }
            children.add(convert(c, lines, patches, byPosition));
        }
        IRArgument argument = s.argument() == null ? null : IRArgument.singleQuoted(s.argument());
        return IRStatement.of(keyword, argument, p.line() + 1, p.character(), children.build());
    }
}
