package dev.homeport.netconf.data;

import java.util.List;

/** Configurations over real modules and the test module, as a device would hold them; pairs of them make deltas. */
final class Samples {
    private Samples() {
    }

    static final String IETF_A = """
            <interfaces xmlns="urn:ietf:params:xml:ns:yang:ietf-interfaces"
                        xmlns:ianaift="urn:ietf:params:xml:ns:yang:iana-if-type">
              <interface>
                <name>eth0</name>
                <description>uplink</description>
                <type>ianaift:ethernetCsmacd</type>
                <enabled>true</enabled>
                <ipv4 xmlns="urn:ietf:params:xml:ns:yang:ietf-ip">
                  <enabled>true</enabled>
                  <mtu>1500</mtu>
                  <address><ip>192.0.2.1</ip><prefix-length>24</prefix-length></address>
                  <address><ip>198.51.100.1</ip><netmask>255.255.255.0</netmask></address>
                </ipv4>
                <ipv6 xmlns="urn:ietf:params:xml:ns:yang:ietf-ip">
                  <address><ip>2001:db8::1</ip><prefix-length>64</prefix-length></address>
                  <autoconf><create-global-addresses>true</create-global-addresses></autoconf>
                </ipv6>
              </interface>
              <interface>
                <name>eth1</name>
                <type>ianaift:ethernetCsmacd</type>
                <enabled>false</enabled>
              </interface>
              <interface>
                <name>lo</name>
                <type>ianaift:softwareLoopback</type>
              </interface>
            </interfaces>
            <system xmlns="urn:ietf:params:xml:ns:yang:ietf-system" xmlns:sys="urn:ietf:params:xml:ns:yang:ietf-system">
              <contact>noc@example.com</contact>
              <hostname>edge-1</hostname>
              <clock><timezone-name>Europe/Paris</timezone-name></clock>
              <ntp>
                <enabled>true</enabled>
                <server><name>a</name><udp><address>192.0.2.10</address></udp><prefer>true</prefer></server>
                <server><name>b</name><udp><address>ntp.example.com</address><port>1123</port></udp></server>
              </ntp>
              <dns-resolver>
                <search>example.com</search>
                <search>example.net</search>
                <search>example.org</search>
                <server><name>s1</name><udp-and-tcp><address>192.0.2.53</address></udp-and-tcp></server>
                <server><name>s2</name><udp-and-tcp><address>198.51.100.53</address></udp-and-tcp></server>
                <server><name>s3</name><udp-and-tcp><address>2001:db8::53</address></udp-and-tcp></server>
                <options><timeout>3</timeout></options>
              </dns-resolver>
              <authentication>
                <user-authentication-order>sys:local-users</user-authentication-order>
                <user-authentication-order>sys:radius</user-authentication-order>
                <user>
                  <name>admin</name>
                  <password>$0$secret</password>
                  <authorized-key><name>laptop</name><algorithm>ssh-ed25519</algorithm><key-data>AAECAwQ=</key-data></authorized-key>
                </user>
              </authentication>
            </system>
            """;

    static final String IETF_B = """
            <interfaces xmlns="urn:ietf:params:xml:ns:yang:ietf-interfaces"
                        xmlns:ianaift="urn:ietf:params:xml:ns:yang:iana-if-type">
              <interface>
                <name>eth0</name>
                <description>uplink to core</description>
                <type>ianaift:ethernetCsmacd</type>
                <enabled>true</enabled>
                <ipv4 xmlns="urn:ietf:params:xml:ns:yang:ietf-ip">
                  <enabled>true</enabled>
                  <mtu>9000</mtu>
                  <address><ip>192.0.2.1</ip><netmask>255.255.255.0</netmask></address>
                  <address><ip>203.0.113.1</ip><prefix-length>28</prefix-length></address>
                </ipv4>
              </interface>
              <interface>
                <name>eth2</name>
                <type>ianaift:ethernetCsmacd</type>
                <ipv6 xmlns="urn:ietf:params:xml:ns:yang:ietf-ip"><mtu>1280</mtu></ipv6>
              </interface>
              <interface>
                <name>lo</name>
                <type>ianaift:softwareLoopback</type>
              </interface>
            </interfaces>
            <system xmlns="urn:ietf:params:xml:ns:yang:ietf-system" xmlns:sys="urn:ietf:params:xml:ns:yang:ietf-system">
              <hostname>edge-2</hostname>
              <location>rack 4</location>
              <clock><timezone-utc-offset>120</timezone-utc-offset></clock>
              <ntp>
                <enabled>true</enabled>
                <server><name>b</name><udp><address>ntp.example.com</address></udp><iburst>true</iburst></server>
              </ntp>
              <dns-resolver>
                <search>example.org</search>
                <search>example.com</search>
                <search>example.edu</search>
                <search>example.net</search>
                <server><name>s3</name><udp-and-tcp><address>2001:db8::53</address></udp-and-tcp></server>
                <server><name>s1</name><udp-and-tcp><address>192.0.2.53</address></udp-and-tcp></server>
                <server><name>s4</name><udp-and-tcp><address>192.0.2.54</address></udp-and-tcp></server>
                <server><name>s2</name><udp-and-tcp><address>198.51.100.53</address></udp-and-tcp></server>
              </dns-resolver>
              <authentication>
                <user-authentication-order>sys:radius</user-authentication-order>
                <user-authentication-order>sys:local-users</user-authentication-order>
                <user>
                  <name>admin</name>
                  <password>$0$secret</password>
                  <authorized-key><name>laptop</name><algorithm>ssh-ed25519</algorithm><key-data>BQYHCAk=</key-data></authorized-key>
                  <authorized-key><name>desk</name><algorithm>ssh-rsa</algorithm><key-data>AAAA</key-data></authorized-key>
                </user>
                <user><name>oper</name></user>
              </authentication>
            </system>
            """;

    static final String IETF_C = """
            <system xmlns="urn:ietf:params:xml:ns:yang:ietf-system"><hostname>edge-1</hostname></system>
            <interfaces xmlns="urn:ietf:params:xml:ns:yang:ietf-interfaces"/>
            """;

    static final String TEST_A = """
            <settings xmlns="urn:homeport:data-test" xmlns:hdt="urn:homeport:data-test">
              <name>alpha</name>
              <count>10</count>
              <enabled>true</enabled>
              <kind>hdt:kind-a</kind>
              <mode>fast</mode>
              <flag/>
              <ratio>1.50</ratio>
              <tags>x</tags><tags>y</tags><tags>z</tags>
              <search-path>/a</search-path><search-path>/b</search-path><search-path>/c</search-path><search-path>/d</search-path>
              <logging><level>3</level></logging>
              <tcp-port>8080</tcp-port>
              <tcp-options><no-delay>true</no-delay></tcp-options>
            </settings>
            <rule xmlns="urn:homeport:data-test"><name>r1</name><action>permit</action><port>22</port><port>80</port></rule>
            <rule xmlns="urn:homeport:data-test"><name>r2</name><action>deny</action><match><source>10.0.0.0/8</source></match></rule>
            <rule xmlns="urn:homeport:data-test"><name>r3</name></rule>
            <rule xmlns="urn:homeport:data-test"><name>r4</name><action>permit</action></rule>
            <peer xmlns="urn:homeport:data-test"><address>p1</address><port>179</port><weight>5</weight>
              <session><id>1</id><note>first</note></session><session><id>2</id></session></peer>
            <peer xmlns="urn:homeport:data-test"><address>p1</address><port>180</port></peer>
            <state xmlns="urn:homeport:data-test"><uptime>12345</uptime></state>
            """;

    static final String TEST_B = """
            <settings xmlns="urn:homeport:data-test" xmlns:hdt="urn:homeport:data-test">
              <name>alpha &amp; &lt;beta&gt;</name>
              <count>10</count>
              <kind>hdt:kind-b</kind>
              <mode>slow</mode>
              <ratio>2.25</ratio>
              <tags>y</tags><tags>w</tags>
              <search-path>/d</search-path><search-path>/a</search-path><search-path>/b</search-path><search-path>/c</search-path><search-path>/e</search-path>
              <logging/>
              <udp-port>53</udp-port>
            </settings>
            <rule xmlns="urn:homeport:data-test"><name>r3</name></rule>
            <rule xmlns="urn:homeport:data-test"><name>r1</name><action>deny</action><port>80</port><port>443</port></rule>
            <rule xmlns="urn:homeport:data-test"><name>r5</name><match><destination>d</destination></match></rule>
            <rule xmlns="urn:homeport:data-test"><name>r2</name><action>deny</action><match><source>10.0.0.0/8</source></match></rule>
            <peer xmlns="urn:homeport:data-test"><address>p1</address><port>179</port><weight>6</weight>
              <session><id>2</id><note>second</note></session><session><id>3</id></session></peer>
            <peer xmlns="urn:homeport:data-test"><address>p2</address><port>179</port></peer>
            <state xmlns="urn:homeport:data-test"><uptime>99999</uptime></state>
            """;

    static final String TEST_C = """
            <settings xmlns="urn:homeport:data-test"><local-socket>/run/s</local-socket></settings>
            <rule xmlns="urn:homeport:data-test"><name>r9</name><match/></rule>
            """;

    static final String OC_A = """
            <interfaces xmlns="http://openconfig.net/yang/interfaces">
              <interface>
                <name>Ethernet1</name>
                <config>
                  <name>Ethernet1</name>
                  <type xmlns:ianaift="urn:ietf:params:xml:ns:yang:iana-if-type">ianaift:ethernetCsmacd</type>
                  <mtu>1500</mtu>
                  <description>to spine</description>
                  <enabled>true</enabled>
                </config>
                <ethernet xmlns="http://openconfig.net/yang/interfaces/ethernet">
                  <config><auto-negotiate>true</auto-negotiate></config>
                </ethernet>
                <subinterfaces>
                  <subinterface>
                    <index>0</index>
                    <config><index>0</index><description>untagged</description></config>
                    <ipv4 xmlns="http://openconfig.net/yang/interfaces/ip">
                      <addresses>
                        <address><ip>10.1.1.1</ip><config><ip>10.1.1.1</ip><prefix-length>31</prefix-length></config></address>
                      </addresses>
                    </ipv4>
                  </subinterface>
                </subinterfaces>
              </interface>
              <interface>
                <name>Loopback0</name>
                <config><name>Loopback0</name><type xmlns:ianaift="urn:ietf:params:xml:ns:yang:iana-if-type">ianaift:softwareLoopback</type></config>
              </interface>
            </interfaces>
            """;

    static final String OC_B = """
            <interfaces xmlns="http://openconfig.net/yang/interfaces">
              <interface>
                <name>Ethernet1</name>
                <config>
                  <name>Ethernet1</name>
                  <type xmlns:ianaift="urn:ietf:params:xml:ns:yang:iana-if-type">ianaift:ethernetCsmacd</type>
                  <mtu>9100</mtu>
                  <enabled>true</enabled>
                </config>
                <subinterfaces>
                  <subinterface>
                    <index>0</index>
                    <config><index>0</index><description>untagged</description></config>
                    <ipv4 xmlns="http://openconfig.net/yang/interfaces/ip">
                      <addresses>
                        <address><ip>10.1.1.1</ip><config><ip>10.1.1.1</ip><prefix-length>31</prefix-length></config></address>
                        <address><ip>10.9.9.9</ip><config><ip>10.9.9.9</ip><prefix-length>32</prefix-length></config></address>
                      </addresses>
                    </ipv4>
                  </subinterface>
                  <subinterface><index>100</index><config><index>100</index></config></subinterface>
                </subinterfaces>
              </interface>
              <interface>
                <name>Ethernet2</name>
                <config><name>Ethernet2</name><type xmlns:ianaift="urn:ietf:params:xml:ns:yang:iana-if-type">ianaift:ethernetCsmacd</type></config>
              </interface>
            </interfaces>
            """;

    static List<String> ietf() {
        return List.of(IETF_A, IETF_B, IETF_C, "", TEST_A, TEST_B, TEST_C, IETF_A + TEST_B, IETF_B + TEST_A);
    }

    static List<String> openconfig() {
        return List.of(OC_A, OC_B, "");
    }
}
