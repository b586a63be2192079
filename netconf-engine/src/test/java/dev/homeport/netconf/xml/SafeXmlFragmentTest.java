package dev.homeport.netconf.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SafeXmlFragmentTest {
    @Test
    void parsesSeveralTopLevelElements() throws Exception {
        Element wrapper = SafeXml.parseFragment("<a xmlns='urn:a'>1</a>\n<b xmlns='urn:b'/>");
        List<Element> top = Dom.children(wrapper);
        assertThat(top).extracting(Element::getLocalName).containsExactly("a", "b");
        assertThat(top.get(1).getNamespaceURI()).isEqualTo("urn:b");
        assertThat(wrapper.getNamespaceURI()).isNull();
    }

    @Test
    void dropsTheXmlDeclarationAndKeepsLineNumbers() throws Exception {
        assertThat(Dom.children(SafeXml.parseFragment("<?xml version='1.0'\n encoding='UTF-8'?>\n<a/>"))).hasSize(1);
        assertThatThrownBy(() -> SafeXml.parseFragment("<?xml version='1.0'\n encoding='UTF-8'?>\n<a>\n<b></a>"))
                .isInstanceOf(MalformedXmlException.class)
                .hasMessageContaining("line 4");
    }

    @Test
    void refusesDoctypesAsParseDoes() {
        assertThatThrownBy(() -> SafeXml.parseFragment("<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>"))
                .isInstanceOf(MalformedXmlException.class);
        assertThatThrownBy(() -> SafeXml.parseFragment("<?xml version='1.0'"))
                .isInstanceOf(MalformedXmlException.class);
    }

    @Test
    void emptyTextIsAnEmptyFragment() throws Exception {
        assertThat(Dom.children(SafeXml.parseFragment(""))).isEmpty();
    }
}
