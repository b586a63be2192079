package dev.homeport.netconf.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The config content of edit-config: a {@code <config>} root (as netconf-console files have) is not nested twice. */
class EditConfigTest {
    private static final String IF = "<interfaces xmlns=\"urn:ietf:params:xml:ns:yang:ietf-interfaces\"/>";
    private static final String SYS = "<system xmlns=\"urn:ietf:params:xml:ns:yang:ietf-system\"/>";

    @Test
    void configRootInTheBaseNamespaceIsUnwrapped() throws Exception {
        String xml = "<?xml version=\"1.0\"?>\n<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">\n  " + IF
                + "\n  " + SYS + "\n</config>\n";
        assertThat(EditConfig.stripConfigWrapper(xml)).isEqualTo(IF + SYS);
        String sent = EditConfig.to(Datastore.CANDIDATE).config(xml).toXml().toXml();
        assertThat(sent).containsOnlyOnce("<config").contains("<config>" + IF + SYS + "</config>");
    }

    @Test
    void configRootWithoutNamespaceIsUnwrappedToo() throws Exception {
        assertThat(EditConfig.stripConfigWrapper("<config>" + IF + "</config>")).isEqualTo(IF);
    }

    @Test
    void bareContentAndSeveralSiblingsAreKept() throws Exception {
        assertThat(EditConfig.stripConfigWrapper(IF)).isEqualTo(IF);
        assertThat(EditConfig.stripConfigWrapper(IF + "\n" + SYS)).isEqualTo(IF + SYS);
    }

    @Test
    void aModuleContainerNamedConfigIsData() throws Exception {
        String data = "<config xmlns=\"urn:example:app\"><x>1</x></config>";
        assertThat(EditConfig.stripConfigWrapper(data)).isEqualTo(data);
    }
}
