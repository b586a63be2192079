package dev.homeport.browser.demo;

import dev.homeport.netconf.data.EditApplier;
import dev.homeport.netconf.data.EditException;
import dev.homeport.netconf.data.XmlDataCodec;
import dev.homeport.netconf.message.Capability;
import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.ops.EditConfig.DefaultOperation;
import dev.homeport.netconf.schema.InvalidModuleException;
import dev.homeport.netconf.schema.ModuleSource;
import dev.homeport.netconf.schema.SchemaBuildReport;
import dev.homeport.netconf.schema.SchemaBuilder;
import dev.homeport.netconf.server.NetconfEndpoint;
import dev.homeport.netconf.server.RpcRequest;
import dev.homeport.netconf.server.ServerOptions;
import dev.homeport.netconf.server.ServerSession;
import dev.homeport.netconf.transport.NetconfTransport;
import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.XmlFragment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.PublicKey;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.w3c.dom.Element;

/**
 * A small simulated NETCONF device for {@code ./homeport demo} and the browser's UI tests: ietf-system with a
 * running and a candidate datastore, served through the engine's {@link ServerSession} (get, get-config,
 * edit-config, commit, discard-changes, validate, lock, unlock, get-schema, close-session). Edits are applied by
 * the engine's {@link EditApplier} against the YANG schema, so a bad value gets a real rpc-error.
 *
 * <p>It stands in for the project's device simulator (server.sim) until that lands; it holds no protocol logic of
 * its own beyond choosing which datastore an operation touches.
 */
public final class DemoDevice implements NetconfEndpoint {
    public static final String SYSTEM_NS = "urn:ietf:params:xml:ns:yang:ietf-system";
    /** Module files bundled with the plug-in (from the IETF corpus), served through get-schema. */
    private static final List<String> MODULE_FILES = List.of("ietf-system@2014-08-06.yang",
            "ietf-yang-types@2013-07-15.yang", "ietf-inet-types@2013-07-15.yang", "ietf-netconf-acm@2018-02-14.yang",
            "iana-crypt-hash@2014-08-06.yang");
    private static final Map<String, String> FEATURES = Map.of("ietf-system", "timezone-name,ntp");
    private static final AtomicLong SESSION_IDS = new AtomicLong();

    private final String name;
    private final KeyPair hostKey;
    private final String user;
    private final String password;
    private final Map<String, ModuleSource> modules = new LinkedHashMap<>();
    private final Map<String, String> moduleTexts = new LinkedHashMap<>();
    private final List<String> capabilities = new ArrayList<>();
    private final XmlDataCodec codec;
    private final EditApplier edits;
    private final OffsetDateTime booted = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    private ContainerNode running;
    private ContainerNode candidate;

    /**
     * @param name     the device's name, also its hostname and the seed of its Ed25519 host key (so its fingerprint
     *                 is the same on every run)
     * @param user     the login it accepts, with {@code password}
     */
    public DemoDevice(String name, String user, String password) {
        this.name = name;
        this.hostKey = reproducibleHostKey(name);
        this.user = user;
        this.password = password;
        capabilities.addAll(List.of(Capability.BASE_1_0, Capability.BASE_1_1, Capability.CANDIDATE,
                Capability.VALIDATE_1_1, Capability.MONITORING));
        for (String file : MODULE_FILES) {
            ModuleSource m;
            String text = resource("/yang/" + file);
            try {
                m = ModuleSource.parse(text, file);
            } catch (InvalidModuleException e) {
                throw new IllegalStateException("bundled module " + file + " is invalid: " + e.getMessage(), e);
            }
            modules.put(m.name(), m);
            moduleTexts.put(m.name(), text);
            String features = FEATURES.get(m.name());
            capabilities.add(m.namespace().orElseThrow() + "?module=" + m.name()
                    + m.revision().map(r -> "&revision=" + r).orElse("")
                    + (features == null ? "" : "&features=" + features));
        }
        SchemaBuildReport schema = new SchemaBuilder().build(modules.values());
        if (schema.partial()) {
            throw new IllegalStateException("the demo device's schema did not build: " + schema);
        }
        EffectiveModelContext context = schema.context();
        codec = new XmlDataCodec(context);
        edits = new EditApplier(context);
        try {
            running = codec.parse(dev.homeport.netconf.xml.SafeXml.parse(initialConfig(name)).getDocumentElement());
        } catch (Exception e) {
            throw new IllegalStateException("the demo device's initial configuration is invalid: " + e.getMessage(), e);
        }
        candidate = running;
    }

    /**
     * An ECDSA P-256 key drawn from a PRNG seeded with the name, so the fingerprint is the same on every run. Not
     * Ed25519 ({@code HostKeys.ed25519}): its net.i2p classes cannot load in OSGi, where the product runs this device.
     * For simulated devices only: anyone who knows the name has the private key.
     */
    static KeyPair reproducibleHostKey(String name) {
        try {
            SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed(("homeport-demo:" + name).getBytes(StandardCharsets.UTF_8));
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), seeded);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make an EC P-256 key", e);
        }
    }

    private static String initialConfig(String hostname) {
        return "<data xmlns=\"" + Namespaces.BASE + "\"><system xmlns=\"" + SYSTEM_NS + "\">"
                + "<contact>noc@example.net</contact><hostname>" + hostname + "</hostname>"
                + "<location>rack 1</location>"
                + "<clock><timezone-name>Europe/Berlin</timezone-name></clock>"
                + "<ntp><enabled>true</enabled><server><name>pool</name><udp><address>192.0.2.1</address></udp>"
                + "</server></ntp></system></data>";
    }

    private static String resource(String path) {
        try (InputStream in = DemoDevice.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path + " in the browser plug-in");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code SHA256:...} of its host key, as the manager shows it. */
    public String fingerprint() {
        return HostKeys.fingerprint(hostKey.getPublic());
    }

    /** The running datastore as XML (no wrapper): what a second, independent reader would see. */
    public synchronized String runningXml() {
        return codec.toXml(running);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public KeyPair hostKey() {
        return hostKey;
    }

    @Override
    public boolean authenticatePassword(String u, String p) {
        return user.equals(u) && password.equals(p);
    }

    @Override
    public boolean authenticatePublicKey(String u, PublicKey key) {
        return false;
    }

    @Override
    public void accept(NetconfTransport transport, String username) {
        new ServerSession(transport, SESSION_IDS.incrementAndGet(), capabilities, this::answer,
                ServerOptions.defaults()).start();
    }

    private void answer(ServerSession session, RpcRequest req) {
        Element op = req.operation();
        try {
            switch (req.name()) {
                case "get" -> session.reply(req, "<data>" + (asksFor(op, "netconf-state")
                        ? netconfState() : state()) + "</data>");
                case "get-config" -> session.reply(req, "<data>" + configXml(datastore(op, "source")) + "</data>");
                case "edit-config" -> editConfig(session, req, op);
                case "commit" -> {
                    synchronized (this) {
                        running = candidate;
                    }
                    session.replyOk(req);
                }
                case "discard-changes" -> {
                    synchronized (this) {
                        candidate = running;
                    }
                    session.replyOk(req);
                }
                case "validate", "lock", "unlock" -> {
                    datastore(op, req.name().equals("validate") ? "source" : "target");
                    session.replyOk(req);
                }
                case "get-schema" -> getSchema(session, req, op);
                case "close-session" -> {
                    session.replyOk(req);
                    session.close("close-session");
                }
                default -> session.reply(req, List.of(RpcError.of("protocol", "operation-not-supported",
                        "the demo device does not support <" + req.name() + ">")));
            }
        } catch (BadRequest e) {
            session.reply(req, List.of(e.error));
        }
    }

    private void editConfig(ServerSession session, RpcRequest req, Element op) throws BadRequest {
        String target = datastore(op, "target");
        if (!target.equals("candidate")) {
            throw new BadRequest(RpcError.of("protocol", "operation-not-supported",
                    "the running datastore is not writable (no :writable-running): edit the candidate and commit"));
        }
        Element config = Dom.child(op, Namespaces.BASE, "config").orElseThrow(() -> new BadRequest(
                RpcError.of("protocol", "missing-element", "edit-config without <config>")));
        DefaultOperation defaultOp = Dom.childText(op, Namespaces.BASE, "default-operation")
                .map(s -> DefaultOperation.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT)))
                .orElse(DefaultOperation.MERGE);
        try {
            synchronized (this) {
                candidate = edits.apply(candidate, config, defaultOp);
            }
            session.replyOk(req);
        } catch (EditException e) {
            session.reply(req, List.of(e.error().toRpcError()));
        }
    }

    private void getSchema(ServerSession session, RpcRequest req, Element op) throws BadRequest {
        String id = Dom.childText(op, Namespaces.MONITORING, "identifier").map(String::trim).orElse("");
        String text = moduleTexts.get(id);
        if (text == null) {
            throw new BadRequest(RpcError.of("application", "invalid-value", "no module " + id + " on this device"));
        }
        StringBuilder sb = new StringBuilder("<data xmlns=\"" + Namespaces.MONITORING + "\">");
        XmlFragment.escape(sb, text, false);
        session.reply(req, sb.append("</data>").toString());
    }

    private synchronized String configXml(String store) {
        return codec.toXml(store.equals("candidate") ? candidate : running);
    }

    /** Running configuration plus the read-only state of ietf-system. */
    private String state() {
        DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        return configXml("running") + "<system-state xmlns=\"" + SYSTEM_NS + "\"><platform>"
                + "<os-name>Homeport simulated device</os-name><os-release>0.1</os-release>"
                + "<os-version>demo</os-version><machine>x86_64</machine></platform><clock><current-datetime>"
                + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(f)
                + "</current-datetime><boot-datetime>" + booted.format(f) + "</boot-datetime></clock></system-state>";
    }

    /** RFC 6022 schema list, so that the manager's module discovery finds get-schema's identifiers. */
    private String netconfState() {
        StringBuilder sb = new StringBuilder("<netconf-state xmlns=\"" + Namespaces.MONITORING + "\"><schemas>");
        for (ModuleSource m : modules.values()) {
            sb.append("<schema><identifier>").append(m.name()).append("</identifier><version>")
                    .append(m.revision().orElse("")).append("</version><format>yang</format><namespace>")
                    .append(m.namespace().orElse("")).append("</namespace><location>NETCONF</location></schema>");
        }
        return sb.append("</schemas></netconf-state>").toString();
    }

    private static boolean asksFor(Element op, String topElement) {
        return Dom.child(op, Namespaces.BASE, "filter").map(f -> Dom.children(f).stream()
                .anyMatch(e -> topElement.equals(e.getLocalName()))).orElse(false);
    }

    private static String datastore(Element op, String role) throws BadRequest {
        Optional<Element> holder = Dom.child(op, Namespaces.BASE, role);
        String name = holder.flatMap(h -> Dom.children(h).stream().findFirst()).map(Element::getLocalName).orElse("");
        return switch (name) {
            case "running", "candidate" -> name;
            default -> throw new BadRequest(RpcError.of("protocol", "invalid-value",
                    "<" + role + "> must be running or candidate on the demo device, not '" + name + "'"));
        };
    }

    private static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        final transient RpcError error;

        BadRequest(RpcError error) {
            super(error.toString(), null, false, false);
            this.error = error;
        }
    }
}
