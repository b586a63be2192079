package dev.homeport.yang.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.testing.Marked;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Document;
import dev.homeport.yang.text.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceIndexTest {
    @TempDir
    Path dir;

    private final WorkspaceIndex index = new WorkspaceIndex();

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static String module(String name, String body) {
        return "module " + name + " {\n  namespace \"urn:" + name + "\";\n  prefix " + name + ";\n" + body + "}\n";
    }

    private List<SearchPathProblem> configure(Path... folders) {
        return index.configure(List.of(folders), List.of(), PathExpander.of(Map.of(), dir.resolve("home"), dir));
    }

    private Resolution onlyResolution(Path file) {
        List<Resolution> all = index.resolveAll(file.toUri());
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void importWithoutRevisionDateTakesTheNewestRevision() throws IOException {
        write("a@2020-01-01.yang", module("a", "  revision 2020-01-01;\n"));
        Path newest = write("a@2021-06-30.yang", module("a", "  revision 2021-06-30;\n  revision 2020-01-01;\n"));
        write("old/a.yang", module("a", "  revision 2019-01-01;\n"));
        Path b = write("b.yang", module("b", "  import a { prefix a; }\n"));
        configure(dir);
        Resolution r = onlyResolution(b);
        assertThat(r.target().uri()).isEqualTo(newest.toUri());
        assertThat(r.problem()).isNull();
        assertThat(index.sourcesNamed("a")).extracting(s -> s.revision().date())
                .containsExactly("2021-06-30", "2020-01-01", "2019-01-01");
        assertThat(index.diagnostics(b.toUri())).isEmpty();
    }

    @Test
    void importWithRevisionDateTakesExactlyThatRevision() throws IOException {
        Path older = write("a@2020-01-01.yang", module("a", "  revision 2020-01-01;\n"));
        write("a@2021-06-30.yang", module("a", "  revision 2021-06-30;\n  revision 2020-01-01;\n"));
        Path b = write("b.yang", module("b", "  import a { prefix a; revision-date 2020-01-01; }\n"));
        configure(dir);
        assertThat(onlyResolution(b).target().uri()).isEqualTo(older.toUri());
    }

    @Test
    void missingRevisionIsReportedOnTheRevisionDate() throws IOException {
        write("a@2020-01-01.yang", module("a", "  revision 2020-01-01;\n"));
        Marked text = Marked.of(module("b", "  import a { prefix a; revision-date [[2022-02-02]]; }\n"));
        Path b = write("b.yang", text.text());
        configure(dir);
        List<Diagnostic> diagnostics = index.diagnostics(b.toUri());
        assertThat(diagnostics).extracting(Diagnostic::code, Diagnostic::span)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IndexCodes.REVISION_NOT_FOUND, text.span()));
        assertThat(diagnostics.get(0).message()).contains("found revisions: 2020-01-01");
    }

    @Test
    void revisionComesFromTheFileNameWhenTheModuleHasNoRevisionStatement() throws IOException {
        Path named = write("lib/a@2018-03-03.yang", module("a", ""));
        write("lib2/a.yang", module("a", "  description \"no revision at all\";\n"));
        Path b = write("b.yang", module("b", "  import a { prefix a; }\n"));
        configure(dir);
        assertThat(onlyResolution(b).target().uri()).isEqualTo(named.toUri());
        assertThat(index.source(named.toUri()).orElseThrow().revision()).isEqualTo(new Revision("2018-03-03"));
        assertThat(index.diagnostics(named.toUri())).extracting(Diagnostic::code)
                .containsExactly(IndexCodes.FILE_REVISION_MISMATCH);
    }

    @Test
    void twoDifferentFilesWithTheSameNameAndRevisionAreAmbiguous() throws IOException {
        write("x/a.yang", module("a", "  revision 2020-01-01;\n  leaf one { type string; }\n"));
        write("y/a.yang", module("a", "  revision 2020-01-01;\n  leaf two { type string; }\n"));
        Marked text = Marked.of(module("b", "  import [[a]] { prefix a; }\n"));
        Path b = write("b.yang", text.text());
        configure(dir);
        Resolution r = onlyResolution(b);
        assertThat(r.ties()).hasSize(2);
        assertThat(r.target().uri()).isEqualTo(dir.resolve("x/a.yang").toUri());
        assertThat(index.diagnostics(b.toUri())).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(IndexCodes.AMBIGUOUS_MODULE);
            assertThat(d.span()).isEqualTo(text.span());
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).contains("x/a.yang", "y/a.yang");
        });
    }

    @Test
    void identicalCopiesAreNotAConflict() throws IOException {
        String a = module("a", "  revision 2020-01-01;\n");
        write("x/a.yang", a);
        write("third_party/a.yang", a);
        Path b = write("b.yang", module("b", "  import a { prefix a; }\n"));
        configure(dir);
        Resolution r = onlyResolution(b);
        assertThat(r.ties()).hasSize(2);
        assertThat(r.problem()).isNull();
    }

    @Test
    void copiesThatDifferOnlyInLayoutAndCommentsAreNotAConflict() throws IOException {
        write("x/a.yang", module("a", "  revision 2020-01-01;\n  description \"same\";\n"));
        write("y/a.yang", "// a reformatted copy\nmodule a{namespace 'urn:a';prefix \"a\";\n\trevision \"2020-01-01\";"
                + "description\n      \"sa\" + \"me\";}");
        Path b = write("b.yang", module("b", "  import a { prefix a; }\n"));
        configure(dir);
        Resolution r = onlyResolution(b);
        assertThat(r.ties()).hasSize(2);
        assertThat(r.problem()).isNull();
    }

    @Test
    void anEarlierSearchRootWinsATieSilently() throws IOException {
        Path workspace = dir.resolve("ws");
        Path mine = write("ws/a.yang", module("a", "  revision 2020-01-01;\n  leaf mine { type string; }\n"));
        write("lib/a.yang", module("a", "  revision 2020-01-01;\n  leaf theirs { type string; }\n"));
        Path b = write("ws/b.yang", module("b", "  import a { prefix a; }\n"));
        index.configure(List.of(workspace), List.of("lib"), PathExpander.of(Map.of(), dir, workspace.getParent()));
        Resolution r = onlyResolution(b);
        assertThat(r.target().uri()).isEqualTo(mine.toUri());
        assertThat(r.problem()).isNull();
    }

    @Test
    void unresolvedImportIsAnErrorOnTheModuleName() throws IOException {
        Marked text = Marked.of(module("b", "  import [[nowhere]] { prefix n; }\n"));
        Path b = write("b.yang", text.text());
        configure(dir);
        assertThat(index.diagnostics(b.toUri())).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(IndexCodes.UNRESOLVED_IMPORT);
            assertThat(d.span()).isEqualTo(text.span());
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void submodulesAreIncludedAndBelongToTheirModule() throws IOException {
        Path m = write("m.yang", module("m", "  include s;\n  revision 2020-01-01;\n"));
        Path s = write("s.yang", "submodule s {\n  belongs-to m { prefix m; }\n}\n");
        configure(dir);
        assertThat(onlyResolution(m).target().uri()).isEqualTo(s.toUri());
        Resolution belongsTo = onlyResolution(s);
        assertThat(belongsTo.reference().kind()).isEqualTo(ModuleReference.Kind.BELONGS_TO);
        assertThat(belongsTo.target().uri()).isEqualTo(m.toUri());
        assertThat(index.diagnostics(m.toUri())).isEmpty();
        assertThat(index.diagnostics(s.toUri())).isEmpty();
        assertThat(index.dependents(s.toUri())).containsExactly(m.toUri());
        assertThat(index.dependents(m.toUri())).containsExactly(s.toUri());
    }

    @Test
    void includingAnotherModulesSubmoduleOrImportingASubmoduleIsReported() throws IOException {
        write("s.yang", "submodule s {\n  belongs-to other { prefix o; }\n}\n");
        Marked m = Marked.of(module("m", "  include [[s]];\n  import [[s]] { prefix s; }\n"));
        Path file = write("m.yang", m.text());
        configure(dir);
        assertThat(index.diagnostics(file.toUri())).extracting(Diagnostic::code, Diagnostic::span).containsExactly(
                org.assertj.core.groups.Tuple.tuple(IndexCodes.SUBMODULE_OF_OTHER_MODULE, m.spans().get(0)),
                org.assertj.core.groups.Tuple.tuple(IndexCodes.WRONG_KIND, m.spans().get(1)));
    }

    @Test
    void belongsToPrefersTheModuleRevisionThatIncludesTheSubmodule() throws IOException {
        Path including = write("m@2019-01-01.yang", module("m", "  include s;\n  revision 2019-01-01;\n"));
        write("m@2020-01-01.yang", module("m", "  revision 2020-01-01;\n"));
        Path s = write("s.yang", "submodule s {\n  belongs-to m { prefix m; }\n}\n");
        configure(dir);
        assertThat(onlyResolution(s).target().uri()).isEqualTo(including.toUri());
    }

    @Test
    void zipAndJarEntriesOfTheSearchPathAreSources() throws IOException {
        Path zip = dir.resolve("libs/models.zip");
        Files.createDirectories(zip.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "yang/a@2020-01-01.yang", module("a", "  revision 2020-01-01;\n"));
            entry(out, "META-INF/yang/c.yang", module("c", ""));
            entry(out, "README.md", "not yang");
        }
        Path jar = dir.resolve("libs/generated.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            entry(out, "META-INF/yang/d@2001-01-01.yang", module("d", "  revision 2001-01-01;\n"));
        }
        Path ws = dir.resolve("ws");
        Path b = write("ws/b.yang", module("b", "  import a { prefix a; }\n  import c { prefix c; }\n"
                + "  import d { prefix d; revision-date 2001-01-01; }\n"));
        List<SearchPathProblem> problems = index.configure(List.of(ws), List.of("../libs/models.zip", "../libs/generated.jar"),
                PathExpander.of(Map.of(), dir, ws));
        assertThat(problems).isEmpty();
        List<Resolution> resolutions = index.resolveAll(b.toUri());
        assertThat(resolutions).hasSize(3).allMatch(Resolution::isResolved);
        assertThat(resolutions.get(2).target().uri().toString()).endsWith("generated.jar!/META-INF/yang/d@2001-01-01.yang");
        URI a = resolutions.get(0).target().uri();
        assertThat(a.getScheme()).isEqualTo("jar");
        assertThat(a.toString()).endsWith("models.zip!/yang/a@2020-01-01.yang");
        assertThat(index.text(a)).get().asString().contains("revision 2020-01-01");
        assertThat(index.syntaxTree(a)).get().extracting(t -> t.moduleStatement().orElseThrow().argument())
                .isEqualTo("a");
        assertThat(index.source(a).orElseThrow().root().kind()).isEqualTo(SearchRoot.Kind.ARCHIVE);
        assertThat(index.diagnostics(a)).isEmpty();
    }

    private static void entry(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    @Test
    void pathEntriesExpandTildeAndEnvironmentVariables() throws IOException {
        Path home = dir.resolve("home");
        write("home/models/a.yang", module("a", ""));
        write("shared/yang/c.yang", module("c", ""));
        Path ws = dir.resolve("ws");
        Path b = write("ws/b.yang", module("b", "  import a { prefix a; }\n  import c { prefix c; }\n"));
        PathExpander expander = PathExpander.of(Map.of("YANG_SHARED", dir.resolve("shared").toString()), home, ws);
        List<SearchPathProblem> problems = index.configure(List.of(ws),
                List.of("~/models", "${env:YANG_SHARED}/yang", "${env:UNSET_VARIABLE}/x", "~bob/models", "missing-folder",
                        "${workspaceFolder}/x"),
                expander);
        assertThat(index.resolveAll(b.toUri())).allMatch(Resolution::isResolved);
        assertThat(index.searchPath().roots()).extracting(SearchRoot::path)
                .containsExactly(ws, home.resolve("models"), dir.resolve("shared/yang"));
        assertThat(problems).extracting(SearchPathProblem::entry)
                .containsExactly("${env:UNSET_VARIABLE}/x", "~bob/models", "missing-folder", "${workspaceFolder}/x");
        assertThat(problems.get(0).message()).contains("UNSET_VARIABLE", "not set");
        assertThat(problems.get(2).message()).contains("does not exist");
    }

    @Test
    void tildeAloneIsTheHomeFolder() {
        Path home = dir.resolve("home");
        PathExpander expander = PathExpander.of(Map.of("A", "x"), home, dir);
        assertThat(expander.expand("~")).isEqualTo(home);
        assertThat(expander.expand(" ~/a/../b ")).isEqualTo(home.resolve("b"));
        assertThat(expander.expand("${env:A}/y")).isEqualTo(dir.resolve("x/y"));
    }

    @Test
    void invalidUtf8IsReportedWhereItIs() throws IOException {
        byte[] head = "module bad {\n  description \"".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\";\n}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3; // a lead byte without its continuation
        bytes[head.length + 1] = (byte) 'x';
        System.arraycopy(tail, 0, bytes, head.length + 2, tail.length);
        Path file = dir.resolve("bad.yang");
        Files.write(file, bytes);
        configure(dir);
        assertThat(index.diagnostics(file.toUri())).extracting(Diagnostic::code, d -> d.span().start())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IndexCodes.INVALID_UTF8, head.length));
        assertThat(index.text(file.toUri()).orElseThrow()).contains("\uFFFDx");
    }

    @Test
    void structureAndFileNameProblemsOfASource() throws IOException {
        Marked text = Marked.of("module [[wrong]] { }\n[[leaf]] stray;\n");
        Path file = write("right.yang", text.text());
        Path empty = write("empty.yang", "// nothing\n");
        configure(dir);
        assertThat(index.diagnostics(file.toUri())).extracting(Diagnostic::code, Diagnostic::span).containsExactly(
                org.assertj.core.groups.Tuple.tuple(IndexCodes.FILE_NAME_MISMATCH, text.spans().get(0)),
                org.assertj.core.groups.Tuple.tuple(IndexCodes.EXTRA_TOP_LEVEL, text.spans().get(1)));
        assertThat(index.diagnostics(empty.toUri())).extracting(Diagnostic::code).containsExactly(IndexCodes.NO_MODULE);
    }
}
