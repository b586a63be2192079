package dev.homeport.netconf.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** SafeXml reuses its parsers: a reused parser must keep every protection and must not mix up documents. */
class SafeXmlReuseTest {
    private static String nested(int depth) {
        return "<a>".repeat(depth) + "</a>".repeat(depth);
    }

    @Test
    void reusedParsersStillRefuseDoctypesAndDeepNestingAndParseCorrectlyInBetween() throws Exception {
        XmlLimits shallow = new XmlLimits(16);
        for (int round = 0; round < 20; round++) {
            Document ok = SafeXml.parse(("<r xmlns='urn:r'><n>" + round + "</n></r>").getBytes(StandardCharsets.UTF_8),
                    shallow);
            assertThat(ok.getDocumentElement().getTextContent()).isEqualTo(Integer.toString(round));
            assertThatThrownBy(() -> SafeXml.parse("<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>".getBytes(
                    StandardCharsets.UTF_8), shallow)).isInstanceOf(MalformedXmlException.class)
                    .hasMessageContaining("DOCTYPE");
            assertThatThrownBy(() -> SafeXml.parse(nested(17).getBytes(StandardCharsets.UTF_8), shallow))
                    .isInstanceOf(MalformedXmlException.class).hasMessageContaining("nesting");
            assertThat(SafeXml.parse(nested(15).getBytes(StandardCharsets.UTF_8), shallow)).isNotNull();
            // the default limit is kept apart from the shallow one
            assertThat(SafeXml.parse(nested(100).getBytes(StandardCharsets.UTF_8), XmlLimits.DEFAULT)).isNotNull();
        }
    }

    @Test
    void documentsParsedConcurrentlyStayDistinct() throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Document>> docs = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String xml = "<d xmlns='urn:d' id='" + i + "'>" + "<x/>".repeat(i % 7) + "</d>";
                docs.add(pool.submit(() -> SafeXml.parse(xml)));
            }
            for (int i = 0; i < docs.size(); i++) {
                Document d = docs.get(i).get();
                assertThat(d.getDocumentElement().getAttribute("id")).isEqualTo(Integer.toString(i));
                assertThat(d.getDocumentElement().getChildNodes().getLength()).isEqualTo(i % 7);
            }
        }
    }
}
