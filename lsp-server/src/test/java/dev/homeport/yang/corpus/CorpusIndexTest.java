package dev.homeport.yang.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.index.IndexCodes;
import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.PathExpander;
import dev.homeport.yang.index.Resolution;
import dev.homeport.yang.index.SearchPathProblem;
import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.text.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The whole corpus as one workspace: every file is indexed and every import, include and belongs-to resolves. */
class CorpusIndexTest {

    @Test
    void indexesTheCorpusAndResolvesEveryReference() {
        WorkspaceIndex index = new WorkspaceIndex();
        List<SearchPathProblem> problems = index.configure(List.of(Corpus.root()), List.of(),
                PathExpander.of(Map.of(), null, Corpus.root()));
        assertThat(problems).isEmpty();
        assertThat(index.sources()).hasSize(Corpus.yangFiles().size());
        List<String> unresolved = new ArrayList<>();
        List<String> other = new ArrayList<>();
        Set<String> ambiguous = new TreeSet<>();
        int references = 0;
        for (IndexedSource s : index.sources()) {
            for (Resolution r : index.resolveAll(s.uri())) {
                references++;
                if (!r.isResolved()) {
                    unresolved.add(s.uri() + ": " + r.problem().message());
                } else if (r.problem() != null) {
                    ambiguous.add(r.reference().name());
                }
            }
            for (Diagnostic d : index.diagnostics(s.uri())) {
                if (!d.code().equals(IndexCodes.AMBIGUOUS_MODULE)) {
                    other.add(s.uri().getPath().replaceAll(".*/", "") + " " + d.code());
                }
            }
        }
        assertThat(unresolved).isEmpty();
        assertThat(references).isGreaterThan(1000);
        // published copies that really differ in content (a description line, a reformatted header with other text)
        assertThat(ambiguous).containsExactly("iana-hardware", "ietf-yang-metadata");
        // the IETF template's file name carries a date its placeholder revision statement does not
        assertThat(other).containsExactly("ietf-template@2023-07-26.yang " + IndexCodes.FILE_REVISION_MISMATCH);
    }
}
