package dev.homeport.yang.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxCodes;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.syntax.YangVersion;
import dev.homeport.yang.text.Severity;
import dev.homeport.yang.syntax.Token;
import dev.homeport.yang.text.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every published module of the corpus parses without a syntax error, into one module or submodule. */
class CorpusParseTest {

    @Test
    void everyCorpusFileParsesWithoutSyntaxErrors() {
        List<Path> files = Corpus.yangFiles();
        assertThat(files).as("the corpus README promises 606 files").hasSize(606);
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int statements = 0;
        for (Path file : files) {
            String text = Corpus.read(file);
            SyntaxTree tree = SyntaxTree.parse(text);
            for (Diagnostic d : tree.diagnostics()) {
                String shown = file.getFileName() + " " + tree.lines().range(d.span()) + " " + d;
                // published YANG 1 modules may use escapes that YANG 1.1 forbids: a warning, not an error
                boolean legacyEscape = d.severity() == Severity.WARNING && d.code().equals(SyntaxCodes.LEGACY_ESCAPE)
                        && tree.yangVersion() == YangVersion.V1;
                (legacyEscape ? warnings : problems).add(shown);
            }
            assertThat(tree.statements()).as(file.toString()).hasSize(1);
            Statement module = tree.statements().get(0);
            assertThat(module.keyword()).as(file.toString()).isIn("module", "submodule");
            String fileName = file.getFileName().toString();
            assertThat(fileName).as("file name of module " + module.argument())
                    .startsWith(module.argument() + (fileName.contains("@") ? "@" : ".yang"));
            Token lastToken = tree.tokens().stream().filter(t -> !t.kind().isComment()).reduce((a, b) -> b).orElseThrow();
            assertThat(module.closeBrace()).as("the module ends with the file's last '}'").isEqualTo(lastToken);
            statements += tree.allStatements().size();
        }
        assertThat(problems).isEmpty();
        // ietf-ipfix-psamp (two revisions) writes "\S" and ietf-netconf-acm@2012-02-22 writes "\*" in patterns
        assertThat(warnings).allMatch(w -> w.startsWith("ietf-ipfix-psamp@") || w.startsWith("ietf-netconf-acm@2012"));
        assertThat(statements).isGreaterThan(files.size() * 10);
    }
}
