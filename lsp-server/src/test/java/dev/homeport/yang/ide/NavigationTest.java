package dev.homeport.yang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.text.Range;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbol resolution, go to definition, find references and document highlight on a real three-file workspace (a
 * module with a submodule, and a module that imports it). The cursor is the {@code |} in one file, the expected
 * result the {@code [[...]]} marks.
 */
class NavigationTest {
    @TempDir
    Path dir;

    // the modules without marks; each test marks its own copy
    static final String BASE = """
            module base {
              yang-version 1.1;
              namespace "urn:base";
              prefix b;
              include base-sub;
              typedef percent { type uint8 { range "0..100"; } }
              identity iface-type;
              identity eth { base iface-type; }
              feature fast;
              extension note { argument text; }
              grouping endpoint {
                leaf address { type string; }
                leaf port { type uint16; }
              }
              container interfaces {
                list interface {
                  key name;
                  leaf name { type sub-name; }
                  leaf load { type percent; }
                }
              }
            }
            """;
    static final String SUB = """
            submodule base-sub {
              yang-version 1.1;
              belongs-to base { prefix b; }
              typedef sub-name { type string; }
            }
            """;
    static final String APP = """
            module app {
              yang-version 1.1;
              namespace "urn:app";
              prefix a;
              import base { prefix b; }
              identity wifi { base b:iface-type; }
              leaf speed { type b:percent; }
              augment "/b:interfaces/b:interface" {
                if-feature "b:fast";
                b:note "hello";
                uses b:endpoint {
                  refine address { description "where"; }
                }
                leaf peer { type leafref { path "../b:name"; } }
              }
            }
            """;

    private IdeFixture workspace(String base, String sub, String app) {
        return IdeFixture.of(dir, "app.yang", app, "base.yang", base, "base-sub.yang", sub);
    }

    private List<String> definition(IdeFixture f) {
        return f.describe(f.service.definition(f.cursorUri, f.cursor));
    }

    @Test
    void typedefThroughImportPrefix() {
        IdeFixture f = workspace(BASE.replace("typedef percent", "typedef [[percent]]"), SUB,
                APP.replace("b:percent", "b:per|cent"));
        assertThat(definition(f)).containsExactlyElementsOf(f.expected()).hasSize(1);
        SymbolAt at = f.service.symbolAt(f.cursorUri, f.cursor).orElseThrow();
        assertThat(at.symbol()).isInstanceOf(Symbol.Definition.class);
        assertThat(at.span().textIn(f.text(f.cursorUri))).isEqualTo("percent");
        assertThat(at.declaration()).isFalse();
    }

    @Test
    void cursorRightAfterTheNameCountsAsOnIt() {
        IdeFixture f = workspace(BASE.replace("typedef percent", "typedef [[percent]]"), SUB,
                APP.replace("b:percent", "b:percent|"));
        assertThat(definition(f)).containsExactlyElementsOf(f.expected());
    }

    @Test
    void typedefOfTheSubmoduleThroughInclude() {
        IdeFixture f = workspace(BASE.replace("type sub-name", "type sub-n|ame"),
                SUB.replace("typedef sub-name", "typedef [[sub-name]]"), APP);
        assertThat(definition(f)).containsExactlyElementsOf(f.expected()).hasSize(1);
    }

    @Test
    void moduleNamesInImportIncludeAndBelongsTo() {
        IdeFixture imp = workspace(BASE.replace("module base", "module [[base]]"), SUB,
                APP.replace("import base", "import ba|se"));
        assertThat(definition(imp)).containsExactlyElementsOf(imp.expected()).hasSize(1);
    }

    @Test
    void includeLeadsToTheSubmodule() {
        IdeFixture inc = workspace(BASE.replace("include base-sub", "include base-|sub"),
                SUB.replace("submodule base-sub", "submodule [[base-sub]]"), APP);
        assertThat(definition(inc)).containsExactlyElementsOf(inc.expected()).hasSize(1);
    }

    @Test
    void belongsToLeadsToTheModule() {
        IdeFixture bel = workspace(BASE.replace("module base", "module [[base]]"),
                SUB.replace("belongs-to base", "belongs-to |base"), APP);
        assertThat(definition(bel)).containsExactlyElementsOf(bel.expected()).hasSize(1);
    }

    @Test
    void prefixLeadsToTheImportsPrefixStatement() {
        IdeFixture f = workspace(BASE, SUB, APP.replace("import base { prefix b; }", "import base { prefix [[b]]; }")
                .replace("type b:percent", "type |b:percent"));
        assertThat(definition(f)).containsExactlyElementsOf(f.expected()).hasSize(1);
        Symbol.Prefix prefix = (Symbol.Prefix) f.service.symbolAt(f.cursorUri, f.cursor).orElseThrow().symbol();
        assertThat(prefix.name()).isEqualTo("b");
        assertThat(prefix.moduleName()).isEqualTo("base");
        assertThat(prefix.uri()).isEqualTo(f.cursorUri);
    }

    @Test
    void identityFeatureAndExtension() {
        String base = BASE.replace("identity iface-type", "identity [[iface-type]]");
        IdeFixture id = workspace(base, SUB, APP.replace("b:iface-type", "b:iface|-type"));
        assertThat(definition(id)).containsExactlyElementsOf(id.expected()).hasSize(1);

        IdeFixture feature = workspace(BASE.replace("feature fast", "feature [[fast]]"), SUB, APP.replace("b:fast", "b:fa|st"));
        assertThat(definition(feature)).containsExactlyElementsOf(feature.expected()).hasSize(1);

        IdeFixture ext = workspace(BASE.replace("extension note", "extension [[note]]"), SUB, APP.replace("b:note", "b:no|te"));
        assertThat(definition(ext)).containsExactlyElementsOf(ext.expected()).hasSize(1);
    }

    @Test
    void augmentPathStepsLeadToTheirNodes() {
        IdeFixture list = workspace(BASE.replace("list interface", "list [[interface]]"), SUB,
                APP.replace("b:interfaces/b:interface", "b:interfaces/b:inter|face"));
        assertThat(definition(list)).containsExactlyElementsOf(list.expected()).hasSize(1);

        IdeFixture container = workspace(BASE.replace("container interfaces", "container [[interfaces]]"), SUB,
                APP.replace("/b:interfaces/", "/b:interf|aces/"));
        assertThat(definition(container)).containsExactlyElementsOf(container.expected()).hasSize(1);
    }

    @Test
    void leafrefPathAndRefineDescendant() {
        IdeFixture leafref = workspace(BASE.replace("leaf name", "leaf [[name]]"), SUB,
                APP.replace("../b:name", "../b:na|me"));
        assertThat(definition(leafref)).containsExactlyElementsOf(leafref.expected()).hasSize(1);

        IdeFixture refine = workspace(BASE.replace("leaf address", "leaf [[address]]"), SUB,
                APP.replace("refine address", "refine addr|ess"));
        assertThat(definition(refine)).containsExactlyElementsOf(refine.expected()).hasSize(1);
    }

    @Test
    void builtinTypesAndProseHaveNoDefinition() {
        IdeFixture builtin = workspace(BASE.replace("type string; }\n    leaf port", "type str|ing; }\n    leaf port"), SUB, APP);
        assertThat(builtin.service.definition(builtin.cursorUri, builtin.cursor)).isEmpty();
        assertThat(builtin.service.symbolAt(builtin.cursorUri, builtin.cursor).orElseThrow().symbol())
                .isEqualTo(new Symbol.Builtin(dev.homeport.yang.model.BuiltinType.STRING));
        IdeFixture prose = workspace(BASE, SUB, APP.replace("\"where\"", "\"whe|re\""));
        assertThat(prose.service.definition(prose.cursorUri, prose.cursor)).isEmpty();
    }

    @Test
    void referencesOfATypedefAcrossTheWorkspace() {
        IdeFixture f = workspace(BASE.replace("typedef percent", "typedef [[perc|ent]]").replace("type percent", "type [[percent]]"),
                SUB, APP.replace("b:percent", "b:[[percent]]"));
        assertThat(f.describe(f.service.references(f.cursorUri, f.cursor, true)))
                .containsExactlyInAnyOrderElementsOf(f.expected()).hasSize(3);
        assertThat(f.service.references(f.cursorUri, f.cursor, false)).hasSize(2);
    }

    @Test
    void referencesOfANodeFromItsDeclarationFindPathsInOtherModules() {
        IdeFixture f = workspace(BASE.replace("leaf name", "leaf [[na|me]]").replace("key name", "key [[name]]"), SUB,
                APP.replace("../b:name", "../b:[[name]]"));
        assertThat(f.describe(f.service.references(f.cursorUri, f.cursor, true)))
                .containsExactlyInAnyOrderElementsOf(f.expected()).hasSize(3);
    }

    @Test
    void referencesOfAGroupingAndAModule() {
        IdeFixture g = workspace(BASE.replace("grouping endpoint", "grouping [[endpoint]]"), SUB,
                APP.replace("uses b:endpoint", "uses b:[[endp|oint]]"));
        assertThat(g.describe(g.service.references(g.cursorUri, g.cursor, true)))
                .containsExactlyInAnyOrderElementsOf(g.expected());
        IdeFixture m = workspace(BASE.replace("module base", "module [[ba|se]]"),
                SUB.replace("belongs-to base", "belongs-to [[base]]"), APP.replace("import base", "import [[base]]"));
        assertThat(m.describe(m.service.references(m.cursorUri, m.cursor, true)))
                .containsExactlyInAnyOrderElementsOf(m.expected()).hasSize(3);
    }

    @Test
    void highlightOfAPrefixMarksEveryUseInTheDocument() {
        String app = APP.replace("prefix b;", "prefix [[|b]];")
                .replace("b:", "[[b]]:");
        IdeFixture f = workspace(BASE, SUB, app);
        List<Highlight> highlights = f.service.documentHighlights(f.cursorUri, f.cursor);
        assertThat(highlights).extracting(h -> f.cursorUri + "" + h.span())
                .containsExactlyElementsOf(f.marked.get(f.cursorUri).spans().stream().map(s -> f.cursorUri + "" + s).toList());
        assertThat(highlights).filteredOn(Highlight::declaration).hasSize(1);
        assertThat(highlights.get(0).range()).isEqualTo(Range.of(4, 23, 4, 24));
    }

    @Test
    void listKeyLeadsToItsLeaf() {
        IdeFixture f = workspace(BASE.replace("leaf name", "leaf [[name]]").replace("key name", "key na|me"), SUB, APP);
        assertThat(definition(f)).containsExactlyElementsOf(f.expected()).hasSize(1);
    }
}
