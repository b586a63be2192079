package dev.homeport.yang.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.homeport.yang.check.Checks;
import dev.homeport.yang.feature.DiagnosticsFeature;
import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.ModuleKind;
import dev.homeport.yang.index.PathExpander;
import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.LineMap;
import dev.homeport.yang.text.Severity;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every published module of the corpus, all diagnostics (yangtools included), with yanglint as the oracle: no
 * exception, no hang, no error on any file yanglint accepts, and every file yanglint rejects while we report no
 * error is explained in docs/validation.md.
 */
class CorpusDiagnosticsTest {
    private static WorkspaceIndex index;
    private static Map<URI, List<Diagnostic>> diagnostics;

    @BeforeAll
    static void diagnoseTheWholeCorpus() {
        index = new WorkspaceIndex(true);
        index.configure(List.of(Corpus.root()), List.of(), PathExpander.of(Map.of(), null, Corpus.root()));
        DiagnosticsFeature feature = new DiagnosticsFeature(index);
        List<URI> all = index.sources().stream().map(IndexedSource::uri).toList();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            // generous: the machine is shared; a hang (a cycle, a runaway expansion) still fails
            diagnostics = assertTimeoutPreemptively(Duration.ofMinutes(10), () -> feature.diagnostics(all, executor));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void everyFileIsDiagnosedWithoutAnInternalError() {
        assertThat(diagnostics).hasSize(Corpus.yangFiles().size());
        List<String> internal = new ArrayList<>();
        diagnostics.forEach((uri, list) -> list.stream().filter(d -> d.code().equals(Checks.INTERNAL_ERROR))
                .forEach(d -> internal.add(uri + ": " + d.message())));
        assertThat(internal).isEmpty();
    }

    @Test
    void noErrorOnAnyFileYanglintAccepts() {
        assertThat(Yanglint.installed()).as("yanglint (Debian libyang2-tools) is the oracle of this test").isTrue();
        List<String> path = Yanglint.searchPath();
        List<String> falseErrors = new ArrayList<>();
        int withErrors = 0;
        for (Map.Entry<URI, List<Diagnostic>> e : diagnostics.entrySet()) {
            List<Diagnostic> errors = e.getValue().stream().filter(d -> d.severity() == Severity.ERROR).toList();
            if (errors.isEmpty()) {
                continue;
            }
            withErrors++;
            Path file = Path.of(e.getKey());
            if (Yanglint.check(file, path).passed()) {
                LineMap lines = LineMap.of(index.text(e.getKey()).orElseThrow());
                for (Diagnostic d : errors) {
                    falseErrors.add(file + ":" + (lines.position(d.span().start()).line() + 1) + ": " + d.code() + " "
                            + d.message());
                }
            }
        }
        assertThat(falseErrors).as("errors on files yanglint accepts").isEmpty();
        assertThat(withErrors).as("the corpus has a few broken published modules, and we find them").isPositive();
    }

    @Test
    void everyFileOnlyYanglintRejectsIsExplained() throws IOException {
        assertThat(Yanglint.installed()).as("yanglint (Debian libyang2-tools) is the oracle of this test").isTrue();
        String doc = Files.readString(projectRoot().resolve("docs").resolve("validation.md"));
        List<Path> clean = new ArrayList<>();
        List<Path> submodules = new ArrayList<>();
        for (IndexedSource s : index.sources()) {
            boolean errors = diagnostics.get(s.uri()).stream().anyMatch(d -> d.severity() == Severity.ERROR);
            if (errors) {
                continue;
            }
            (s.kind() == ModuleKind.SUBMODULE ? submodules : clean).add(Path.of(s.uri()));
        }
        List<String> unexplained = new ArrayList<>();
        Yanglint.checkAll(clean).filter(v -> !v.passed()).forEach(v -> {
            if (!doc.contains("`" + v.file().getFileName() + "`")) {
                unexplained.add(v.file() + ": " + v.output().lines().findFirst().orElse(""));
            }
        });
        assertThat(unexplained).as("files yanglint rejects, we accept, and docs/validation.md does not explain")
                .isEmpty();
        // yanglint cannot check a submodule on its own; we check it with its module: one entry for the class
        assertThat(submodules).isNotEmpty();
        assertThat(doc).contains("Submodules checked on their own");
    }

    /** The repository root: the folder with the {@code homeport} launcher, from the build's project root upwards. */
    static Path projectRoot() {
        Path start = Path.of(System.getProperty("homeport.project.root", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("homeport")) && Files.isDirectory(p.resolve("lsp-server"))) {
                return p;
            }
        }
        throw new IllegalStateException("no Homeport repository root above " + start);
    }
}
