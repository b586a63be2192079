package dev.homeport.yang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.YangLanguageService;
import dev.homeport.yang.corpus.Corpus;
import dev.homeport.yang.index.PathExpander;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 8340 tree diagrams. The expected text of the first test is what {@code yanglint -f tree} prints for the same
 * module, except notification parameters, which RFC 8340 section 2.6 flags {@code ro} (libyang prints {@code --}).
 */
class TreeDiagramTest {
    @TempDir
    Path dir;

    static final String EX = """
            module ex {
              yang-version 1.1;
              namespace "urn:ex";
              prefix ex;
              feature fancy;
              typedef percent { type uint8 { range "0..100"; } }
              grouping addr {
                leaf address { type string; mandatory true; }
                leaf port { type uint16; }
              }
              container system {
                presence "on";
                leaf hostname { type string; }
                list server {
                  key "name";
                  leaf name { type string; }
                  uses addr;
                  leaf load { type percent; config false; }
                  leaf-list tag { type string; if-feature fancy; }
                }
                choice transport {
                  case tcp { leaf tcp-port { type uint16; } }
                  leaf udp { type empty; }
                }
                leaf main-server { type leafref { path "../server/name"; } status deprecated; }
              }
              rpc restart {
                input { leaf delay { type uint32; } }
              }
              notification restarted {
                leaf at { type string; }
              }
            }
            """;

    @Test
    void moduleTreeAsYanglintPrintsIt() {
        IdeFixture f = IdeFixture.of(dir, "ex.yang", EX + "|");
        assertThat(f.service.treeDiagram(f.cursorUri)).contains("""
                module: ex
                  +--rw system!
                     +--rw hostname?      string
                     +--rw server* [name]
                     |  +--rw name       string
                     |  +--rw address    string
                     |  +--rw port?      uint16
                     |  +--ro load?      percent
                     |  +--rw tag*       string {fancy}?
                     +--rw (transport)?
                     |  +--:(tcp)
                     |  |  +--rw tcp-port?   uint16
                     |  +--:(udp)
                     |     +--rw udp?   empty
                     x--rw main-server?   -> ../server/name

                  rpcs:
                    +---x restart
                       +---w input
                          +---w delay?   uint32

                  notifications:
                    +---n restarted
                       +--ro at?   string
                """);
    }

    @Test
    void augmentsOfAModuleAndItsSubmoduleAreSections() {
        IdeFixture f = IdeFixture.of(dir, "app.yang", NavigationTest.APP + "|", "base.yang", NavigationTest.BASE,
                "base-sub.yang", NavigationTest.SUB);
        assertThat(f.service.treeDiagram(f.cursorUri)).contains("""
                module: app
                  +--rw speed?   b:percent

                  augment /b:interfaces/b:interface:
                    +--rw address?   string
                    +--rw port?      uint16
                    +--rw peer?      -> ../b:name
                """);
        assertThat(f.service.treeDiagram(f.uri("base.yang"))).contains("""
                module: base
                  +--rw interfaces
                     +--rw interface* [name]
                        +--rw name         sub-name
                        +--rw load?        percent
                        +--rw a:address?   string
                        +--rw a:port?      uint16
                        +--rw a:peer?      -> ../b:name
                """);
    }

    /**
     * Published modules (with their imports, and no module augmenting them) give exactly yanglint's diagram. These
     * three avoid the two places libyang departs from RFC 8340: a {@code ?} after cases, and notification
     * parameters flagged {@code --}.
     */
    @Test
    void publishedModulesMatchYanglint() throws IOException, InterruptedException {
        Path ietf = Corpus.root().resolve("ietf");
        List<String> files = List.of("ietf-system@2014-08-06.yang", "ietf-key-chain@2017-06-15.yang",
                "ietf-netconf-acm@2018-02-14.yang", "ietf-inet-types@2013-07-15.yang", "ietf-yang-types@2013-07-15.yang",
                "iana-crypt-hash@2014-08-06.yang");
        for (String file : files) {
            Files.copy(ietf.resolve(file), dir.resolve(file));
        }
        YangLanguageService service = new YangLanguageService();
        service.configure(List.of(dir), List.of(), PathExpander.of(Map.of(), dir, dir));
        for (String module : files.subList(0, 3)) {
            Process yanglint = new ProcessBuilder("/usr/bin/yanglint", "-p", dir.toString(), "-f", "tree",
                    dir.resolve(module).toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String expected = new String(yanglint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(yanglint.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(expected).as("yanglint's diagram of " + module).startsWith("module: ");
            assertThat(service.treeDiagram(dir.resolve(module).toUri())).as(module).contains(expected);
        }
    }
}
