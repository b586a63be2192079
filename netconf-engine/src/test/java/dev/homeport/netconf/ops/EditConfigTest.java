package dev.homeport.netconf.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditConfigTest {
    private static final String IF = "<interfaces xmlns=\"urn:ietf:params:xml:ns:yang:ietf-interfaces\"/>";

    @Test
    void configRootFromAFileIsNotNestedTwice() throws Exception {
        String xml = EditConfig.to(Datastore.CANDIDATE)
                .config("<?xml version=\"1.0\"?>\n<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">" + IF
                        + "</config>")
                .toXml().toXml();
        assertThat(xml).containsOnlyOnce("<config").contains("<interfaces");
    }

    @Test
    void bareContentWithSeveralTopLevelElementsIsKept() throws Exception {
        String xml = EditConfig.to(Datastore.RUNNING).config(IF + "<system xmlns=\"urn:x\"/>")
                .defaultOperation(EditConfig.DefaultOperation.NONE)
                .testOption(EditConfig.TestOption.TEST_THEN_SET)
                .errorOption(EditConfig.ErrorOption.ROLLBACK_ON_ERROR)
                .toXml().toXml();
        assertThat(xml).contains("<interfaces", "<system", "<default-operation>none</default-operation>",
                "<test-option>test-then-set</test-option>", "<error-option>rollback-on-error</error-option>");
        assertThat(xml.indexOf("<target>")).isLessThan(xml.indexOf("<default-operation>"));
    }
}
