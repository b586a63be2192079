package dev.homeport.yang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hover texts on the workspace of {@link NavigationTest}, with the cursor in the text and the exact Markdown expected. */
class HoverTest {
    @TempDir
    Path dir;

    private static final String BASE = NavigationTest.BASE.replace("typedef percent {",
            "typedef percent {\n    description \"A share of a whole.\";\n    status deprecated;\n    units percent;")
            .replace("module base {", "module base {\n  revision 2024-05-01 { description \"second\"; }\n  revision 2023-01-01;");

    private HoverInfo hover(String base, String app) {
        IdeFixture f = IdeFixture.of(dir, "app.yang", app, "base.yang", base, "base-sub.yang", NavigationTest.SUB);
        HoverInfo h = f.service.hover(f.cursorUri, f.cursor).orElseThrow();
        assertThat(h.span()).isEqualTo(f.marked.get(f.cursorUri).span());
        return h;
    }

    @Test
    void typedefReferenceShowsTypeChainStatusAndDescription() {
        HoverInfo h = hover(BASE, NavigationTest.APP.replace("b:percent", "b:[[perc|ent]]"));
        assertThat(h.markdown()).isEqualTo("""
                ```yang
                typedef percent
                ```

                in module base

                type: `uint8`, range `0..100`

                units: percent

                status: deprecated

                A share of a whole.""");
    }

    @Test
    void leafShowsTypeThroughTypedefsAndItsDataPath() {
        HoverInfo h = hover(BASE.replace("leaf load", "leaf [[lo|ad]]"), NavigationTest.APP);
        assertThat(h.markdown()).isEqualTo("""
                ```yang
                leaf load
                ```

                path: `/base:interfaces/interface/load`

                module base

                type: `percent → uint8`, range `0..100`

                config: true

                ```
                +--rw load?   percent
                ```""");
    }

    @Test
    void augmentingLeafShowsTheNamespaceChangeInItsPath() {
        HoverInfo h = hover(BASE, NavigationTest.APP.replace("leaf peer", "leaf [[pe|er]]"));
        assertThat(h.markdown()).isEqualTo("""
                ```yang
                leaf peer
                ```

                path: `/base:interfaces/interface/app:peer`

                module app

                type: `leafref`, path `../b:name`

                config: true

                ```
                +--rw peer?   -> ../b:name
                ```""");
    }

    @Test
    void moduleInImportShowsNewestRevisionAndNamespace() {
        HoverInfo h = hover(BASE, NavigationTest.APP.replace("import base", "import [[ba|se]]"));
        assertThat(h.markdown()).isEqualTo("""
                ```yang
                module base
                ```

                revision 2024-05-01

                namespace `urn:base`""");
    }

    @Test
    void builtinTypeAndKeywordNameTheirRfcSection() {
        HoverInfo type = hover(BASE, NavigationTest.APP.replace("type leafref", "type [[leaf|ref]]"));
        assertThat(type.markdown()).isEqualTo("```yang\ntype leafref\n```\n\nbuilt-in type, RFC 7950 section 9.9");
        HoverInfo keyword = hover(BASE, NavigationTest.APP.replace("augment \"", "[[augm|ent]] \""));
        assertThat(keyword.markdown()).isEqualTo("**augment** statement: RFC 7950 section 7.17");
    }

    @Test
    void prefixNamesItsModule() {
        HoverInfo h = hover(BASE, NavigationTest.APP.replace("type b:percent", "type [[|b]]:percent"));
        assertThat(h.markdown()).isEqualTo("```yang\nprefix b\n```\n\nmodule base");
    }

    @Test
    void listHoverShowsItsTreeLineAndChildrenAsItsModuleSeesThem() {
        HoverInfo h = hover(BASE.replace("list interface", "list [[inter|face]]"), NavigationTest.APP);
        assertThat(h.markdown()).endsWith("""
                ```
                +--rw interface* [name]
                   +--rw name    sub-name
                   +--rw load?   percent
                ```""");
    }
}
