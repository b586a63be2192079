package dev.homeport.netconf.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageTraceRedactionTest {
    @Test
    void passwordsAreRedactedAsTextAndAsCdata() {
        String xml = "<user><name>alice</name><password>$0$plain-secret</password></user>"
                + "<user><name>bob</name><sys:password xmlns:sys=\"x\"><![CDATA[$0$cdata\n<secret>]]></sys:password>"
                + "</user><user><name>carol</name><password>$0$a<![CDATA[b]]>c </password ></user>";
        String out = MessageTrace.Redaction.redact(xml);
        assertThat(out).doesNotContain("plain-secret", "cdata", "$0$a", "CDATA[b")
                .contains("<name>alice</name><password>*****</password>",
                        "<sys:password xmlns:sys=\"x\">*****</sys:password>", "<name>carol</name>");
    }

    @Test
    void otherElementsAreLeftAlone() {
        String xml = "<name>password</name><description><![CDATA[x]]></description>";
        assertThat(MessageTrace.Redaction.redact(xml)).isEqualTo(xml);
    }
}
