package dev.homeport.netconf.server.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.RpcErrorException;
import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.ops.DataReply;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.Filter;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.MalformedXmlException;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** Shared helpers of the simulated-device tests. */
final class Sim {
    static final String SYS = "urn:ietf:params:xml:ns:yang:ietf-system";
    static final String IF = "urn:ietf:params:xml:ns:yang:ietf-interfaces";
    static final String IP = "urn:ietf:params:xml:ns:yang:ietf-ip";
    static final String IANAIFT = "urn:ietf:params:xml:ns:yang:iana-if-type";
    static final String NCN = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";

    private Sim() {
    }

    static SimulatedDevice homeRouter(String name) throws Exception {
        return SimulatedDevice.create(name, Profile.named("home-router"));
    }

    interface Call {
        void run() throws Exception;
    }

    /** The rpc-errors of a call that must fail with rpc-errors. */
    static List<RpcError> errors(Call call) {
        RpcErrorException e = catchThrowableOfType(RpcErrorException.class, call::run);
        assertThat(e).as("the device refused with rpc-error").isNotNull();
        return e.errors();
    }

    static RpcError error(Call call) {
        return errors(call).get(0);
    }

    static String system(String inner) {
        return "<system xmlns=\"" + SYS + "\">" + inner + "</system>";
    }

    static String hostname(NetconfClient c, Datastore ds) throws NetconfException, MalformedXmlException {
        DataReply r = c.getConfig(ds, Filter.subtree(system("<hostname/>")), null);
        return text(r.data(), SYS, "system", "hostname").orElse(null);
    }

    /** Text of the element at a path of local names under {@code root} (first match at each step). */
    static Optional<String> text(Element root, String ns, String... names) {
        Element at = root;
        for (String n : names) {
            Optional<Element> next = Dom.child(at, ns, n);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            at = next.get();
        }
        return Optional.of(at.getTextContent().strip());
    }

    static String iface(String name, String type, String inner) {
        return "<interfaces xmlns=\"" + IF + "\" xmlns:ianaift=\"" + IANAIFT + "\"><interface><name>" + name
                + "</name>" + (type == null ? "" : "<type>ianaift:" + type + "</type>") + inner
                + "</interface></interfaces>";
    }
}
