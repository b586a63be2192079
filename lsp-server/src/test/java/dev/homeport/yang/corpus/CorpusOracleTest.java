package dev.homeport.yang.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.syntax.YangVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.ir.IRArgument;
import org.opendaylight.yangtools.yang.ir.IRStatement;
import org.opendaylight.yangtools.yang.ir.StringEscaping;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.spi.source.StringYangTextSource;
import org.opendaylight.yangtools.yang.parser.rfc7950.repo.TextToIRTransformer;

/**
 * Compares our syntax tree of every corpus file with the statement tree yangtools' own parser builds: same
 * keywords, same argument values (unquoting, concatenation, escapes, indentation stripping), same nesting and
 * the same start line of every statement. yangtools is the parser the later semantic checks use, so the two
 * must agree on what a file says.
 */
class CorpusOracleTest {

    @Test
    void everyStatementMatchesWhatYangtoolsParses() throws Exception {
        List<String> mismatches = new ArrayList<>();
        List<String> refusedByYangtools = new ArrayList<>();
        int compared = 0;
        for (Path file : Corpus.yangFiles()) {
            String text = Corpus.read(file);
            SyntaxTree ours = SyntaxTree.parse(text);
            IRStatement theirs;
            try {
                theirs = TextToIRTransformer.transformText(
                        new StringYangTextSource(new SourceIdentifier("oracle"), text)).statement();
            } catch (IOException e) {
                // yangtools also checks the header (e.g. revision dates) before handing out the tree
                refusedByYangtools.add(file.getFileName().toString());
                continue;
            }
            StringEscaping escaping = ours.yangVersion() == YangVersion.V1_1 ? StringEscaping.RFC7950 : StringEscaping.RFC6020;
            compared += compare(file, ours, ours.statements().get(0), theirs, escaping, mismatches);
            if (mismatches.size() > 20) {
                break;
            }
        }
        assertThat(mismatches).isEmpty();
        // the IETF template module has the placeholder revision 'date-revision', which yangtools refuses
        assertThat(refusedByYangtools).containsExactly("ietf-template@2023-07-26.yang");
        assertThat(compared).isGreaterThan(100_000);
    }

    private static int compare(Path file, SyntaxTree tree, Statement ourRoot, IRStatement theirRoot,
            StringEscaping escaping, List<String> mismatches) throws Exception {
        Deque<Statement> ours = new ArrayDeque<>();
        Deque<IRStatement> theirs = new ArrayDeque<>();
        ours.push(ourRoot);
        theirs.push(theirRoot);
        int count = 0;
        while (!ours.isEmpty()) {
            Statement s = ours.pop();
            IRStatement t = theirs.pop();
            count++;
            String where = file.getFileName() + ":" + (tree.lines().position(s.span().start()).line() + 1);
            String theirKeyword = t.keyword().prefix() == null ? t.keyword().identifier()
                    : t.keyword().prefix() + ":" + t.keyword().identifier();
            IRArgument arg = t.argument();
            String theirArgument = arg == null ? null : arg.asString(escaping);
            if (!s.keyword().equals(theirKeyword)) {
                mismatches.add(where + " keyword " + s.keyword() + " vs " + theirKeyword);
            } else if (s.argument() == null ? theirArgument != null : !s.argument().equals(theirArgument)) {
                mismatches.add(where + " argument of " + s.keyword() + ": [" + s.argument() + "] vs [" + theirArgument + "]");
            } else if (tree.lines().position(s.span().start()).line() + 1 != t.startLine()) {
                mismatches.add(where + " starts on line " + t.startLine() + " for yangtools");
            } else if (s.children().size() != t.statements().size()) {
                mismatches.add(where + " " + s.keyword() + " has " + s.children().size() + " children vs "
                        + t.statements().size());
            } else {
                for (int i = s.children().size() - 1; i >= 0; i--) {
                    ours.push(s.children().get(i));
                    theirs.push(t.statements().get(i));
                }
            }
        }
        return count;
    }
}
