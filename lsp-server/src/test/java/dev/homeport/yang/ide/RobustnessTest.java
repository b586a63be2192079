package dev.homeport.yang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.YangLanguageService;
import dev.homeport.yang.corpus.Corpus;
import dev.homeport.yang.syntax.SyntaxTree;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every editor feature at every offset of broken, hostile and real texts: answers or nothing, never an exception
 * (a rename that cannot be done says so with {@link RenameRefusedException}). And formatting keeps the meaning of
 * every module of the corpus.
 */
class RobustnessTest {
    @TempDir
    Path dir;

    static final List<String> BROKEN = List.of(
            "",
            "module",
            "module m {",
            "module m { leaf x { type ",
            "}}}} ;; {{",
            "module m { prefix m; augment \"/\" { leaf a { type string; } } deviation \"\" ; }",
            "module m { prefix m; leaf x { type leafref { path \"../../[\"; } } leaf y { type leafref { path \"deref(\"; } } }",
            "module m { import { prefix; } uses :; leaf q { type a:; } identity i { base :x; } }",
            "module m { prefix m; description \"unterminated",
            "module m { prefix m; /* unterminated comment",
            "submodule s { belongs-to nothing { prefix n; } include s; grouping g { uses g; } container c { uses g; } }",
            "module m { prefix m; typedef t { type t; } leaf l { type t; } grouping a { uses b; } grouping b { uses a; } "
                    + "container c { uses a; } leaf r { type leafref { path \"/m:r\"; } } }",
            "module m { prefix m; list l { key \"a b\"; leaf a { type m:nope; } } rpc r { input { leaf i { type int8; } } } "
                    + "augment \"/m:r/m:input\" { leaf j { type string; } } notification n; m:ext x; }",
            "module m { prefix m; container c { " + "container d { ".repeat(400) + "leaf x { type string; }"
                    + " }".repeat(400) + " } }");

    private static void everyFeatureEverywhere(YangLanguageService service, URI uri, String text, int step) {
        service.documentSymbols(uri);
        service.foldingRanges(uri);
        service.format(uri, 2);
        service.semanticTokens(uri);
        service.treeDiagram(uri);
        service.workspaceSymbols("x");
        // every quick fix the file's diagnostics offer, each a well-formed edit of this file
        for (CodeAction a : service.codeActions(uri, dev.homeport.yang.text.Span.of(0, text.length()),
                service.fastDiagnostics(uri))) {
            assertThat(a.edit().changes()).containsOnlyKeys(uri);
            assertThat(a.edit().changes().get(uri)).allSatisfy(e -> assertThat(e.span().end()).isLessThanOrEqualTo(text.length()));
        }
        for (int offset = 0; offset <= text.length(); offset += step) {
            service.symbolAt(uri, offset);
            service.definition(uri, offset);
            service.references(uri, offset, true);
            service.documentHighlights(uri, offset);
            service.hover(uri, offset);
            service.completion(uri, offset);
            try {
                service.rename(uri, offset, "renamed");
            } catch (RenameRefusedException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void brokenAndHostileTexts() {
        for (int i = 0; i < BROKEN.size(); i++) {
            String text = BROKEN.get(i);
            IdeFixture f = IdeFixture.of(dir.resolve("case" + i), "m.yang", text.replace("|", "") + "|");
            int step = text.length() > 2000 ? 97 : 1;
            everyFeatureEverywhere(f.service, f.cursorUri, f.text(f.cursorUri), step);
        }
    }

    @Test
    void realModulesWithTheirImports() throws Exception {
        Path ietf = Corpus.root().resolve("ietf");
        List<String> files = List.of("ietf-ip@2018-02-22.yang", "ietf-interfaces@2018-02-20.yang",
                "ietf-inet-types@2013-07-15.yang", "ietf-yang-types@2013-07-15.yang", "ietf-system@2014-08-06.yang",
                "ietf-netconf-acm@2018-02-14.yang", "iana-crypt-hash@2014-08-06.yang");
        for (String file : files) {
            java.nio.file.Files.copy(ietf.resolve(file), dir.resolve(file));
        }
        YangLanguageService service = new YangLanguageService();
        service.configure(List.of(dir), List.of(), dev.homeport.yang.index.PathExpander.of(java.util.Map.of(), dir, dir));
        for (String file : files.subList(0, 2)) {
            URI uri = dir.resolve(file).toUri();
            String text = java.nio.file.Files.readString(dir.resolve(file));
            everyFeatureEverywhere(service, uri, text, 5);
        }
    }

    @Test
    void formattingKeepsTheMeaningOfEveryCorpusModule() {
        int changed = 0;
        for (Path file : Corpus.yangFiles()) {
            SyntaxTree tree = SyntaxTree.parse(Corpus.read(file));
            if (tree.hasErrors()) {
                continue;
            }
            List<TextEdit> edits = FormattingFeature.edits(tree, 2);
            assertThat(FormattingFeature.sameMeaning(tree, edits)).as(file.toString()).isTrue();
            changed += edits.isEmpty() ? 0 : 1;
        }
        assertThat(changed).as("most published modules are not indented by two spaces per level").isPositive();
    }
}
