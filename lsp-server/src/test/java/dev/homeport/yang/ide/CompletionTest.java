package dev.homeport.yang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion in each context, on the workspace of {@link NavigationTest}; the cursor is the {@code |}. */
class CompletionTest {
    @TempDir
    Path dir;

    private static final String BASE = NavigationTest.BASE.replace("include base-sub;",
            "include base-sub;\n  revision 2024-05-01;\n  revision 2023-01-01;");

    private List<CompletionItem> complete(String app) {
        IdeFixture f = IdeFixture.of(dir, "app.yang", app, "base.yang", BASE, "base-sub.yang", NavigationTest.SUB);
        List<CompletionItem> items = f.service.completion(f.cursorUri, f.cursor);
        for (CompletionItem i : items) {
            assertThat(i.span().touches(f.cursor)).as("replaces the word at the cursor").isTrue();
        }
        return items;
    }

    private static List<String> labels(List<CompletionItem> items) {
        return items.stream().map(CompletionItem::label).toList();
    }

    @Test
    void keywordsAllowedInTheParentFilteredByTheTypedWord() {
        List<CompletionItem> items = complete(NavigationTest.APP.replace("leaf speed", "container c {\n    le|\n  }\n  leaf speed"));
        assertThat(labels(items)).containsExactly("leaf", "leaf-list");
        CompletionItem leaf = items.get(0);
        assertThat(leaf.snippet()).isTrue();
        assertThat(leaf.insertText()).isEqualTo("leaf ${1:name} {\n  type ${2:string};\n}");
        assertThat(leaf.detail()).isEqualTo("RFC 7950 section 7.6");
    }

    @Test
    void keywordsAllowedOnceAreNotOfferedAgain() {
        List<CompletionItem> items = complete(NavigationTest.APP.replace("leaf speed { type b:percent; }",
                "leaf speed {\n    type b:percent;\n    |\n  }"));
        assertThat(labels(items)).containsExactly("config", "default", "description", "if-feature", "mandatory", "must",
                "reference", "status", "units", "when");
    }

    @Test
    void typesAreBuiltinsTypedefsInScopeAndPrefixes() {
        List<CompletionItem> items = complete(NavigationTest.APP.replace("type b:percent", "type |"));
        assertThat(labels(items)).containsExactly("binary", "bits", "boolean", "decimal64", "empty", "enumeration",
                "identityref", "instance-identifier", "int8", "int16", "int32", "int64", "leafref", "string", "uint8",
                "uint16", "uint32", "uint64", "union", "b:percent", "b:sub-name", "b:");
        List<CompletionItem> prefixed = complete(NavigationTest.APP.replace("type b:percent", "type b:pe|rcent"));
        assertThat(labels(prefixed)).containsExactly("b:percent");
        assertThat(prefixed.get(0).detail()).isEqualTo("base");
    }

    @Test
    void groupingsIdentitiesAndFeatures() {
        assertThat(labels(complete(NavigationTest.APP.replace("uses b:endpoint", "uses |")))).containsExactly("b:endpoint", "b:");
        assertThat(labels(complete(NavigationTest.APP.replace("base b:iface-type", "base b:|"))))
                .containsExactly("b:eth", "b:iface-type");
        assertThat(labels(complete(NavigationTest.APP.replace("if-feature \"b:fast\"", "if-feature \"|\""))))
                .containsExactly("b:fast", "b:");
    }

    @Test
    void importOffersModulesWithPrefixAndNewestRevision() {
        List<CompletionItem> items = complete(NavigationTest.APP.replace("import base { prefix b; }", "import |"));
        assertThat(labels(items)).containsExactly("base");
        assertThat(items.get(0).insertText()).isEqualTo("base {\n  prefix b;\n  revision-date 2024-05-01;\n}");
        assertThat(items.get(0).detail()).isEqualTo("revision 2024-05-01");
        List<CompletionItem> revisions = complete(NavigationTest.APP.replace("import base { prefix b; }",
                "import base { prefix b; revision-date | }"));
        assertThat(labels(revisions)).containsExactly("2024-05-01", "2023-01-01");
    }

    @Test
    void augmentPathsStepByStep() {
        assertThat(labels(complete(NavigationTest.APP.replace("\"/b:interfaces/b:interface\"", "\"/b:interfaces/|\""))))
                .containsExactly("b:interface");
        List<CompletionItem> top = complete(NavigationTest.APP.replace("\"/b:interfaces/b:interface\"", "|"));
        assertThat(labels(top)).containsExactlyInAnyOrder("a:speed", "b:interfaces");
        assertThat(top).extracting(CompletionItem::insertText).containsExactlyInAnyOrder("/a:speed", "/b:interfaces");
    }

    @Test
    void leafrefPathsFollowTheDataTree() {
        List<CompletionItem> items = complete(NavigationTest.APP.replace("\"../b:name\"", "\"../|\""));
        assertThat(labels(items)).containsExactlyInAnyOrder("b:name", "b:load", "a:address", "a:port", "a:peer");
    }

    @Test
    void refineOffersTheGroupingsNodesWithoutPrefix() {
        assertThat(labels(complete(NavigationTest.APP.replace("refine address", "refine |"))))
                .containsExactly("address", "port");
    }

    @Test
    void fixedArgumentValues() {
        assertThat(labels(complete(NavigationTest.APP.replace("leaf speed { type b:percent; }",
                "leaf speed { type b:percent; config | }")))).containsExactly("true", "false");
    }

    @Test
    void nothingInsideComments() {
        assertThat(complete(NavigationTest.APP.replace("leaf speed", "// le|\n  leaf speed"))).isEmpty();
    }

    @Test
    void defaultsOfferTheValuesOfTheType() {
        assertThat(labels(complete(NavigationTest.APP.replace("leaf speed",
                "leaf mode { type enumeration { enum fast; enum slow; } default |; }\n  leaf speed"))))
                .containsExactly("fast", "slow");
        assertThat(labels(complete(NavigationTest.APP.replace("leaf speed",
                "leaf kind { type identityref { base b:iface-type; } default b:|; }\n  leaf speed"))))
                .containsExactly("b:eth", "b:iface-type");
    }

    @Test
    void xpathFunctionsInMustAndWhen() {
        List<CompletionItem> items = complete(NavigationTest.APP.replace("leaf speed { type b:percent; }",
                "leaf speed { type b:percent; must \"deri|\"; }"));
        assertThat(labels(items)).containsExactly("derived-from()", "derived-from-or-self()");
        assertThat(items.get(0).insertText()).isEqualTo("derived-from($1)");
        assertThat(items.get(0).snippet()).isTrue();
    }

    @Test
    void mustPathsStepFromTheLeafThroughParentSteps() {
        // the context node of a must in a leaf is the leaf: ../ are its siblings in the augmented list entry
        List<CompletionItem> items = complete(NavigationTest.APP.replace("path \"../b:name\"; } }",
                "path \"../b:name\"; } must \"../|\"; }"));
        assertThat(labels(items)).containsExactlyInAnyOrder("b:name", "b:load", "a:address", "a:port", "a:peer");
        assertThat(items).allMatch(i -> i.kind() == CompletionItem.Kind.SCHEMA_NODE);
        assertThat(labels(complete(NavigationTest.APP.replace("path \"../b:name\"; } }",
                "path \"../b:name\"; } must \"../../|\"; }")))).containsExactly("b:interface");
        assertThat(labels(complete(NavigationTest.APP.replace("path \"../b:name\"; } }",
                "path \"../b:name\"; } must \"current()/../b:l|\"; }")))).containsExactly("b:load");
    }

    @Test
    void mustAndWhenAbsolutePathsStartAtTheRoot() {
        assertThat(labels(complete(NavigationTest.APP.replace("leaf speed { type b:percent; }",
                "leaf speed { type b:percent; must \"/b:interfaces/b:|\"; }")))).containsExactly("b:interface");
        assertThat(labels(complete(NavigationTest.APP.replace("leaf speed { type b:percent; }",
                "leaf speed { type b:percent; when \"/b:interfaces/b:interface[b:name = 'x']/|\"; }"))))
                .containsExactlyInAnyOrder("b:name", "b:load", "a:address", "a:port", "a:peer");
    }

    @Test
    void whenInAugmentStartsAtTheTarget() {
        // RFC 7950 section 7.21.5: the augment's target node is the context node
        List<CompletionItem> items = complete(NavigationTest.APP.replace("if-feature \"b:fast\";",
                "if-feature \"b:fast\";\n    when \"b:l|\";"));
        assertThat(labels(items)).containsExactly("b:load");
        assertThat(labels(complete(NavigationTest.APP.replace("if-feature \"b:fast\";",
                "if-feature \"b:fast\";\n    when \"../|\";")))).containsExactly("b:interface");
        // when in uses: the uses' parent (the augment's target)
        assertThat(labels(complete(NavigationTest.APP.replace("refine address { description \"where\"; }",
                "when \"../b:|\";")))).containsExactly("b:interface");
    }

    @Test
    void xpathOffersFunctionsAndChildrenWhereAStepMayStartButNothingInLiterals() {
        List<String> both = labels(complete(NavigationTest.APP.replace("if-feature \"b:fast\";",
                "if-feature \"b:fast\";\n    when \"count(|\";")));
        assertThat(both).contains("count()", "b:name", "b:load", "a:peer");
        assertThat(complete(NavigationTest.APP.replace("if-feature \"b:fast\";",
                "if-feature \"b:fast\";\n    when \"b:name = '../|\";"))).isEmpty();
    }
}
