package dev.homeport.netconf.server.sim;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random pieces of home-router edits, valid and invalid, for the property tests. */
final class EditPieces {
    private static final String NC = "xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\"";

    private EditPieces() {
    }

    static Arbitrary<String> piece() {
        Arbitrary<String> names = Arbitraries.of("wan0", "lan0", "wlan0", "wlan1", "lo", "eth5", "eth6", "ppp0");
        Arbitrary<String> ops = Arbitraries.of("", " nc:operation=\"merge\"", " nc:operation=\"create\"",
                " nc:operation=\"delete\"", " nc:operation=\"remove\"", " nc:operation=\"replace\"",
                " nc:operation=\"frobnicate\"");
        return Arbitraries.oneOf(
                // hostnames: valid, and some the domain-name pattern refuses
                Arbitraries.of("gw", "router-1.home.arpa", "bad host!", "", "x".repeat(300), "a..b")
                        .map(h -> Sim.system("<hostname>" + h + "</hostname>")),
                // interfaces with and without their mandatory type, created, deleted...
                Combinators.combine(names, ops, Arbitraries.of(true, false)).as((n, op, typed) ->
                        "<interfaces xmlns=\"" + Sim.IF + "\" xmlns:ianaift=\"" + Sim.IANAIFT + "\" " + NC + ">"
                                + "<interface" + op + "><name>" + n + "</name>"
                                + (typed ? "<type>ianaift:ethernetCsmacd</type>" : "")
                                + "</interface></interfaces>"),
                // MTUs in and out of range (68..65535)
                Combinators.combine(names, Arbitraries.of(67, 68, 1500, 9000, 65535, 65536, -1)).as((n, mtu) ->
                        Sim.iface(n, null, "<ipv4 xmlns=\"" + Sim.IP + "\"><mtu>" + mtu + "</mtu></ipv4>")),
                // addresses with and without the mandatory subnet choice
                Combinators.combine(names, Arbitraries.of("<prefix-length>24</prefix-length>", "",
                        "<prefix-length>33</prefix-length>", "<netmask>255.255.255.0</netmask>")).as((n, subnet) ->
                        Sim.iface(n, null, "<ipv4 xmlns=\"" + Sim.IP + "\"><address><ip>10.9.8.7</ip>" + subnet
                                + "</address></ipv4>")),
                // DNS resolver options in and out of range (timeout 1..60, attempts 1..10)
                Combinators.combine(Arbitraries.of(0, 1, 5, 60, 61), Arbitraries.of(0, 2, 11)).as((t, a) ->
                        Sim.system("<dns-resolver><options><timeout>" + t + "</timeout><attempts>" + a
                                + "</attempts></options></dns-resolver>")),
                // NTP servers: the transport choice is mandatory
                Arbitraries.of("<udp><address>ntp.example.org</address></udp>", "").map(t ->
                        Sim.system("<ntp><server><name>s2</name>" + t + "</server></ntp>")),
                // mandatory nodes deleted: an interface's type, an NTP server's transport
                names.map(n -> Sim.iface(n, null, "<type " + NC + " nc:operation=\"delete\"/>")),
                Arbitraries.of(Sim.system("<ntp><server><name>isp-ntp</name><udp " + NC
                        + " nc:operation=\"remove\"/></server></ntp>")),
                // unknown elements and namespaces
                Arbitraries.of(Sim.system("<no-such-thing/>"), "<stranger xmlns=\"urn:example:x\"/>",
                        Sim.iface("wan0", null, "<speed>1</speed>")));
    }
}
