package dev.homeport.netconf.server.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.netconf.data.DataPaths;
import dev.homeport.netconf.data.DataXPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The XPath evaluation behind :xpath filters, partial locks and must/when, on the home router's configuration. */
class XPathEvaluationTest {
    private static final Map<String, String> NS = Map.of("if", Sim.IF, "sys", Sim.SYS, "ip", Sim.IP,
            "ianaift", Sim.IANAIFT);

    private static List<String> select(String expr) throws Exception {
        Profile p = Profile.named("home-router");
        DataXPath x = p.xpath();
        DataPaths paths = p.paths();
        return x.select(p.initialConfig(), x.compile(expr, NS)).stream().map(paths::readable).toList();
    }

    @Test
    void locationPathsWithPredicatesAndAxes() throws Exception {
        assertThat(select("/if:interfaces/if:interface[if:name='lan0']/if:description"))
                .containsExactly("/ietf-interfaces:interfaces/interface[name='lan0']/description");
        assertThat(select("//ip:address[ip:ip='127.0.0.1']/ip:prefix-length")).hasSize(1);
        assertThat(select("/if:interfaces/if:interface[ip:ipv4/ip:address/ip:prefix-length = 24]/if:name"))
                .singleElement().satisfies(s -> assertThat(s).contains("lan0"));
        assertThat(select("/if:interfaces/if:interface[1]")).hasSize(1);
        assertThat(select("/if:interfaces/if:interface[last()]")).hasSize(1);
        assertThat(select("//if:description/..")).hasSize(4);
        assertThat(select("/sys:system/sys:ntp/sys:server/ancestor::sys:system")).containsExactly("/ietf-system:system");
        assertThat(select("/if:interfaces/if:interface[if:name='wan0']/following-sibling::if:interface"
                + " | /if:interfaces/if:interface[if:name='wan0']/preceding-sibling::if:interface")).hasSize(4);
        assertThat(select("/if:interfaces/*")).hasSize(5);
    }

    @Test
    void functionsAndOperators() throws Exception {
        assertThat(select("/if:interfaces[count(if:interface) = 5]")).hasSize(1);
        assertThat(select("/if:interfaces/if:interface[not(if:enabled = 'false')]")).hasSize(4);
        assertThat(select("/if:interfaces/if:interface[contains(if:description, 'Wi-Fi')]")).hasSize(2);
        assertThat(select("/if:interfaces/if:interface[string-length(if:name) = 2]/if:name"))
                .singleElement().satisfies(s -> assertThat(s).contains("'lo'"));
        assertThat(select("/sys:system/sys:dns-resolver/sys:options[sys:timeout * 2 + 1 = 7]")).hasSize(1);
        assertThat(select("/if:interfaces/if:interface[derived-from-or-self(if:type, 'ianaift:ethernetCsmacd')]"))
                .hasSize(1);
        assertThat(select("/if:interfaces/if:interface[if:type = 'ianaift:bridge']")).hasSize(1);
        assertThat(select("/sys:system[substring-before(sys:hostname, '-') = 'home']")).hasSize(1);
        assertThat(select("/if:interfaces/if:interface[translate(if:name, 'wlan', 'WLAN') = 'WLAN0']")).hasSize(1);
        assertThat(select("/if:interfaces/if:interface[re-match(if:name, 'wlan[0-9]')]")).hasSize(2);
    }

    @Test
    void badExpressionsAreReportedNotThrown() {
        assertThatThrownBy(() -> select("/if:interfaces[")).isInstanceOf(DataXPath.InvalidXPathException.class);
        assertThatThrownBy(() -> select("/nope:interfaces")).isInstanceOf(DataXPath.InvalidXPathException.class);
        assertThatThrownBy(() -> select("count(/if:interfaces)")).isInstanceOf(DataXPath.InvalidXPathException.class)
                .hasMessageContaining("number");
        assertThatThrownBy(() -> select("/if:interfaces[deref(.)]"))
                .isInstanceOf(DataXPath.InvalidXPathException.class).hasMessageContaining("deref");
    }
}
