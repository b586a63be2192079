package dev.homeport.netconf.cli;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.RpcErrorException;
import dev.homeport.netconf.message.Capabilities;
import dev.homeport.netconf.message.ModuleCapability;
import dev.homeport.netconf.message.Notification;
import dev.homeport.netconf.message.RpcReply;
import dev.homeport.netconf.message.WithDefaultsMode;
import dev.homeport.netconf.ops.ConfirmedCommit;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.Filter;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.ops.NotificationStream;
import dev.homeport.netconf.ops.Subscription;
import dev.homeport.netconf.session.CloseReason;
import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.SafeXml;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Node;

/**
 * One prepared OP of {@code connect} or {@code listen}: everything read and checked, ready to run on any number of
 * sessions. Replies go to {@link Output#result} as pretty-printed XML, as netconf-console prints them.
 */
sealed interface Operation {

    /** Where an operation's results go. */
    interface Output {
        /** One complete result for stdout: a reply, a module, a notification. */
        void result(String text);

        /** One diagnostic for stderr. */
        void note(String line);
    }

    /** Runs the operation on an open session and returns the exit code; rpc-errors are printed, not thrown. */
    default int run(NetconfClient client, Output out) {
        try {
            return execute(client, out);
        } catch (RpcErrorException e) {
            out.result(pretty(e.reply().element()));
            out.note(e.getMessage());
            return ExitCodes.RPC_ERROR;
        } catch (NetconfException e) {
            out.note(e.getMessage());
            return ExitCodes.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.note("interrupted");
            return ExitCodes.OK;
        }
    }

    int execute(NetconfClient client, Output out) throws NetconfException, InterruptedException;

    /** True when results keep coming (notifications) rather than one reply. */
    default boolean streams() {
        return false;
    }

    record Hello() implements Operation {
        @Override
        public int execute(NetconfClient client, Output out) throws NetconfException {
            String xml = dev.homeport.netconf.message.Hello.toXml(client.capabilities().uris(),
                    OptionalLong.of(client.session().sessionId()));
            try {
                out.result(SafeXml.pretty(xml));
            } catch (MalformedXmlException e) {
                throw new IllegalStateException("hello text built by the engine is not XML", e);
            }
            return ExitCodes.OK;
        }
    }

    record Get(Optional<Filter> filter, Optional<WithDefaultsMode> withDefaults) implements Operation {
        @Override
        public int execute(NetconfClient client, Output out) throws NetconfException {
            var reply = client.get(bind(filter, client.capabilities(), out).orElse(null), withDefaults.orElse(null));
            out.result(pretty(reply.reply().element()));
            return ExitCodes.OK;
        }
    }

    record GetConfig(Datastore source, Optional<Filter> filter, Optional<WithDefaultsMode> withDefaults)
            implements Operation {
        @Override
        public int execute(NetconfClient client, Output out) throws NetconfException {
            var reply = client.getConfig(source, bind(filter, client.capabilities(), out).orElse(null),
                    withDefaults.orElse(null));
            out.result(pretty(reply.reply().element()));
            return ExitCodes.OK;
        }
    }

    /** {@code [--lock T] --edit-config FILE [--commit | --confirmed-commit S]}: each reply is printed. */
    record Edit(String config, Optional<Datastore> target, Optional<Datastore> lock, boolean commit,
                Optional<ConfirmedCommitRequest> confirmed) implements Operation {
        @Override
        public int execute(NetconfClient client, Output out) throws NetconfException {
            Capabilities caps = client.capabilities();
            boolean commits = commit || confirmed.isPresent();
            Datastore t = target.orElseGet(() -> commits || !caps.writableRunning() ? Datastore.CANDIDATE
                    : Datastore.RUNNING);
            if (t.equals(Datastore.CANDIDATE) && !caps.candidate()) {
                throw new NetconfException("the device has no candidate datastore (:candidate); edit running with "
                        + "--target running" + (commits ? " and without --commit" : ""));
            }
            EditConfig edit;
            try {
                edit = EditConfig.to(t).config(config);
            } catch (MalformedXmlException e) {
                throw new IllegalStateException("checked when prepared", e);
            }
            if (lock.isPresent()) {
                out.result(pretty(client.lock(lock.get()).element()));
            }
            int code = ExitCodes.OK;
            try {
                out.result(pretty(client.editConfig(edit).element()));
                if (commit) {
                    out.result(pretty(client.commit().element()));
                } else if (confirmed.isPresent()) {
                    out.result(pretty(confirmed.get().run(client, out).element()));
                } else if (t.equals(Datastore.CANDIDATE)) {
                    out.note("the edit is in the candidate datastore: apply it with --commit (or drop it with "
                            + "--discard)" + (lock.isPresent() ? "; releasing the lock may discard it" : ""));
                }
            } catch (RpcErrorException e) {
                // printed here so that replies appear in the order they came, the unlock's last
                out.result(pretty(e.reply().element()));
                out.note(e.getMessage());
                code = ExitCodes.RPC_ERROR;
            } finally {
                if (lock.isPresent() && client.session().isOpen()) {
                    unlockQuietly(client, lock.get(), out);
                }
            }
            return code;
        }

        private static void unlockQuietly(NetconfClient client, Datastore ds, Output out) {
            try {
                out.result(pretty(client.unlock(ds).element()));
            } catch (NetconfException e) {
                out.note("unlock of " + ds + " failed: " + e.getMessage());
            }
        }
    }

    /** A confirmed commit: persistent when the device allows it, so that a later command can confirm it. */
    record ConfirmedCommitRequest(Duration timeout, Optional<String> persist) {
        RpcReply run(NetconfClient client, Output out) throws NetconfException {
            Capabilities caps = client.capabilities();
            if (!caps.confirmedCommit()) {
                throw new NetconfException("the device does not support confirmed commits (:confirmed-commit)");
            }
            Optional<String> token = persist.or(() -> caps.confirmedCommit11()
                    ? Optional.of(UUID.randomUUID().toString()) : Optional.empty());
            if (token.isEmpty()) {
                throw new NetconfException("the device supports only :confirmed-commit:1.0, whose commit is rolled "
                        + "back when this session ends, so no later command could confirm it");
            }
            RpcReply reply = client.commit(ConfirmedCommit.withTimeout(timeout).persist(token.get()));
            out.note("confirmed commit: it is rolled back in " + timeout.toSeconds() + " s unless confirmed with "
                    + "--commit --persist-id " + token.get() + " (--cancel-commit --persist-id " + token.get()
                    + " rolls it back now)");
            return reply;
        }
    }

    record Commit(Optional<String> persistId) implements Operation {
        @Override
        public int execute(NetconfClient client, Output out) throws NetconfException {
            RpcReply r = persistId.isPresent() ? client.confirmCommit(persistId.get()) : client.commit();
            out.result(pretty(r.element()));
            return ExitCodes.OK;
        }
    }

    record ConfirmCommit(ConfirmedCommitRequest request) implements Operation {
        @Override
        public int execute(NetconfClient client, Output out) throws NetconfException {
            out.result(pretty(request.run(client, out).element()));
            return ExitCodes.OK;
        }
    }

    record CancelCommit(Optional<String> persistId) implements Operation {
        @Override
        public int execute(NetconfClient client, Output out) throws NetconfException {
            out.result(pretty(client.cancelCommit(persistId.orElse(null)).element()));
            return ExitCodes.OK;
        }
    }

    record Discard() implements Operation {
        @Override
        public int execute(NetconfClient client, Output out) throws NetconfException {
            out.result(pretty(client.discardChanges().element()));
            return ExitCodes.OK;
        }
    }

    record Validate(Optional<Datastore> source) implements Operation {
        @Override
        public int execute(NetconfClient client, Output out) throws NetconfException {
            Datastore s = source.orElse(client.capabilities().candidate() ? Datastore.CANDIDATE : Datastore.RUNNING);
            out.result(pretty(client.validate(s).element()));
            return ExitCodes.OK;
        }
    }

    /** Takes the lock and releases it: shows whether the datastore is free (lock-denied names the holder). */
    record Lock(Datastore datastore) implements Operation {
        @Override
        public int execute(NetconfClient client, Output out) throws NetconfException {
            out.result(pretty(client.lock(datastore).element()));
            client.unlock(datastore);
            return ExitCodes.OK;
        }
    }

    record GetSchema(String name) implements Operation {
        @Override
        public int execute(NetconfClient client, Output out) throws NetconfException {
            out.result(client.getSchema(name).strip());
            return ExitCodes.OK;
        }
    }

    record Rpc(String xml) implements Operation {
        @Override
        public int execute(NetconfClient client, Output out) throws NetconfException {
            out.result(pretty(client.rpc(xml).element()));
            return ExitCodes.OK;
        }
    }

    /** Prints notifications as they come, until {@code count} or the end of the stream or session. */
    record Subscribe(Optional<String> stream, Optional<Filter> filter, Optional<Integer> count) implements Operation {
        @Override
        public boolean streams() {
            return true;
        }

        @Override
        public int execute(NetconfClient client, Output out) throws NetconfException, InterruptedException {
            Subscription s = stream.map(Subscription::stream).orElseGet(Subscription::defaultStream);
            Optional<Filter> f = bind(filter, client.capabilities(), out);
            if (f.isPresent()) {
                s = s.filter(f.get());
            }
            try (NotificationStream ns = client.subscribe(s)) {
                out.note("subscribed to " + stream.map(x -> "stream " + x).orElse("the default stream")
                        + count.map(n -> "; stopping after " + n + " notification" + (n == 1 ? "" : "s"))
                        .orElse("; Ctrl-C stops"));
                int received = 0;
                while (count.isEmpty() || received < count.get()) {
                    Optional<Notification> n = ns.poll(Duration.ofMillis(500));
                    if (n.isPresent()) {
                        out.result(pretty(n.get().element()));
                        received++;
                    } else if (ns.isComplete()) {
                        if (client.session().isOpen()) {
                            out.note("the device ended the subscription (notificationComplete)");
                            return ExitCodes.OK;
                        }
                        String why = client.session().closeFuture().toCompletableFuture()
                                .getNow(new CloseReason("session closed", Optional.empty())).description();
                        out.note("subscription ended after " + received + " notification(s): " + why);
                        return ExitCodes.USAGE;
                    }
                }
                return ExitCodes.OK;
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    static String pretty(Node node) {
        return SafeXml.pretty(node);
    }

    Pattern PREFIX = Pattern.compile("(?<![\\w.:-])([A-Za-z_][\\w.-]*):(?![:/])");

    /**
     * An XPath filter may use module names as prefixes ({@code /ietf-interfaces:interfaces}): those the device
     * announces are bound to their namespaces here; --ns bindings win.
     */
    static Optional<Filter> bind(Optional<Filter> filter, Capabilities caps, Output out) {
        if (filter.isEmpty() || !(filter.get() instanceof Filter.XPath x)) {
            return filter;
        }
        if (!caps.xpath()) {
            out.note("the device does not announce :xpath; it may refuse the XPath filter");
        }
        Map<String, String> ns = new LinkedHashMap<>(x.namespaces());
        Matcher m = PREFIX.matcher(x.expression());
        while (m.find()) {
            String prefix = m.group(1);
            if (!ns.containsKey(prefix)) {
                caps.modules().stream().filter(mc -> mc.name().equals(prefix)).map(ModuleCapability::namespace)
                        .findFirst().ifPresent(uri -> ns.put(prefix, uri));
            }
        }
        return Optional.of(Filter.xpath(x.expression(), ns));
    }
}
